/**
 * The kept sandbox's file, read back like any input (the decoder kit): every field the
 * sandbox uses is checked before anything is used, so a file from an older build, a
 * hand edit or a torn disk is refused whole (and set aside by persist.ts), never
 * half-used.
 */
import {
  arrayOf, count, nonEmptyString, nullable, number, object, oneOf, optional, recordOf, string,
} from '../shared/decode';
import { EXPORT_STATUSES, IMPORT_STATUSES, IMPORT_TYPES, RECORD_KINDS } from '../shared/vocabulary';
import type { Newline } from './csv/papa-rows';
import type { ExportJob } from './exports/export-job';
import type { FileImportJob, ImportMetrics, RowError } from './imports/file-import';
import type { ListRecord } from './store/records';

export const SNAPSHOT_VERSION = 1;

export interface RecordDump<M> {
  readonly uuid: string;
  readonly values: readonly string[];
  readonly lists: M;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A job as kept: without what only lives in the process (files in flight, the abort controller). */
export type StoredImport = Omit<FileImportJob, 'filePath'>;
export type StoredExport = Omit<ExportJob, 'partialPath' | 'cancel'>;

export interface Snapshot {
  readonly version: number;
  readonly lists: readonly ListRecord[];
  readonly contacts: readonly RecordDump<string>[];
  readonly companies: readonly RecordDump<readonly string[]>[];
  readonly imports: readonly StoredImport[];
  readonly exports: readonly StoredExport[];
}

const NEWLINES: readonly Newline[] = ['\n', '\r\n', '\r'];

function strings(value: unknown, path: string): string[] {
  return arrayOf(value, path, string);
}

function list(value: unknown, path: string): ListRecord {
  const o = object(value, path);
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    seq: count(o.seq, `${path}.seq`),
    name: string(o.name, `${path}.name`),
    created_at: string(o.created_at, `${path}.created_at`),
    updated_at: string(o.updated_at, `${path}.updated_at`),
  };
}

function record<M>(lists: (value: unknown, path: string) => M) {
  return (value: unknown, path: string): RecordDump<M> => {
    const o = object(value, path);
    return {
      uuid: nonEmptyString(o.uuid, `${path}.uuid`),
      values: strings(o.values, `${path}.values`),
      lists: lists(o.lists, `${path}.lists`),
      created_at: string(o.created_at, `${path}.created_at`),
      updated_at: string(o.updated_at, `${path}.updated_at`),
    };
  };
}

function metrics(value: unknown, path: string): ImportMetrics {
  const o = object(value, path);
  return {
    queued_records: count(o.queued_records, `${path}.queued_records`),
    saved_records: count(o.saved_records, `${path}.saved_records`),
    duplicate_records: count(o.duplicate_records, `${path}.duplicate_records`),
    blacklisted_records: count(o.blacklisted_records, `${path}.blacklisted_records`),
    error_records: count(o.error_records, `${path}.error_records`),
  };
}

function rowError(value: unknown, path: string): RowError {
  const o = object(value, path);
  return { row: count(o.row, `${path}.row`), message: string(o.message, `${path}.message`) };
}

function fileImport(value: unknown, path: string): StoredImport {
  const o = object(value, path);
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    seq: count(o.seq, `${path}.seq`),
    ordinal: count(o.ordinal, `${path}.ordinal`),
    type: oneOf(o.type, `${path}.type`, IMPORT_TYPES),
    status: oneOf(o.status, `${path}.status`, IMPORT_STATUSES),
    list_uuid: nullable(o.list_uuid, `${path}.list_uuid`, string),
    file_name: string(o.file_name, `${path}.file_name`),
    delimiter: string(o.delimiter, `${path}.delimiter`),
    newline: oneOf(o.newline, `${path}.newline`, NEWLINES),
    rows_count: count(o.rows_count, `${path}.rows_count`),
    csv_headers: strings(o.csv_headers, `${path}.csv_headers`),
    csv_preview: arrayOf(o.csv_preview, `${path}.csv_preview`, strings),
    matches: recordOf(o.matches, `${path}.matches`, number),
    metrics: metrics(o.metrics, `${path}.metrics`),
    errors: arrayOf(o.errors, `${path}.errors`, rowError),
    created_at: string(o.created_at, `${path}.created_at`),
    updated_at: string(o.updated_at, `${path}.updated_at`),
  };
}

function exportJob(value: unknown, path: string): StoredExport {
  const o = object(value, path);
  const progress = object(o.progress, `${path}.progress`);
  return {
    uuid: nonEmptyString(o.uuid, `${path}.uuid`),
    seq: count(o.seq, `${path}.seq`),
    ordinal: count(o.ordinal, `${path}.ordinal`),
    kind: oneOf(o.kind, `${path}.kind`, RECORD_KINDS),
    // Echoed back as the client sent it: any JSON.
    filter: o.filter,
    status: oneOf(o.status, `${path}.status`, EXPORT_STATUSES),
    progress: { processed: count(progress.processed, `${path}.progress.processed`), total: count(progress.total, `${path}.progress.total`) },
    created_at: string(o.created_at, `${path}.created_at`),
    updated_at: string(o.updated_at, `${path}.updated_at`),
    fileName: string(o.fileName, `${path}.fileName`),
    filePath: optional(o.filePath, `${path}.filePath`, string),
  };
}

export function decodeSnapshot(value: unknown): Snapshot {
  const o = object(value, 'snapshot');
  if (o.version !== SNAPSHOT_VERSION) throw new Error(`version ${String(o.version)}, expected ${SNAPSHOT_VERSION}`);
  return {
    version: SNAPSHOT_VERSION,
    lists: arrayOf(o.lists, 'snapshot.lists', list),
    contacts: arrayOf(o.contacts, 'snapshot.contacts', record(string)),
    companies: arrayOf(o.companies, 'snapshot.companies', record(strings)),
    imports: arrayOf(o.imports, 'snapshot.imports', fileImport),
    exports: arrayOf(o.exports, 'snapshot.exports', exportJob),
  };
}

/** What is kept of a job: the process-only parts are left out. */
export function storedImport({ filePath: _inFlight, ...job }: FileImportJob): StoredImport {
  return job;
}

export function storedExport({ partialPath: _inFlight, cancel: _controller, ...job }: ExportJob): StoredExport {
  return job;
}
