/**
 * The one place that knows the API's wire format: paths, query parameters, request
 * bodies, and decoders for every response, including the variants the contract says to
 * tolerate. Choices tagged [ours] in docs/api-contract.md all live here, so when the real
 * server disagrees, this file is the one to change.
 */
import {
  DecodeError, type JsonObject, type Reader, array, arrayOf, boolean, cell, count as anyCount, jsonType, lenient, nonEmptyString,
  object, optional, recordOf, skipInvalid, string,
} from '../../shared/decode';
import {
  EXPORT_STATUSES, EXPORT_TYPES, IMPORT_STATUSES, IMPORT_TYPES, type ExportStatus, type ImportStatus, type ImportType, type RecordKind,
} from '../../shared/vocabulary';
import {
  type ContactList, type ExportFilter, type ExportJob, type ExportProgress, type FileImport, type ImportCompaniesBody,
  type ImportContactsBody, type ImportMetrics, type ImportRowError, type ImportStart, type ListImportsQuery, type ListListsQuery,
  type Page, type PageQuery, type Tag, UNKNOWN_STATUS, type UnknownStatus,
} from './models';

/** Counts and indexes may come as digit strings (PHP servers send those) [ours]. */
const count: Reader<number> = (value, path) => anyCount(value, path, { digitStrings: true });

/** Where a decoder reports data it tolerated (ignored or left out): one line each, for the log. */
export type Note = (line: string) => void;
const ignoreNotes: Note = () => undefined;

/** Advisory data: a value that does not decode gives `fallback`, and one note says why. */
function advisory<T>(value: unknown, path: string, read: Reader<T>, fallback: T, note: Note): T {
  return lenient(value, path, read, fallback, (problem) => note(`ignored ${problem.path}: ${problem.problem}`));
}

const segment = (uuid: string): string => encodeURIComponent(uuid);

export const API_PATHS = {
  uploadCsv: '/leads/api/file-imports/upload-csv',
  importLeads: (uuid: string) => `/leads/api/file-imports/${segment(uuid)}/import-leads`,
  importCompanies: (uuid: string) => `/leads/api/file-imports/${segment(uuid)}/import-companies`,
  /** Where an import is polled first [ours, from sister]... */
  dataSource: (uuid: string) => `/leads/api/data-sources/${segment(uuid)}`,
  /** ...and where the client looks when that answers 404. */
  fileImport: (uuid: string) => `/leads/api/file-imports/${segment(uuid)}`,
  importMetrics: '/leads/api/data-sources/metrics',
  imports: '/leads/api/data-sources',
  exportContacts: '/leads/api/file-exports/leads',
  exportCompanies: '/leads/api/file-exports/companies',
  massAction: (uuid: string) => `/leads/api/mass-actions/${segment(uuid)}`,
  fileExport: (uuid: string) => `/leads/api/file-exports/${segment(uuid)}`,
  download: '/leads/api/file-exports/download',
  lists: '/leads/api/lists',
  tags: '/leads/api/tags',
  massActions: '/leads/api/mass-actions',
  countLeads: '/leads/api/leads/count',
  companiesList: '/leads/api/companies/list',
} as const;

export type Query = Readonly<Record<string, string | number | undefined>>;
export type JsonObjectBody = Readonly<Record<string, unknown>>;

// ---------------------------------------------------------------- requests

/** Multipart fields of the upload besides the `file` part. */
export function encodeUploadFields(input: { type: ImportType; listUuid?: string }): Record<string, string> {
  return input.listUuid ? { type: input.type, list_uuid: input.listUuid } : { type: input.type };
}

export const UPLOAD_FILE_FIELD = 'file';
export const UPLOAD_FILE_TYPE = 'text/csv';

export function encodeImportContacts(body: ImportContactsBody): JsonObject {
  return {
    columns: { ...body.columns },
    ...(body.listUuid !== undefined ? { list_uuid: body.listUuid } : {}),
    ...(body.tags !== undefined ? { tags: [...body.tags] } : {}),
    ...(body.updateIfExists !== undefined ? { update_if_exists: body.updateIfExists } : {}),
    ...(body.moveToList !== undefined ? { move_to_list: body.moveToList } : {}),
  };
}

