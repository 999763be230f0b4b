/**
 * Translates what the API says about an import or export into a job patch: the one
 * place that maps the API's status words onto our queued/running/done/partial/failed.
 */
import { type ExportJob, type FileImport, type ImportMetrics, isExportReady } from '../api/models';
import type { JobCounts, JobPatch, JobStatus } from './job';

export function importPatch(remote: FileImport, metrics: ImportMetrics | undefined): JobPatch {
  const counts = metrics ? countsOf(metrics) : undefined;
  const status = importStatus(remote, counts);
  const processed = counts ? counts.saved + counts.duplicates + counts.blacklisted + counts.errors : undefined;
  return {
    status,
    remoteStatus: remote.status,
    counts,
    progress: processed === undefined ? undefined : { done: processed, total: remote.rowsCount },
    rowErrors: remote.errors.map((e) => ({ row: e.row, message: e.message })),
    message: importMessage(remote),
  };
}

export function exportPatch(remote: ExportJob): JobPatch {
  return {
    status: exportStatus(remote),
    remoteStatus: remote.status,
    progress: remote.progress ? { done: remote.progress.processed, total: remote.progress.total } : undefined,
    files: [...remote.files],
    message: remote.status === 'failed' ? 'GetSales reported that the export failed.' : undefined,
  };
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
