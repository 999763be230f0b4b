/**
 * The one place that knows the API's wire format: paths, query parameters, request
 * bodies, and decoders for every response, including the variants the contract says to
 * tolerate. Choices tagged [ours] in docs/api-contract.md all live here, so when the real
 * server disagrees, this file is the one to change.
 */
import {
  DecodeError, array, arrayOf, boolean, cell, count as anyCount, nonEmptyString, object, oneOf, optional, recordOf, string,
  type JsonObject, type Reader,
} from '../../shared/decode';
import {
  EXPORT_STATUSES, EXPORT_TYPES, IMPORT_STATUSES, IMPORT_TYPES, type ImportType, type RecordKind,
} from '../../shared/vocabulary';
import {
  type ContactList, type ExportFilter, type ExportJob, type ExportProgress, type FileImport,
  type ImportCompaniesBody, type ImportContactsBody, type ImportMetrics, type ImportRowError,
  type ListImportsQuery, type ListListsQuery, type Page,
} from './models';

/** Counts and indexes may come as digit strings (PHP servers send those) [ours]. */
const count: Reader<number> = (value, path) => anyCount(value, path, { digitStrings: true });


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

export function encodeDownloadRequest(fileName: string): JsonObject {
  return { file_name: fileName };
}

export function encodeCreateList(name: string): JsonObject {
  return { name };
}

export function listImportsQuery(query: ListImportsQuery): Query {
  return { 'filter[type]': query.type, ...pageQuery(query), order_field: 'created_at', order_type: 'desc' };
}

export function listListsQuery(query: ListListsQuery): Query {
  return { 'filter[q]': query.q || undefined, ...pageQuery(query) };
}

function pageQuery(query: { limit?: number; offset?: number }): Query {
  return { limit: query.limit, offset: query.offset };
}

// ---------------------------------------------------------------- responses

export function decodeFileImport(value: unknown, path = 'import'): FileImport {
  const o = object(value, path);
  const payload = optional(o.payload, `${path}.payload`, object) ?? {};
  const csvHeaders = optional(o.csv_headers, `${path}.csv_headers`, (v, p) => arrayOf(v, p, string)) ?? [];
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    type: oneOf(o.type, `${path}.type`, IMPORT_TYPES),
    status: oneOf(o.status, `${path}.status`, IMPORT_STATUSES),
    listUuid: optional(o.list_uuid, `${path}.list_uuid`, string),
    fileName: optional(payload.file_name, `${path}.payload.file_name`, string),
    delimiter: optional(payload.delimiter, `${path}.payload.delimiter`, string),
    rowsCount: optional(payload.rows_count, `${path}.payload.rows_count`, count),
    csvHeaders,
    csvPreview: optional(o.csv_preview, `${path}.csv_preview`, (v, p) => decodePreview(v, p, csvHeaders)) ?? [],
    matches: optional(o.matches, `${path}.matches`, (v, p) => decodeMatches(v, p, csvHeaders)) ?? {},
    metrics: optional(o.metrics, `${path}.metrics`, decodeImportMetrics),
    errors: optional(o.errors, `${path}.errors`, (v, p) => arrayOf(v, p, decodeRowError)) ?? [],
    createdAt: string(o.created_at, `${path}.created_at`),
    updatedAt: string(o.updated_at, `${path}.updated_at`),
  };
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
 * `{field: index}`, `{field: "Header"}`, `[{field|target, column|index|source}]`.
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
  for (const [field, column] of Object.entries(object(value, path))) {
    if (column === null) continue; // a field the server could not match
    put(field, column, `${path}.${field}`);
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

function decodeRowError(value: unknown, path: string): ImportRowError {
  const o = object(value, path);
  return { row: count(o.row, `${path}.row`), message: string(o.message, `${path}.message`) };
}

export function decodeMetricsMap(value: unknown, path = 'metrics'): Record<string, ImportMetrics> {
  return recordOf(value, path, decodeImportMetrics);
}

export function decodeExport(value: unknown, path = 'export'): ExportJob {
  const o = object(value, path);
  const result = optional(o.result, `${path}.result`, object);
  const files = result === undefined
    ? []
    : optional(result.files, `${path}.result.files`, (v, p) => arrayOf(v, p, decodeResultFile)) ?? [];
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    type: oneOf(o.type, `${path}.type`, EXPORT_TYPES),
    status: oneOf(o.status, `${path}.status`, EXPORT_STATUSES),
    progress: optional(o.progress, `${path}.progress`, decodeProgress),
    files,
    createdAt: string(o.created_at, `${path}.created_at`),
    updatedAt: string(o.updated_at, `${path}.updated_at`),
  };
}

/** A result file is a name, or an object carrying `file_name` [ours]. */
function decodeResultFile(value: unknown, path: string): string {
  if (typeof value === 'string') return nonEmptyString(value, path);
  return nonEmptyString(object(value, path).file_name, `${path}.file_name`);
}

function decodeProgress(value: unknown, path: string): ExportProgress {
  const o = object(value, path);
  return { processed: count(o.processed, `${path}.processed`), total: count(o.total, `${path}.total`) };
}

export function decodeContactList(value: unknown, path = 'list'): ContactList {
  const o = object(value, path);
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    name: string(o.name, `${path}.name`),
    createdAt: string(o.created_at, `${path}.created_at`),
    updatedAt: string(o.updated_at, `${path}.updated_at`),
  };
}

export function decodePage<T>(value: unknown, path: string, item: Reader<T>): Page<T> {
  const o = object(value, path);
  const items = arrayOf(o.data, `${path}.data`, item);
  const limit = optional(o.limit, `${path}.limit`, count) ?? items.length;
  const offset = optional(o.offset, `${path}.offset`, count) ?? 0;
  const total = optional(o.total, `${path}.total`, count) ?? offset + items.length;
  const hasMore = optional(o.has_more, `${path}.has_more`, boolean) ?? offset + items.length < total;
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