export function encodeImportCompanies(body: ImportCompaniesBody): JsonObject {
  return {
    columns: { ...body.columns },
    ...(body.listUuids !== undefined ? { list_uuids: [...body.listUuids] } : {}),
    ...(body.tags !== undefined ? { tags: [...body.tags] } : {}),
  };
}

export function encodeImportMetricsRequest(uuids: readonly string[]): JsonObject {
  return { uuids: [...uuids] };
}

/** `{ filter: MassActionFilter }`; list and search keys differ between contacts and companies [ours]. */
export function encodeExportRequest(filter: ExportFilter, entity: RecordKind): JsonObject {
  return { filter: encodeMassActionFilter(filter, entity) };
}

function encodeMassActionFilter(filter: ExportFilter, entity: RecordKind): JsonObject {
  switch (filter.kind) {
    case 'all':
      return { all: true };
    case 'ids':
      return { all: false, ids: [...filter.ids], excludeIds: [...(filter.excludeIds ?? [])] };
    case 'list':
      return entity === 'contacts'
        ? { all: true, leadFilter: { list_uuid: filter.listUuid } }
        : { all: true, companyFilter: { lists: [filter.listUuid] } };
    case 'search': {
      if (entity === 'contacts') {
        return { all: true, leadFilter: { q: filter.q, ...(filter.listUuid ? { list_uuid: filter.listUuid } : {}) } };
      }
      return { all: true, companyFilter: { q: filter.q, ...(filter.listUuid ? { lists: [filter.listUuid] } : {}) } };
    }
  }
}

/** `leads/count` takes the export's filter as it is [sister]. */
export function encodeCountContactsRequest(filter: ExportFilter): JsonObject {
  return { filter: encodeMassActionFilter(filter, 'contacts') };
}

/** The companies list has no count endpoint: one item of the list, for its `total` [sister]. */
export function encodeCountCompaniesRequest(filter: ExportFilter): JsonObject {
  return { limit: 1, offset: 0, filter: encodeMassActionFilter(filter, 'companies') };
}

export function encodeDownloadRequest(fileName: string): JsonObject {
  return { file_name: fileName };
}

export function encodeCreateList(name: string): JsonObject {
  return { name };
}

export function listImportsQuery(query: ListImportsQuery): Query {
  return { 'filter[type]': query.type, ...pageQuery(query), order_field: 'created_at', order_type: 'desc' };
}

/** Newest first; the type filter is a hint the real server may ignore (contract §7). */
export function listMassActionsQuery(query: PageQuery): Query {
  return { ...pageQuery(query), order_field: 'created_at', order_type: 'desc' };
}

export function listTagsQuery(query: PageQuery): Query {
  return pageQuery(query);
}

export function listListsQuery(query: ListListsQuery): Query {
  return { 'filter[q]': query.q || undefined, ...pageQuery(query) };
}

function pageQuery(query: { limit?: number; offset?: number }): Query {
  return { limit: query.limit, offset: query.offset };
}

// ---------------------------------------------------------------- responses
//
// Each decoder requires only what the extension acts on (contract §7, row by row): a
// missing required field is a DecodeError naming it; advisory data that does not decode
// is noted (one log line) and left out; unknown status words are kept raw.

/** `POST upload-csv`: only the uuid and the headers (or a preview keyed by header) are required. */
export function decodeUpload(value: unknown, path = 'upload', note: Note = ignoreNotes): FileImport {
  const o = object(value, path);
  const csvHeaders = optional(o.csv_headers, `${path}.csv_headers`, (v, p) => arrayOf(v, p, string)) ?? headersOfPreview(o.csv_preview, `${path}.csv_headers`);
  return fileImport(o, path, note, csvHeaders, statusOf(advisory<string | undefined>(o.status, `${path}.status`, string, undefined, note), IMPORT_STATUSES, 'not_started'));
}

