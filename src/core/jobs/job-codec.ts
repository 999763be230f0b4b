/**
 * Reads jobs back from storage. What was stored by an older or newer version, or edited
 * by hand, is checked field by field: a job that does not fit is dropped (and reported),
 * never half-trusted.
 */
import {
  JOB_CONNECTIONS, JOB_STATUSES, type Job, type JobCounts, type JobEntity, type JobKind, type JobProgress,
  type JobRowError, type JsonValue, MAX_ROW_ERRORS, jobId,
} from './job';

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
  const jobs: Job[] = [];
  value.jobs.forEach((entry: unknown, index: number) => {
    try {
      jobs.push(decodeJob(entry));
    } catch (error) {
      problems.push(`stored job #${index} dropped: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { jobs, problems };
}

function decodeJob(value: unknown): Job {
  if (!isRecord(value)) throw new Error('not an object');
  const kind = oneOf<JobKind>(value.kind, ['import', 'export'], 'kind');
  const remoteUuid = text(value.remoteUuid, 'remoteUuid');
  const id = text(value.id, 'id');
  if (id !== jobId(kind, remoteUuid)) throw new Error(`id ${id} does not match kind and remoteUuid`);
  return {
    id,
    kind,
    entity: oneOf<JobEntity>(value.entity, ['contacts', 'companies'], 'entity'),
    connection: oneOf(value.connection, JOB_CONNECTIONS, 'connection'),
    remoteUuid,
    label: text(value.label, 'label'),
    status: oneOf(value.status, JOB_STATUSES, 'status'),
    remoteStatus: optional(value.remoteStatus, (v) => text(v, 'remoteStatus')),
    progress: optional(value.progress, decodeProgress),
    counts: optional(value.counts, decodeCounts),
    rowErrors: list(value.rowErrors, 'rowErrors', decodeRowError).slice(0, MAX_ROW_ERRORS),
    message: optional(value.message, (v) => text(v, 'message')),
    createdAt: count(value.createdAt, 'createdAt'),
    updatedAt: count(value.updatedAt, 'updatedAt'),
    finishedAt: optional(value.finishedAt, (v) => count(v, 'finishedAt')),
    sourcePath: optional(value.sourcePath, (v) => text(v, 'sourcePath')),
    files: list(value.files, 'files', (v) => text(v, 'files[]')),
    downloads: list(value.downloads, 'downloads', (v) => text(v, 'downloads[]')),
    discovered: value.discovered === true,
    data: isRecord(value.data) && isJson(value.data) ? (value.data as Record<string, JsonValue>) : {},
  };
}

function decodeProgress(value: unknown): JobProgress {
  if (!isRecord(value)) throw new Error('progress is not an object');
  return { done: count(value.done, 'progress.done'), total: optional(value.total, (v) => count(v, 'progress.total')) };
}

function decodeCounts(value: unknown): JobCounts {
  if (!isRecord(value)) throw new Error('counts is not an object');
  return {
    queued: count(value.queued, 'counts.queued'),
    saved: count(value.saved, 'counts.saved'),
    duplicates: count(value.duplicates, 'counts.duplicates'),
    blacklisted: count(value.blacklisted, 'counts.blacklisted'),
    errors: count(value.errors, 'counts.errors'),
  };
}

function decodeRowError(value: unknown): JobRowError {
  if (!isRecord(value)) throw new Error('row error is not an object');
  return { row: count(value.row, 'rowErrors[].row'), message: text(value.message, 'rowErrors[].message') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (isRecord(value)) return Object.values(value).every(isJson);
  return false;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new Error(`${field} is not a string`);
  return value;
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${field} is not a non-negative number`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${field} is not one of ${allowed.join(', ')}`);
}

function optional<T>(value: unknown, decode: (value: unknown) => T): T | undefined {
  return value === undefined || value === null ? undefined : decode(value);
}

function list<T>(value: unknown, field: string, decode: (value: unknown) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${field} is not an array`);
  return value.map(decode);
}
