/**
 * Translates what the API says about an import or export into a job patch: the one
 * place that maps the API's status words onto our queued/running/done/partial/failed.
 */
import { type ExportJob, type FileImport, type ImportMetrics, isExportReady } from '../api/models';
import { type Job, type JobCounts, type JobPatch, type JobStatus, type ServerTimes, isJobActive } from './job';

export function importPatch(remote: FileImport, metrics: ImportMetrics | undefined): JobPatch {
  const counts = metrics ? countsOf(metrics) : undefined;
  const status = importStatus(remote, counts);
  const processed = counts ? processedOf(counts) : undefined;
  // An import starts when import-leads answers (its updated_at); its created_at is the upload's.
  const started = remote.status === 'in_progress' ? remote.updatedAt : remote.createdAt;
  return {
    status,
    remoteStatus: remote.status,
    counts,
    progress: processed === undefined ? undefined : { done: processed, total: remote.rowsCount },
    rowErrors: remote.errors.map((e) => ({ row: e.row, message: e.message })),
    message: importMessage(remote),
    serverTimes: serverTimes(started, isJobActive({ status }) ? undefined : remote.updatedAt),
  };
}

export function exportPatch(remote: ExportJob): JobPatch {
  const status = exportStatus(remote);
  return {
    status,
    remoteStatus: remote.status,
    progress: remote.progress ? { done: remote.progress.processed, total: remote.progress.total } : undefined,
    files: [...remote.files],
    message: remote.status === 'failed' ? 'GetSales reported that the export failed.' : undefined,
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
    message: undefined,
  };
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

function serverTimes(started: string, finished: string | undefined): ServerTimes | undefined {
  const startedAt = Date.parse(started);
  if (!Number.isFinite(startedAt)) return undefined;
  const finishedAt = finished === undefined ? undefined : Date.parse(finished);
  return { startedAt, finishedAt: finishedAt !== undefined && Number.isFinite(finishedAt) ? finishedAt : undefined };
}

function importStatus(remote: FileImport, counts: JobCounts | undefined): JobStatus {
  switch (remote.status) {
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

function importMessage(remote: FileImport): string | undefined {
  if (remote.status === 'contacts_limit_achieved') return 'The workspace reached its contacts limit; the remaining rows were not imported.';
  if (remote.status === 'failed') return 'GetSales reported that the import failed.';
  if (remote.status === 'on_hold') return 'GetSales put the import on hold.';
  return undefined;
}

function exportStatus(remote: ExportJob): JobStatus {
  if (remote.status === 'failed') return 'failed';
  if (isExportReady(remote)) return 'done';
  // `done` without files is not downloadable yet (contract §3.2): keep polling.
  return remote.status === 'queued' ? 'queued' : 'running';
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