/** `GET data-sources/{uuid}` (or `file-imports/{uuid}`): the status is what polling acts on, so it is required; any word is accepted. */
export function decodeDataSource(value: unknown, path = 'import', note: Note = ignoreNotes): FileImport {
  const o = object(value, path);
  const csvHeaders = advisory(o.csv_headers, `${path}.csv_headers`, (v, p) => arrayOf(v, p, string), [], note);
  return fileImport(o, path, note, csvHeaders, statusOf(string(o.status, `${path}.status`), IMPORT_STATUSES, 'in_progress'));
}

/**
 * `POST import-leads|import-companies`: a full object, a partial one or a body with no
 * schema at all [sister]; the job is the upload, so its uuid is the fallback. Never fails.
 */
export function decodeImportStart(value: unknown, uploadUuid: string, path = 'import', note: Note = ignoreNotes): ImportStart {
  const o = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
  if (o === value) {
    const uuid = advisory(o.uuid, `${path}.uuid`, nonEmptyString, uploadUuid, note);
    return { uuid, ...statusOf(advisory<string | undefined>(o.status, `${path}.status`, string, undefined, note), IMPORT_STATUSES, 'in_progress') };
  }
  note(`${path}: the answer is ${jsonType(value)}, not an object; following the upload ${uploadUuid}`);
  return { uuid: uploadUuid, status: 'in_progress', rawStatus: 'in_progress' };
}

/** `GET data-sources`: every data source of the account [sister]; only CSV imports are ours, the rest is skipped. */
export function decodeImportsPage(value: unknown, path = 'imports', note: Note = ignoreNotes): Page<FileImport> {
  return decodePage(value, path, (item, p) => {
    const type = object(item, p).type;
    return typeof type === 'string' && (IMPORT_TYPES as readonly string[]).includes(type) ? decodeDataSource(item, p, note) : SKIP;
  }, note, 'not a CSV import');
}

function fileImport(o: JsonObject, path: string, note: Note, csvHeaders: readonly string[], status: Status<ImportStatus>): FileImport {
  const payload = advisory(o.payload, `${path}.payload`, object, {}, note);
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    type: knownType(o.type, IMPORT_TYPES),
    ...status,
    listUuid: advisory(o.list_uuid, `${path}.list_uuid`, string, undefined, note),
    fileName: advisory(payload.file_name, `${path}.payload.file_name`, string, undefined, note),
    delimiter: advisory(payload.delimiter, `${path}.payload.delimiter`, string, undefined, note),
    rowsCount: advisory(payload.rows_count, `${path}.payload.rows_count`, count, undefined, note),
    csvHeaders,
    csvPreview: advisory(o.csv_preview, `${path}.csv_preview`, (v, p) => decodePreview(v, p, csvHeaders), [], note),
    matches: advisory(o.matches, `${path}.matches`, (v, p) => decodeMatches(v, p, csvHeaders), {}, note),
    metrics: advisory(o.metrics, `${path}.metrics`, decodeImportMetrics, undefined, note),
    errors: advisory(o.errors, `${path}.errors`, (v, p) => decodeRowErrors(v, p, note), [], note),
    createdAt: advisory(o.created_at, `${path}.created_at`, string, undefined, note),
    updatedAt: advisory(o.updated_at, `${path}.updated_at`, string, undefined, note),
  };
}

/** With no `csv_headers`, a preview whose rows are objects keyed by header still names them. */
function headersOfPreview(preview: unknown, headersPath: string): string[] {
  const first = Array.isArray(preview) ? preview[0] : undefined;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) return Object.keys(first);
  throw new DecodeError(headersPath, `expected the file's headers (csv_headers or a preview keyed by header), got ${jsonType(undefined)}`);
}

interface Status<T extends string> {
  readonly status: T | UnknownStatus;
  readonly rawStatus: string;
}

