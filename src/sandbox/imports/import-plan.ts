/**
 * Checks an import-leads / import-companies body against every rule of contract §2.2 /
 * §2.3 and turns it into a plan; violations become one 422 whose `error.data` names
 * each offending field (`columns.first_name`, `list_uuid`, ...).
 */
import { type RecordKind, importTypeOf } from '../../shared/vocabulary';
import { IDENTIFIER_FIELDS } from '../../core/mapping/catalogue';
import type { Compat } from '../compat';
import { validationErrors, type FieldErrors } from '../http/errors';
import { isRecord, type JsonBody } from '../http/read-json';
import { fieldIndex, fieldNames } from '../store/records';
import type { TeamStore } from '../store/team-store';
import type { FileImportJob } from './file-import';

export interface ImportPlan {
  readonly kind: RecordKind;
  /** [catalogue field index, 0-based CSV column] pairs. */
  readonly columns: readonly (readonly [number, number])[];
  /** Contacts: the one list every imported contact joins. */
  readonly listUuid: string;
  /** Companies: the lists imported companies join (maybe none). */
  readonly listUuids: readonly string[];
  /** Tag names (the records store names; a uuid in the request is resolved to its tag's name). */
  readonly tags: readonly string[];
  readonly updateIfExists: boolean;
  readonly moveToList: boolean;
}

function orList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

function readColumns(body: JsonBody, kind: RecordKind, columnCount: number, errors: FieldErrors): [number, number][] {
  const raw = body.value.columns;
  if (raw === undefined || raw === null) {
    errors.columns = ['The columns field is required.'];
    return [];
  }
  if (!isRecord(raw)) {
    errors.columns = ['The columns field must be an object of field name → 0-based column index.'];
    return [];
  }
  const pairs: [number, number][] = [];
  for (const [field, column] of Object.entries(raw)) {
    const key = `columns.${field}`;
    const index = fieldIndex(kind, field);
    if (index < 0) {
      errors[key] = [`Unknown field "${field}". ${kind === 'contacts' ? 'Contacts' : 'Companies'} accept: ${fieldNames(kind).join(', ')}.`];
    } else if (typeof column !== 'number' || !Number.isInteger(column) || column < 0) {
      errors[key] = [`The column of ${field} must be a 0-based column index (a whole number).`];
    } else if (column >= columnCount) {
      errors[key] = [`The column of ${field} is ${column}, but the file has ${columnCount} column(s) (0–${columnCount - 1}).`];
    } else {
      pairs.push([index, column]);
    }
  }
  for (const path of body.duplicateKeys) {
    if (path.startsWith('columns.')) errors[path] = [`The field ${path.slice('columns.'.length)} is mapped more than once.`];
  }
  const identifiers = IDENTIFIER_FIELDS[kind];
  if (!identifiers.some((field) => field in raw)) {
    errors.columns = [`Map at least one of ${orList(identifiers)}: without an identifier no row can be imported.`];
  }
  return pairs;
}

/**
 * `tags`: the sister spec sends tag UUIDs, and the sister mode accepts nothing else; the
 * doc mode takes a name or the uuid of an existing tag. Either way the result is names.
 */
function readTags(value: unknown, store: TeamStore, compat: Compat, errors: FieldErrors): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string' && tag.trim() !== '' && tag.length <= 100)) {
    errors.tags = [compat === 'sister'
      ? 'The tags must be an array of tag uuids (see GET /leads/api/tags).'
      : 'The tags must be an array of non-empty strings (at most 100 characters each).'];
    return [];
  }
  return (value as string[]).map((raw, i) => {
    const tag = raw.trim();
    const known = store.tags.get(tag);
    if (known !== undefined) return known.name;
    if (compat === 'sister') errors[`tags.${i}`] = [`The selected tags.${i} "${tag}" is not the uuid of a tag of this team (see GET /leads/api/tags).`];
    return tag;
  });
}

function readBoolean(value: unknown, name: string, fallback: boolean, errors: FieldErrors): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    errors[name] = [`The ${name} field must be true or false.`];
    return fallback;
  }
  return value;
}

function readContactList(body: Record<string, unknown>, job: FileImportJob, store: TeamStore, errors: FieldErrors): string {
  const value = body.list_uuid ?? job.list_uuid;
  if (value === undefined || value === null || value === '') {
    errors.list_uuid = ['The list_uuid field is required: every contact belongs to exactly one list (give it here or at upload).'];
    return '';
  }
  if (typeof value !== 'string') {
    errors.list_uuid = ['The list_uuid must be a string.'];
    return '';
  }
  if (!store.lists.has(value)) errors.list_uuid = [`The selected list_uuid "${value}" does not exist.`];
  return value;
}

function readCompanyLists(value: unknown, store: TeamStore, errors: FieldErrors): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((uuid) => typeof uuid === 'string')) {
    errors.list_uuids = ['The list_uuids must be an array of list uuids.'];
    return [];
  }
  value.forEach((uuid: string, i) => {
    if (!store.lists.has(uuid)) errors[`list_uuids.${i}`] = [`The selected list_uuids.${i} "${uuid}" does not exist.`];
  });
  return value as string[];
}

export function planImport(job: FileImportJob, kind: RecordKind, body: JsonBody, store: TeamStore, compat: Compat): ImportPlan {
  const errors: FieldErrors = {};
  const expected = importTypeOf(kind);
  if (job.type !== expected) {
    errors.type = [`This upload is ${job.type}; ${kind === 'contacts' ? 'import-leads' : 'import-companies'} needs a ${expected} upload.`];
  }
  if (job.status !== 'not_started') errors.status = [`The import has already been started (status ${job.status}).`];
  const columns = readColumns(body, kind, job.csv_headers.length, errors);
  const listUuid = kind === 'contacts' ? readContactList(body.value, job, store, errors) : '';
  const listUuids = kind === 'companies' ? readCompanyLists(body.value.list_uuids, store, errors) : [];
  const tags = readTags(body.value.tags, store, compat, errors);
  const updateIfExists = readBoolean(body.value.update_if_exists, 'update_if_exists', true, errors);
  const moveToList = readBoolean(body.value.move_to_list, 'move_to_list', false, errors);
  if (Object.keys(errors).length > 0) throw validationErrors(errors);
  for (const name of tags) if (store.tagNamed(name) === undefined) store.createTag(name); // a new name becomes a tag, as GET /leads/api/tags shows
  return { kind, columns, listUuid, listUuids, tags, updateIfExists, moveToList };
}
