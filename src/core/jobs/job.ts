/**
 * The job model: one import or export running (or finished) on GetSales. Plain JSON
 * data only, because jobs are persisted as-is through the key-value port.
 */
import type { RecordKind } from '../../shared/vocabulary';

export type JobKind = 'import' | 'export';

/**
 * Our own status, independent of the API's enums (kept in `remoteStatus`):
 * queued → running → done | partial | failed | cancelled | gone. `partial` means finished
 * with rejected rows or a contacts limit, so the user should look; `cancelled` means someone
 * stopped it on GetSales (an export cancelled in the web app), which is not a failure;
 * `gone` means the server answers that it does not know the job (a reset sandbox, another
 * account), so nobody asks about it again unless the user says so.
 */
export const JOB_STATUSES = ['queued', 'running', 'done', 'partial', 'failed', 'cancelled', 'gone'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Which connection the job belongs to: a sandbox job is never polled against an account. */
export const JOB_CONNECTIONS = ['account', 'sandbox'] as const;
export type JobConnection = (typeof JOB_CONNECTIONS)[number];

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface JobCounts {
  readonly queued: number;
  readonly saved: number;
  readonly duplicates: number;
  readonly blacklisted: number;
  readonly errors: number;
}

export interface JobProgress {
  readonly done: number;
  /** Unknown until the server tells. */
  readonly total: number | undefined;
}

/** The job's own times as the server wrote them (epoch ms), so durations are the job's, not our polling's. */
export interface ServerTimes {
  readonly startedAt: number;
  /** Set by the answer that showed the job finished. */
  readonly finishedAt: number | undefined;
}

export interface JobRowError {
  readonly row: number;
  readonly message: string;
}

/**
 * Where one part of a file imported in parts stands. `waiting`: not sent yet (or sent and
 * stopped before GetSales started it); `uploading`: this window is sending it; `running`,
 * `done`, `partial`, `failed`: as its child job (or its upload or start, when that failed).
 */
export const PART_STATES = ['waiting', 'uploading', 'running', 'done', 'partial', 'failed'] as const;
export type PartState = (typeof PART_STATES)[number];

export interface ImportPart {
  /** The part's file name in the plan's folder. */
  readonly file: string;
  readonly sizeBytes: number;
  /** Data rows in the part. */
  readonly rows: number;
  /** Line of the source file on which the part's first row starts. */
  readonly firstLine: number;
  /** A line the server names in this part (below its header), plus this, is the source file's line. */
  readonly lineOffset: number;
  readonly state: PartState;
  /** The upload of the current attempt, once sent (GetSales may not have started it yet). */
  readonly uploadUuid: string | undefined;
  /** The child job of the current attempt, once GetSales started it. */
  readonly jobId: string | undefined;
  /** Why the current attempt failed before GetSales started it (upload or start refused). */
  readonly error: string | undefined;
  /** Uploads of attempts a Retry replaced, so Refresh does not list them as jobs again. */
  readonly replaced: readonly string[];
}

/** A file imported in parts: what the parent job keeps to run, resume and report on its parts. */
export interface ImportParts {
  /** The folder holding the part files (the extension's storage); removed when the parent ends or is removed. */
  readonly folder: string;
  readonly parts: readonly ImportPart[];
  /** The user stopped the parts not yet started. */
  readonly stopped: boolean;
  /** The upload the mapping was made on (the first part's first attempt), which names the mapping screen. */
  readonly firstUpload: string;
}

export interface Job {
  /** Stable local id, `<kind>:<remoteUuid>`; also the tree item id. */
  readonly id: string;
  readonly kind: JobKind;
  readonly entity: RecordKind;
  readonly connection: JobConnection;
  readonly remoteUuid: string;
  /** File name (imports) or a description of the export filter. */
  readonly label: string;
  readonly status: JobStatus;
  /** The API's own status word, for the tooltip and the log. */
  readonly remoteStatus: string | undefined;
  readonly progress: JobProgress | undefined;
  readonly counts: JobCounts | undefined;
  /** Rows the server refused (imports), capped at MAX_ROW_ERRORS. */
  readonly rowErrors: readonly JobRowError[];
  /** Why the job failed or why polling is stuck (e.g. sign-in needed); undefined when fine. */
  readonly message: string | undefined;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly finishedAt: number | undefined;
  /** From the server's timestamps, when its answers have them. */
  readonly serverTimes: ServerTimes | undefined;
  /** Imports: the CSV on disk the import came from. */
  readonly sourcePath: string | undefined;
  /** Exports: server file names, ready to download once the export is done. */
  readonly files: readonly string[];
  /** Exports: local paths of files already downloaded. */
  readonly downloads: readonly string[];
  /** True when the job was found through the API's list (started elsewhere, e.g. the web app). */
  readonly discovered: boolean;
  /** Free room for the import/export features (mapping, filter, list…); JSON only. */
  readonly data: Readonly<Record<string, JsonValue>>;
  /**
   * A file imported in parts: this job is the parent, known only here (its `remoteUuid`
   * is a local id, never asked about); status, progress, counts and row errors are summed
   * from its parts' child jobs. Undefined for every other job.
   */
  readonly parts: ImportParts | undefined;
  /** One part of a file imported in parts: the id of its parent job. */
  readonly parentId: string | undefined;
}

export const MAX_ROW_ERRORS = 100;

const ACTIVE: ReadonlySet<JobStatus> = new Set(['queued', 'running']);

/** True while the job may still change on the server, i.e. while it needs polling. */
export function isJobActive(job: Pick<Job, 'status'>): boolean {
  return ACTIVE.has(job.status);
}

export function jobId(kind: JobKind, remoteUuid: string): string {
  return `${kind}:${remoteUuid}`;
}

/** Fields a caller may change; identity (id, kind, entity, remote uuid, connection, createdAt, parent) never changes. */
export type JobPatch = Partial<Omit<Job, 'id' | 'kind' | 'entity' | 'remoteUuid' | 'connection' | 'createdAt' | 'parentId'>>;
