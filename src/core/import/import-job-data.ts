/**
 * What an import job keeps in `job.data` (persisted JSON), so that "Show Errors" and
 * "Import fixed rows" work after a reload: the confirmed mapping, the file's headers and
 * dialect, and the target. Read back through `readImportJobData`, never trusted as-is.
 */
import type { CsvDelimiter, CsvEncoding } from '../csv';
import type { Job, JsonValue } from '../jobs';
import type { ColumnMapping } from '../../shared/protocol';

export interface ImportTarget {
  readonly listUuid: string | undefined;
  readonly listUuids: readonly string[];
  readonly tags: readonly string[];
  readonly updateExisting: boolean;
}

export interface ImportJobData {
  readonly mapping: ColumnMapping;
  readonly headers: readonly string[];
  readonly encoding: CsvEncoding;
  readonly delimiter: CsvDelimiter;
  readonly target: ImportTarget;
  /** The last error report written for the job, if any. */
  readonly errorReport: string | undefined;
}

const ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'];
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '|', '\t'];

export function importJobData(data: Omit<ImportJobData, 'errorReport'>): Record<string, JsonValue> {
  const target: Record<string, JsonValue> = { listUuids: [...data.target.listUuids], tags: [...data.target.tags], updateExisting: data.target.updateExisting };
  if (data.target.listUuid !== undefined) target.listUuid = data.target.listUuid;
  return {
    mapping: [...data.mapping],
    headers: [...data.headers],
    encoding: data.encoding,
    delimiter: data.delimiter,
    target,
  };
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function readTarget(value: unknown): ImportTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return {
    listUuid: typeof record.listUuid === 'string' ? record.listUuid : undefined,
    listUuids: strings(record.listUuids) ? record.listUuids : [],
    tags: strings(record.tags) ? record.tags : [],
    updateExisting: record.updateExisting !== false,
  };
}

/** The import data of a job started by this extension; undefined for jobs found on the server or from older versions. */
export function readImportJobData(job: Job): ImportJobData | undefined {
  const { mapping, headers, encoding, delimiter, target, errorReport } = job.data;
  if (!Array.isArray(mapping) || !mapping.every((field) => field === null || typeof field === 'string')) return undefined;
  if (!strings(headers) || headers.length !== mapping.length) return undefined;
  const decodedEncoding = ENCODINGS.find((known) => known === encoding);
  const decodedDelimiter = DELIMITERS.find((known) => known === delimiter);
  const decodedTarget = readTarget(target);
  if (decodedEncoding === undefined || decodedDelimiter === undefined || decodedTarget === undefined) return undefined;
  return {
    mapping: mapping as (string | null)[],
    headers,
    encoding: decodedEncoding,
    delimiter: decodedDelimiter,
    target: decodedTarget,
    errorReport: typeof errorReport === 'string' ? errorReport : undefined,
  };
}
