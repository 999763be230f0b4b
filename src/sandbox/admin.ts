/**
 * Test-only endpoints under `/__sandbox/` (faults mode only; no auth, no rate limit):
 * queue faults, reset to the seed, and read the stored records so tests in another
 * process can compare exports and imports with what the sandbox holds.
 */
import type { RequestContext } from './http/context';
import { validationError } from './http/errors';
import { readJsonBody } from './http/read-json';
import { sendJson } from './http/respond';
import { companyView, contactView } from './store/records';

export async function addFault(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  ctx.state.faults.add(value);
  sendJson(ctx.res, 200, { faults: ctx.state.faults.list() });
}

export function listFaults(ctx: RequestContext): void {
  sendJson(ctx.res, 200, { faults: ctx.state.faults.list() });
}

export async function reset(ctx: RequestContext): Promise<void> {
  ctx.req.resume();
  await ctx.state.reset();
  sendJson(ctx.res, 200, { ok: true });
}

function positions(size: number): number[] {
  return Array.from({ length: size }, (_, i) => i);
}

/** `GET /__sandbox/state?kind=contacts|companies[&list_uuid=…]` → `{kind, total, data}`. */
export function state(ctx: RequestContext): void {
  const kind = ctx.url.searchParams.get('kind');
  const list = ctx.url.searchParams.get('list_uuid');
  const { store } = ctx.state;
  if (kind === 'contacts') {
    const data = positions(store.contacts.size).filter((p) => list === null || store.contacts.membership(p) === list).map((p) => contactView(store.contacts, p));
    sendJson(ctx.res, 200, { kind, total: data.length, data });
  } else if (kind === 'companies') {
    const data = positions(store.companies.size).filter((p) => list === null || store.companies.membership(p).includes(list)).map((p) => companyView(store.companies, p));
    sendJson(ctx.res, 200, { kind, total: data.length, data });
  } else {
    throw validationError('kind', 'The kind must be contacts or companies.');
  }
}
