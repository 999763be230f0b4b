/**
 * Translates what the API says about an import or export into a job patch: the one
 * place that maps the API's status words onto our queued/running/done/partial/failed.
 */
import { type ExportJob, type FileImport, type ImportMetrics, type ImportStart, UNKNOWN_STATUS, isExportReady } from '../api/models';
import { IMPORT_STATUSES } from '../../shared/vocabulary';
import { type Job, type JobCounts, type JobPatch, type JobStatus, type ServerTimes, isJobActive } from './job';

export function importPatch(remote: FileImport, metrics: ImportMetrics | undefined): JobPatch {
  const counts = metrics ? countsOf(metrics) : undefined;
  const status = importStatus(remote, counts);
  const processed = counts ? processedOf(counts) : undefined;
  // An import starts when import-leads answers (its updated_at); its created_at is the upload's.
  const started = remote.status === 'in_progress' ? remote.updatedAt : remote.createdAt;
  return {
    status,
    remoteStatus: remote.rawStatus,
    counts,
    progress: processed === undefined ? undefined : { done: processed, total: remote.rowsCount },
    rowErrors: remote.errors.map((e) => ({ row: e.row, message: e.message })),
    message: importMessage(remote),
    serverTimes: serverTimes(started, isJobActive({ status }) ? undefined : remote.updatedAt),
  };
}

/** Right after import-leads/-companies: only the status is known (the answer may have nothing else). */
export function importStartPatch(start: ImportStart): JobPatch {
  return {
    status: importStatus(start, undefined),
    remoteStatus: start.rawStatus,
    message: importMessage(start),
  };
}

export function exportPatch(remote: ExportJob): JobPatch {
  const status = exportStatus(remote);
  return {
    status,
    remoteStatus: remote.rawStatus,
    progress: remote.progress ? { done: remote.progress.processed, total: remote.progress.total } : undefined,
    files: [...remote.files],
    message: exportMessage(remote),
    serverTimes: serverTimes(remote.createdAt, isJobActive({ status }) ? undefined : remote.updatedAt),
  };
}

/**
 * What a batch of counters (`importMetrics`) says about a running import: counts and
 * progress, never the end (only the import object says how it ended).
 */
export function metricsPatch(job: Job, metrics: ImportMetrics): JobPatch {
  const counts = countsOf(metrics);
  const processed = processedOf(counts);
  return {
    status: job.status === 'queued' && processed > 0 ? 'running' : job.status,
    counts,
    progress: { done: processed, total: job.progress?.total },
    // Clears a stale "could not reach" line but keeps what the last status word said (on hold, unknown word).
    message: job.remoteStatus === undefined ? undefined : importMessage(remoteImportStatusOf(job.remoteStatus)),
  };
}

function remoteImportStatusOf(rawStatus: string): RemoteImportStatus {
  const known = (IMPORT_STATUSES as readonly string[]).includes(rawStatus);
  return { status: known ? (rawStatus as RemoteImportStatus['status']) : UNKNOWN_STATUS, rawStatus };
}

/** True when the counters say every row has been handled, so the import object will tell how it ended. */
export function metricsLookFinished(job: Job, metrics: ImportMetrics): boolean {
  const processed = processedOf(countsOf(metrics));
  const total = job.progress?.total;
  return total !== undefined ? processed >= total : metrics.queuedRecords === 0 && processed > 0;
}

function processedOf(counts: JobCounts): number {
  return counts.saved + counts.duplicates + counts.blacklisted + counts.errors;
}

function serverTimes(started: string | undefined, finished: string | undefined): ServerTimes | undefined {
  if (started === undefined) return undefined;
  const startedAt = Date.parse(started);
  if (!Number.isFinite(startedAt)) return undefined;
  const finishedAt = finished === undefined ? undefined : Date.parse(finished);
  return { startedAt, finishedAt: finishedAt !== undefined && Number.isFinite(finishedAt) ? finishedAt : undefined };
}

type RemoteImportStatus = Pick<FileImport, 'status' | 'rawStatus'>;

/** The job goes on as running; the user sees the word and that we are still following it. */
function unknownStatusMessage(rawStatus: string, kind: 'import' | 'export'): string {
  return `GetSales reports the ${kind} as "${rawStatus.slice(0, 60)}", a status this version does not know; still following it.`;
}

function importStatus(remote: RemoteImportStatus, counts: JobCounts | undefined): JobStatus {
  switch (remote.status) {
    case UNKNOWN_STATUS:
      return 'running';
    case 'not_started':
    case 'on_hold':
      return 'queued';
    case 'in_progress':
      return 'running';
    case 'completed':
      return counts && counts.errors > 0 ? 'partial' : 'done';
    case 'contacts_limit_achieved':
      return 'partial';
    case 'failed':
      return 'failed';
  }
}

function importMessage(remote: RemoteImportStatus): string | undefined {
  if (remote.status === UNKNOWN_STATUS) return unknownStatusMessage(remote.rawStatus, 'import');
  if (remote.status === 'contacts_limit_achieved') return 'The workspace reached its contacts limit; the remaining rows were not imported.';
  if (remote.status === 'failed') return 'GetSales reported that the import failed.';
  if (remote.status === 'on_hold') return 'GetSales put the import on hold.';
  return undefined;
}

function exportStatus(remote: ExportJob): JobStatus {
  if (remote.status === 'failed') return 'failed';
  if (remote.status === 'cancelled') return 'cancelled';
  if (isExportReady(remote)) return 'done';
  // `done`/`completed` without files is not downloadable yet (contract §3.2); unknown words run on.
  return remote.status === 'queued' ? 'queued' : 'running';
}

function exportMessage(remote: ExportJob): string | undefined {
  switch (remote.status) {
    case 'failed': return 'GetSales reported that the export failed.';
    case 'cancelled': return 'The export was cancelled on GetSales; no file was made.';
    case UNKNOWN_STATUS: return unknownStatusMessage(remote.rawStatus, 'export');
    default: return undefined;
  }
}

function countsOf(metrics: ImportMetrics): JobCounts {
  return {
    queued: metrics.queuedRecords,
    saved: metrics.savedRecords,
    duplicates: metrics.duplicateRecords,
    blacklisted: metrics.blacklistedRecords,
    errors: metrics.errorRecords,
  };
}
