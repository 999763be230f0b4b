/**
 * Two read-only lookups of contract §8, in both modes: `POST /leads/api/leads/count`
 * `{filter}` → `{total}` (the contacts an export with that filter would hold) and
 * `POST /leads/api/companies/list` `{limit, offset, filter?}` → a page of companies with
 * `total`. A filter without `all` means all (the sister spec's count takes `leadFilter` alone).
 */
import { selectCompanies, selectContacts } from './exports/export-filter';
import type { RequestContext } from './http/context';
import { validationErrors, type FieldErrors } from './http/errors';
import { isRecord, readJsonBody } from './http/read-json';
import { sendJson } from './http/respond';
import { companyView } from './store/records';

const MAX_LIMIT = 100;

function filterOf(value: unknown): unknown {
  if (value === undefined || value === null) return { all: true };
  return isRecord(value) && value.all === undefined ? { ...value, all: true } : value;
}

function wholeNumber(value: unknown, name: string, min: number, max: number, fallback: number, errors: FieldErrors): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    errors[name] = [`The ${name} must be an integer between ${min} and ${max}.`];
    return fallback;
  }
  return value;
}

export async function countLeads(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  sendJson(ctx.res, 200, { total: selectContacts(filterOf(value.filter), ctx.state.store).length });
}

export async function listCompanies(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  const errors: FieldErrors = {};
  const limit = wholeNumber(value.limit, 'limit', 1, MAX_LIMIT, 20, errors);
  const offset = wholeNumber(value.offset, 'offset', 0, Number.MAX_SAFE_INTEGER, 0, errors);
  if (Object.keys(errors).length > 0) throw validationErrors(errors);
  const { store } = ctx.state;
  const positions = selectCompanies(filterOf(value.filter), store);
  const data = positions.slice(offset, offset + limit).map((position) => companyView(store.companies, position));
  sendJson(ctx.res, 200, { data, limit, offset, total: positions.length, has_more: offset + data.length < positions.length });
}
