/**
 * Reads jobs back from storage. What was stored by an older or newer version, or edited
 * by hand, is checked field by field: a job that does not fit is dropped (and reported),
 * never half-trusted.
 */
import {
  DecodeError, type OnProblem, arrayOf, boolean, count, jsonType, lenient, nonEmptyString, object, oneOf, optional, recordOf, skipInvalid, string,
} from '../../shared/decode';
import { RECORD_KINDS } from '../../shared/vocabulary';
import {
  JOB_CONNECTIONS, JOB_STATUSES, type ImportPart, type ImportParts, type Job, type JobCounts, type JobKind, type JobProgress,
  type JobRowError, type JsonValue, MAX_ROW_ERRORS, PART_STATES, type ServerTimes, jobId,
} from './job';

const JOB_KINDS: readonly JobKind[] = ['import', 'export'];

export const JOBS_STORAGE_VERSION = 1;

export interface StoredJobs {
  readonly version: number;
  readonly jobs: readonly Job[];
}

export interface DecodedJobs {
  readonly jobs: Job[];
  /** One line per stored entry that was dropped, for the log. */
  readonly problems: string[];
}

export function encodeJobs(jobs: readonly Job[]): StoredJobs {
  return { version: JOBS_STORAGE_VERSION, jobs };
}

export function decodeJobs(value: unknown): DecodedJobs {
  const problems: string[] = [];
  if (value === undefined) return { jobs: [], problems };
  if (!isRecord(value) || !Array.isArray(value.jobs)) {
    return { jobs: [], problems: ['stored jobs are not in a known format; starting empty'] };
  }
  if (value.version !== JOBS_STORAGE_VERSION) {
    return { jobs: [], problems: [`stored jobs have version ${String(value.version)}, expected ${JOBS_STORAGE_VERSION}; starting empty`] };
  }
  const report = (what: string) => (problem: DecodeError): void => {
    problems.push(`${what}: ${problem.message}`);
  };
  const jobs = skipInvalid(value.jobs, 'jobs', (entry, path) => decodeJob(entry, path, report('stored job kept without its data')), report('stored job dropped'));
  return { jobs, problems };
}

function decodeJob(value: unknown, path: string, onBadData: OnProblem): Job {
  const o = object(value, path);
  const at = (key: string): string => `${path}.${key}`;
  const kind = oneOf(o.kind, at('kind'), JOB_KINDS);
  const remoteUuid = string(o.remoteUuid, at('remoteUuid'));
  const id = string(o.id, at('id'));
  if (id !== jobId(kind, remoteUuid)) throw new DecodeError(at('id'), 'does not match kind and remoteUuid');
  return {
    id,
    kind,
    entity: oneOf(o.entity, at('entity'), RECORD_KINDS),
    connection: oneOf(o.connection, at('connection'), JOB_CONNECTIONS),
    remoteUuid,
    label: string(o.label, at('label')),
    status: oneOf(o.status, at('status'), JOB_STATUSES),
    remoteStatus: optional(o.remoteStatus, at('remoteStatus'), string),
    progress: optional(o.progress, at('progress'), decodeProgress),
    counts: optional(o.counts, at('counts'), decodeCounts),
    rowErrors: optional(o.rowErrors, at('rowErrors'), (v, p) => arrayOf(v, p, decodeRowError), []).slice(0, MAX_ROW_ERRORS),
    message: optional(o.message, at('message'), string),
    createdAt: count(o.createdAt, at('createdAt')),
    updatedAt: count(o.updatedAt, at('updatedAt')),
    finishedAt: optional(o.finishedAt, at('finishedAt'), count),
    serverTimes: optional(o.serverTimes, at('serverTimes'), decodeServerTimes),
    sourcePath: optional(o.sourcePath, at('sourcePath'), string),
    files: optional(o.files, at('files'), (v, p) => arrayOf(v, p, string), []),
    downloads: optional(o.downloads, at('downloads'), (v, p) => arrayOf(v, p, string), []),
    discovered: o.discovered === true,
    data: lenient(o.data, at('data'), jsonObject, {}, onBadData),
    // A parent whose parts do not read cannot be run or summed: it is dropped (a part whose parent is gone is shown on its own).
    parts: optional(o.parts, at('parts'), decodeParts),
    parentId: optional(o.parentId, at('parentId'), string),
  };
}

function decodeParts(value: unknown, path: string): ImportParts {
  const o = object(value, path);
  const parts = arrayOf(o.parts, `${path}.parts`, decodePart);
  if (parts.length === 0) throw new DecodeError(`${path}.parts`, 'has no parts');
  return {
    folder: nonEmptyString(o.folder, `${path}.folder`),
    parts,
    stopped: boolean(o.stopped, `${path}.stopped`),
    firstUpload: string(o.firstUpload, `${path}.firstUpload`),
  };
}

function decodePart(value: unknown, path: string): ImportPart {
  const o = object(value, path);
  const at = (key: string): string => `${path}.${key}`;
  const state = oneOf(o.state, at('state'), PART_STATES);
  return {
    file: nonEmptyString(o.file, at('file')),
    sizeBytes: count(o.sizeBytes, at('sizeBytes')),
    rows: count(o.rows, at('rows')),
    firstLine: count(o.firstLine, at('firstLine')),
    lineOffset: count(o.lineOffset, at('lineOffset')),
    // Whoever was sending it stopped with the window that was: it waits to be sent again.
    state: state === 'uploading' ? 'waiting' : state,
    uploadUuid: optional(o.uploadUuid, at('uploadUuid'), string),
    jobId: optional(o.jobId, at('jobId'), string),
    error: optional(o.error, at('error'), string),
    replaced: optional(o.replaced, at('replaced'), (v, p) => arrayOf(v, p, string), []),
  };
}

function decodeProgress(value: unknown, path: string): JobProgress {
  const o = object(value, path);
  return { done: count(o.done, `${path}.done`), total: optional(o.total, `${path}.total`, count) };
}

function decodeServerTimes(value: unknown, path: string): ServerTimes {
  const o = object(value, path);
  return { startedAt: count(o.startedAt, `${path}.startedAt`), finishedAt: optional(o.finishedAt, `${path}.finishedAt`, count) };
}

function decodeCounts(value: unknown, path: string): JobCounts {
  const o = object(value, path);
  return {
    queued: count(o.queued, `${path}.queued`),
    saved: count(o.saved, `${path}.saved`),
    duplicates: count(o.duplicates, `${path}.duplicates`),
    blacklisted: count(o.blacklisted, `${path}.blacklisted`),
    errors: count(o.errors, `${path}.errors`),
  };
}

function decodeRowError(value: unknown, path: string): JobRowError {
  const o = object(value, path);
  return { row: count(o.row, `${path}.row`), message: string(o.message, `${path}.message`) };
}

/** The features' free room: any JSON object, checked all the way down. */
function jsonObject(value: unknown, path: string): Record<string, JsonValue> {
  return recordOf(value, path, jsonValue);
}

function jsonValue(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return arrayOf(value, path, jsonValue);
  if (isRecord(value)) return jsonObject(value, path);
  throw new DecodeError(path, `expected a JSON value, got ${jsonType(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
