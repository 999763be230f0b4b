/**
 * MassActionFilter (contract §3.1): checks it (422 naming `filter.*` fields) and picks
 * the matching records in creation order.
 * - `{all: true}` everything; `{all: false, ids}` those uuids; `excludeIds` removes.
 * - contacts: `leadFilter.list_uuid` (one list) and/or `leadFilter.q`;
 *   companies: `companyFilter.lists` (any of them) and/or `companyFilter.q`.
 * - `q`: every word must occur (case- and accent-insensitive) in the contact's first,
 *   last or full name, work or personal email, company or position — for a company in
 *   its name, domain, website or industry.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { validationErrors, type FieldErrors } from '../http/errors';
import { isRecord } from '../http/read-json';
import { fieldIndex } from '../store/records';
import type { RecordTable } from '../store/record-table';
import type { TeamStore } from '../store/team-store';

const CONTACT_SEARCH = ['first_name', 'last_name', 'name', 'work_email', 'personal_email', 'company_name', 'position'].map((f) => fieldIndex('contacts', f));
const COMPANY_SEARCH = ['name', 'domain', 'website', 'industry'].map((f) => fieldIndex('companies', f));

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function stringArray(value: unknown, field: string, errors: FieldErrors): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    errors[field] = [`The ${field} must be an array of uuids.`];
    return undefined;
  }
  return value as string[];
}

function optionalString(value: unknown, field: string, errors: FieldErrors): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    errors[field] = [`The ${field} must be a string.`];
    return undefined;
  }
  return value;
}

interface Criteria {
  readonly all: boolean;
  readonly ids: ReadonlySet<string>;
  readonly excludeIds: ReadonlySet<string>;
  readonly lists: readonly string[] | undefined;
  readonly terms: readonly string[];
}

function readNarrowing(kind: RecordKind, filter: Record<string, unknown>, store: TeamStore, errors: FieldErrors): { lists?: string[]; q?: string } {
  const own = kind === 'contacts' ? 'leadFilter' : 'companyFilter';
  const other = kind === 'contacts' ? 'companyFilter' : 'leadFilter';
  if (filter[other] !== undefined && filter[other] !== null) {
    errors[`filter.${other}`] = [`filter.${other} does not apply to a ${kind} export; use filter.${own}.`];
  }
  const narrowing = filter[own];
  if (narrowing === undefined || narrowing === null) return {};
  if (!isRecord(narrowing)) {
    errors[`filter.${own}`] = [`The filter.${own} must be an object.`];
    return {};
  }
  const q = optionalString(narrowing.q, `filter.${own}.q`, errors);
  let lists: string[] | undefined;
  if (kind === 'contacts') {
    const list = optionalString(narrowing.list_uuid, 'filter.leadFilter.list_uuid', errors);
    if (list !== undefined) lists = [list];
  } else {
    lists = stringArray(narrowing.lists, 'filter.companyFilter.lists', errors);
  }
  const listField = kind === 'contacts' ? 'filter.leadFilter.list_uuid' : 'filter.companyFilter.lists';
  const unknown = (lists ?? []).filter((uuid) => !store.lists.has(uuid));
  if (unknown.length > 0) errors[listField] = [`Unknown list uuid(s): ${unknown.join(', ')}.`];
  return { ...(lists !== undefined ? { lists } : {}), ...(q !== undefined ? { q } : {}) };
}

function readCriteria(kind: RecordKind, raw: unknown, store: TeamStore): Criteria {
  const errors: FieldErrors = {};
  if (!isRecord(raw)) throw validationErrors({ filter: ['The filter field is required: an object such as {"all": true}.'] });
  if (typeof raw.all !== 'boolean') errors['filter.all'] = ['The filter.all field is required and must be true or false.'];
  const ids = stringArray(raw.ids, 'filter.ids', errors);
  const excludeIds = stringArray(raw.excludeIds, 'filter.excludeIds', errors);
  if (raw.all === false && (ids === undefined || ids.length === 0) && errors['filter.ids'] === undefined) {
    errors['filter.ids'] = ['The filter.ids field is required when filter.all is false.'];
  }
  const { lists, q } = readNarrowing(kind, raw, store, errors);
  if (Object.keys(errors).length > 0) throw validationErrors(errors);
  return {
    all: raw.all === true,
    ids: new Set(ids ?? []),
    excludeIds: new Set(excludeIds ?? []),
    lists,
    terms: q === undefined ? [] : fold(q).split(/\s+/).filter((t) => t !== ''),
  };
}

function matchesTerms(values: readonly string[], searchable: readonly number[], terms: readonly string[]): boolean {
  const haystack = fold(searchable.map((i) => values[i] ?? '').join(' '));
  return terms.every((term) => haystack.includes(term));
}

/** Positions in `table` of the records the criteria pick, in creation order. */
function select<M>(table: RecordTable<M>, c: Criteria, inLists: (membership: M, lists: readonly string[]) => boolean, searchable: readonly number[]): number[] {
  const picked: number[] = [];
  for (let position = 0; position < table.size; position += 1) {
    if (c.ids.size > 0 || c.excludeIds.size > 0) {
      const uuid = table.uuid(position);
      if ((!c.all && !c.ids.has(uuid)) || c.excludeIds.has(uuid)) continue;
    } else if (!c.all) {
      continue;
    }
    if (c.lists !== undefined && !inLists(table.membership(position), c.lists)) continue;
    if (c.terms.length > 0 && !matchesTerms(table.values(position), searchable, c.terms)) continue;
    picked.push(position);
  }
  return picked;
}

export function selectContacts(raw: unknown, store: TeamStore): number[] {
  return select(store.contacts, readCriteria('contacts', raw, store), (list, lists) => lists.includes(list), CONTACT_SEARCH);
}

export function selectCompanies(raw: unknown, store: TeamStore): number[] {
  return select(store.companies, readCriteria('companies', raw, store), (own, lists) => lists.some((list) => own.includes(list)), COMPANY_SEARCH);
}
