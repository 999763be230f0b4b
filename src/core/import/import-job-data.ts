/**
 * What an import job keeps in `job.data` (persisted JSON), so that "Show Errors" and
 * "Import fixed rows" work after a reload: the confirmed mapping, the file's headers and
 * dialect, and the target; and, so that importing the same content again asks first,
 * what was uploaded and through which connection. Read back through `readImportJobData`,
 * never trusted as-is.
 */
import { DecodeError, arrayOf, boolean, lenient, nonEmptyString, nullable, object, oneOf, string } from '../../shared/decode';
import { CSV_ENCODINGS } from '../../shared/csv-encodings';
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
  /** The file starts with Excel's "sep=" line. */
  readonly sepLine: boolean;
  readonly target: ImportTarget;
  /** The last error report written for the job, if any. */
  readonly errorReport: string | undefined;
  /** Hex SHA-256 of the uploaded bytes (the full pass's `contentHash`); absent in jobs of older versions. */
  readonly contentHash: string | undefined;
  /** Which server and account the import went to (`connectionKey`); absent in jobs of older versions. */
  readonly connectionKey: string | undefined;
}

/** What a caller records when it starts the import; the origin is optional (an import whose upload was not hashed). */
export type NewImportJobData = Omit<ImportJobData, 'errorReport' | 'contentHash' | 'connectionKey'> & Partial<Pick<ImportJobData, 'contentHash' | 'connectionKey'>>;

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '|', '\t'];

export function importJobData(data: NewImportJobData): Record<string, JsonValue> {
  const target: Record<string, JsonValue> = { listUuids: [...data.target.listUuids], tags: [...data.target.tags], updateExisting: data.target.updateExisting };
  if (data.target.listUuid !== undefined) target.listUuid = data.target.listUuid;
  return {
    mapping: [...data.mapping],
    headers: [...data.headers],
    encoding: data.encoding,
    delimiter: data.delimiter,
    sepLine: data.sepLine,
    target,
    ...(data.contentHash === undefined ? {} : { contentHash: data.contentHash }),
    ...(data.connectionKey === undefined ? {} : { connectionKey: data.connectionKey }),
  };
}

function sha256Hex(value: unknown, path: string): string {
  const text = string(value, path);
  if (!/^[0-9a-f]{64}$/.test(text)) throw new DecodeError(path, 'is not a hex SHA-256');
  return text;
}

/** A damaged target field, report path or origin falls back to its default (no list, no tags, update existing, no report, unknown origin): the rows are still worth re-importing. */
const useDefault = (): void => undefined;

function decodeTarget(value: unknown, path: string): ImportTarget {
  const target = object(value, path);
  const strings = (list: unknown, at: string): string[] => arrayOf(list, at, string);
  return {
    listUuid: lenient(target.listUuid, `${path}.listUuid`, string, undefined, useDefault),
    listUuids: lenient(target.listUuids, `${path}.listUuids`, strings, [], useDefault),
    tags: lenient(target.tags, `${path}.tags`, strings, [], useDefault),
    updateExisting: target.updateExisting !== false,
  };
}

function decodeImportJobData(value: unknown, path: string): ImportJobData {
  const data = object(value, path);
  const mapping = arrayOf(data.mapping, `${path}.mapping`, (field, at) => nullable(field, at, string));
  const headers = arrayOf(data.headers, `${path}.headers`, string);
  if (headers.length !== mapping.length) throw new DecodeError(`${path}.headers`, 'does not have one header per mapped column');
  return {
    mapping,
    headers,
    encoding: oneOf<CsvEncoding>(data.encoding, `${path}.encoding`, CSV_ENCODINGS),
    delimiter: oneOf(data.delimiter, `${path}.delimiter`, DELIMITERS),
    // Absent in jobs started before the "sep=" line was honoured.
    sepLine: lenient(data.sepLine, `${path}.sepLine`, boolean, false, useDefault),
    target: decodeTarget(data.target, `${path}.target`),
    errorReport: lenient(data.errorReport, `${path}.errorReport`, string, undefined, useDefault),
    // Absent in jobs started before imports were hashed; a damaged one only means "never the same content".
    contentHash: lenient(data.contentHash, `${path}.contentHash`, sha256Hex, undefined, useDefault),
    connectionKey: lenient(data.connectionKey, `${path}.connectionKey`, nonEmptyString, undefined, useDefault),
  };
}

/** The import data of a job started by this extension; undefined for jobs found on the server or from older versions. */
export function readImportJobData(job: Job): ImportJobData | undefined {
  try {
    return decodeImportJobData(job.data, 'data');
  } catch (error) {
    if (error instanceof DecodeError) return undefined;
    throw error;
  }
}