/** A known word, or `unknown` with the raw word kept; absent means `fallback`. */
function statusOf<T extends string>(value: string | undefined, known: readonly T[], fallback: T): Status<T> {
  if (value === undefined) return { status: fallback, rawStatus: fallback };
  return { status: (known as readonly string[]).includes(value) ? (value as T) : UNKNOWN_STATUS, rawStatus: value };
}

function knownType<T extends string>(value: unknown, known: readonly T[]): T | undefined {
  return typeof value === 'string' && (known as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Rows come as arrays of cells, or as objects keyed by header; both become header-aligned arrays. */
function decodePreview(value: unknown, path: string, headers: readonly string[]): string[][] {
  return array(value, path).map((row, index) => {
    const rowPath = `${path}[${index}]`;
    if (Array.isArray(row)) return row.map((v, i) => cell(v, `${rowPath}[${i}]`));
    const byHeader = object(row, rowPath);
    return headers.map((header) => cell(byHeader[header], `${rowPath}.${header}`));
  });
}

/**
 * The server's suggested mapping, as field → column index. Accepted shapes:
 * `{field: index}`, `{field: "Header"}`, `{"Header": field}`, `[{field|target, column|index|source}]`.
 * Anything else throws, and the caller ignores it (advisory).
 */
function decodeMatches(value: unknown, path: string, headers: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  const put = (field: string, column: unknown, columnPath: string): void => {
    result[field] = columnIndex(column, columnPath, headers);
  };
  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      const p = `${path}[${index}]`;
      const o = object(entry, p);
      const fieldKey = o.field !== undefined ? 'field' : 'target';
      const columnKey = (['column', 'index', 'source'] as const).find((key) => o[key] !== undefined && o[key] !== null) ?? 'column';
      put(nonEmptyString(o[fieldKey], `${p}.${fieldKey}`), o[columnKey], `${p}.${columnKey}`);
    });
    return result;
  }
  for (const [key, entry] of Object.entries(object(value, path))) {
    if (entry === null) continue; // a field the server could not match
    // `{"Header": field}`: the key is a header and the value a field name.
    if (headers.includes(key) && typeof entry === 'string' && !headers.includes(entry) && !/^\d+$/.test(entry)) put(entry, key, `${path}.<key>`);
    else put(key, entry, `${path}.<key>`);
  }
  return result;
}

function columnIndex(value: unknown, path: string, headers: readonly string[]): number {
  if (typeof value === 'string' && !/^\d+$/.test(value)) {
    const index = headers.indexOf(value);
    if (index < 0) throw new DecodeError(path, 'names a header that is not among csv_headers');
    return index;
  }
  const index = count(value, path);
  if (headers.length > 0 && index >= headers.length) {
    throw new DecodeError(path, `column ${index} is past the last of ${headers.length} csv_headers`);
  }
  return index;
}

export function decodeImportMetrics(value: unknown, path: string): ImportMetrics {
  const o = object(value, path);
  const n = (key: string): number => optional(o[key], `${path}.${key}`, count) ?? 0;
  return {
    queuedRecords: n('queued_records'),
    savedRecords: n('saved_records'),
    duplicateRecords: n('duplicate_records'),
    blacklistedRecords: n('blacklisted_records'),
    errorRecords: n('error_records'),
  };
}

const ROW_KEYS = ['row', 'line', 'row_number', 'line_number', 'index'] as const;
const MESSAGE_KEYS = ['message', 'error', 'reason', 'text', 'description'] as const;

/** `errors[]` items of any shape [sister: "array of object"]: what can be read is kept, the rest noted once. */
function decodeRowErrors(value: unknown, path: string, note: Note): ImportRowError[] {
  const result: ImportRowError[] = [];
  let unreadable = 0;
  array(value, path).forEach((item) => {
    const read = readRowError(item);
    if (read) result.push(read);
    else unreadable += 1;
  });
  if (unreadable > 0) note(`ignored ${unreadable} of the items of ${path}: no text in them`);
  return result;
}

