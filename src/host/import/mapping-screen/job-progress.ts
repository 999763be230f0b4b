/**
 * The mapping screen's view of an import job: what `JobProgress` the tab shows for a
 * Job of the store, and a feed that pushes every change of an import job to its open tab.
 */
import { IMPORT_STATUSES } from '../../../shared/vocabulary';
import type * as vscode from 'vscode';
import { type Job, type JobStore, finishedSentence, isJobActive, partLabel } from '../../../core/jobs';
import type { ImportStatus, JobProgress } from '../../../shared/protocol';
import { MappingPanel } from './mapping-panel';

function remoteStatusOf(job: Job): ImportStatus {
  const known = IMPORT_STATUSES.find((status) => status === job.remoteStatus);
  if (known !== undefined) return known;
  // A job without the API's word (e.g. just added): say what our own status means.
  switch (job.status) {
    case 'queued': return 'not_started';
    case 'running': return 'in_progress';
    case 'failed':
    case 'gone': return 'failed';
    default: return 'completed';
  }
}

/** A file in parts while it runs: which part is on. */
function partNow(job: Job): string | undefined {
  const parts = job.parts?.parts;
  if (parts === undefined || !isJobActive(job)) return undefined;
  const current = parts.findIndex((part) => part.state === 'uploading' || part.state === 'running');
  if (current === -1) return job.parts?.stopped === true ? 'cancelled: no other part starts' : undefined;
  return `${partLabel(current, parts.length)}${parts[current]?.state === 'uploading' ? ' uploading' : ' importing'}${job.parts?.stopped === true ? '; no other part starts' : ''}`;
}

export function jobProgressOf(job: Job): JobProgress {
  const message = job.message ?? (isJobActive(job) ? partNow(job) : finishedSentence(job));
  return {
    jobId: job.id,
    status: remoteStatusOf(job),
    rowsTotal: job.progress?.total ?? null,
    rowsProcessed: job.progress?.done ?? null,
    saved: job.counts?.saved ?? 0,
    duplicates: job.counts?.duplicates ?? 0,
    errors: job.counts?.errors ?? 0,
    ...(message === undefined ? {} : { message }),
  };
}

/**
 * Keeps each open mapping tab in step with its import job. The tab is keyed by the upload
 * the mapping was made on: a single file's job has it as its remote uuid; a file in parts
 * shows its parent (which knows the first part's upload), never one part alone.
 */
export function feedJobProgressToPanels(store: JobStore): vscode.Disposable {
  const subscription = store.onDidChange((change) => {
    if (change.type === 'removed' || change.job.kind !== 'import' || change.job.parentId !== undefined) return;
    MappingPanel.find(change.job.parts?.firstUpload ?? change.job.remoteUuid)?.showJobProgress(jobProgressOf(change.job));
  });
  return { dispose: () => subscription.dispose() };
}