/** A row number when a numeric field names one (0 otherwise), and the text. */
function readRowError(item: unknown): ImportRowError | undefined {
  if (typeof item === 'string') return item.trim() === '' ? undefined : { row: 0, message: item };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const o = item as JsonObject;
  const rowValue = ROW_KEYS.map((key) => o[key]).find((v) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)));
  const message = MESSAGE_KEYS.map((key) => o[key]).find((v): v is string => typeof v === 'string' && v.trim() !== '')
    ?? Object.values(o).find((v): v is string => typeof v === 'string' && v.trim() !== '' && !/^\d+$/.test(v));
  if (message === undefined) return undefined;
  const row = rowValue === undefined ? 0 : Number(rowValue);
  return { row: Number.isSafeInteger(row) && row >= 0 ? row : 0, message };
}

export function decodeMetricsMap(value: unknown, path = 'metrics'): Record<string, ImportMetrics> {
  return recordOf(value, path, decodeImportMetrics);
}

/** `POST file-exports/leads|companies`: only the uuid is required [sister: no timestamps, no progress]. */
export function decodeExportStart(value: unknown, path = 'export', note: Note = ignoreNotes): ExportJob {
  const o = object(value, path);
  return exportJob(o, path, note, statusOf(advisory<string | undefined>(o.status, `${path}.status`, string, undefined, note), EXPORT_STATUSES, 'queued'));
}

/** `GET mass-actions/{uuid}` (or `file-exports/{uuid}`): the status is what polling acts on. */
export function decodeExport(value: unknown, path = 'export', note: Note = ignoreNotes): ExportJob {
  const o = object(value, path);
  return exportJob(o, path, note, statusOf(string(o.status, `${path}.status`), EXPORT_STATUSES, 'in_progress'));
}

/** `GET mass-actions`: mass actions of every kind; only exports are ours, the rest is skipped. */
export function decodeMassActionsPage(value: unknown, path = 'massActions', note: Note = ignoreNotes): Page<ExportJob> {
  return decodePage(value, path, (item, p) => {
    const type = object(item, p).type;
    return typeof type === 'string' && (EXPORT_TYPES as readonly string[]).includes(type) ? decodeExport(item, p, note) : SKIP;
  }, note, 'not an export');
}

/** `{total}` of `leads/count` or of a page of `companies/list`: without it, the account cannot tell. */
export function decodeTotal(value: unknown, path = 'count'): number {
  return count(object(value, path).total, `${path}.total`);
}

/**
 * `DELETE mass-actions/{uuid}`: any 2xx means aborted; the answer may be the mass action,
 * something else or nothing, so it only adds detail when it reads as an export.
 */
export function decodeCancelAnswer(value: unknown, path = 'cancel', note: Note = ignoreNotes): ExportJob | undefined {
  return advisory<ExportJob | undefined>(value, path, (v, p) => decodeExport(v, p, note), undefined, note);
}

function exportJob(o: JsonObject, path: string, note: Note, status: Status<ExportStatus>): ExportJob {
  const result = advisory(o.result, `${path}.result`, object, undefined, note);
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    type: knownType(o.type, EXPORT_TYPES),
    ...status,
    progress: advisory(o.progress, `${path}.progress`, decodeProgress, undefined, note),
    // The files are what Download acts on: a shape we cannot read is an error, not a silent empty list.
    files: result === undefined ? [] : optional(result.files, `${path}.result.files`, (v, p) => arrayOf(v, p, decodeResultFile)) ?? [],
    createdAt: advisory(o.created_at, `${path}.created_at`, string, undefined, note),
    updatedAt: advisory(o.updated_at, `${path}.updated_at`, string, undefined, note),
  };
}

const FILE_NAME_KEYS = ['file_name', 'name', 'path', 'filename'] as const;

/** A result file is a name, or an object carrying it under `file_name`, `name` or `path` (contract §7). */
function decodeResultFile(value: unknown, path: string): string {
  if (typeof value === 'string') return nonEmptyString(value, path);
  const o = object(value, path);
  const key = FILE_NAME_KEYS.find((k) => typeof o[k] === 'string') ?? 'file_name';
  return nonEmptyString(o[key], `${path}.${key}`);
}

function decodeProgress(value: unknown, path: string): ExportProgress {
  const o = object(value, path);
  return { processed: count(o.processed, `${path}.processed`), total: count(o.total, `${path}.total`) };
}

export function decodeContactList(value: unknown, path = 'list', note: Note = ignoreNotes): ContactList {
  const o = object(value, path);
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    name: string(o.name, `${path}.name`),
    createdAt: advisory(o.created_at, `${path}.created_at`, string, undefined, note),
  };
}

export function decodeListsPage(value: unknown, path = 'lists', note: Note = ignoreNotes): Page<ContactList> {
  return decodePage(value, path, (item, p) => decodeContactList(item, p, note), note);
}

export function decodeTag(value: unknown, path = 'tag'): Tag {
  const o = object(value, path);
  return { uuid: nonEmptyString(o.uuid, `${path}.uuid`), name: string(o.name, `${path}.name`) };
}

export function decodeTagsPage(value: unknown, path = 'tags', note: Note = ignoreNotes): Page<Tag> {
  return decodePage(value, path, decodeTag, note);
}

/** An item reader returns SKIP for an item that is not ours (another data-source or mass-action type). */
const SKIP: unique symbol = Symbol('skip');

/**
 * A paginated list. One item that does not decode is left out (noted once for the page),
 * never the whole page: the page is what Refresh Jobs and the pickers act on.
 */
export function decodePage<T>(value: unknown, path: string, item: (value: unknown, path: string) => T | typeof SKIP, note: Note = ignoreNotes, skipReason = 'not of a kind this extension uses'): Page<T> {
  const o = object(value, path);
  const problems: DecodeError[] = [];
  const read = skipInvalid(o.data, `${path}.data`, item, (problem) => problems.push(problem));
  const items = read.filter((entry): entry is T => entry !== SKIP);
  const seen = read.length + problems.length;
  const skipped = read.length - items.length;
  if (skipped > 0) note(`skipped ${skipped} of ${seen} items of ${path}.data: ${skipReason}`);
  if (problems.length > 0) {
    const some = problems.slice(0, 3).map((p) => `${p.path}: ${p.problem}`).join('; ');
    note(`ignored ${problems.length} of ${seen} items of ${path}.data that did not decode (${some}${problems.length > 3 ? '; …' : ''})`);
  }
  const limit = advisory(o.limit, `${path}.limit`, count, seen, note);
  const offset = advisory(o.offset, `${path}.offset`, count, 0, note);
  const total = advisory(o.total, `${path}.total`, count, offset + seen, note);
  const hasMore = advisory(o.has_more, `${path}.has_more`, boolean, offset + seen < total, note);
  return { items, limit, offset, total, hasMore };
}

// ---------------------------------------------------------------- errors

export interface ErrorBody {
  readonly reason: string | undefined;
  readonly message: string | undefined;
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

/**
 * Reads the error envelope `{error: {reason, message, data}, message, code}` when there is
 * one. Never throws: an HTML page or an empty body gives an empty ErrorBody.
 */
export function decodeErrorBody(text: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reason: undefined, message: undefined, fields: {} };
  }
  if (typeof parsed !== 'object' || parsed === null) return { reason: undefined, message: undefined, fields: {} };
  const top = parsed as JsonObject;
  const inner = typeof top.error === 'object' && top.error !== null ? (top.error as JsonObject) : {};
  const nonBlank = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const fields: Record<string, string[]> = {};
  const data = inner.data ?? top.errors;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    for (const [field, messages] of Object.entries(data as JsonObject)) {
      const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string');
      if (list.length > 0) fields[field] = list;
    }
  }
  return {
    reason: nonBlank(inner.reason),
    message: nonBlank(inner.message) ?? nonBlank(typeof top.error === 'string' ? top.error : undefined) ?? nonBlank(top.message),
    fields,
  };
}
