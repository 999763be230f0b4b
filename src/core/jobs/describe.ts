/**
 * Words for a job: the tree's description, the tooltip's lines and the notification when
 * it ends. Pure and vscode-free, so every sentence is unit-tested.
 */
import { formatCount, plural } from '../../shared/format';
import { type Job, isJobActive } from './job';
import { partLabel } from './parent-job';

/** "under 1 s", "42 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 1) return 'under 1 s';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

function describeProgress(job: Job): string {
  const unit = job.kind === 'import' ? 'rows' : 'records';
  if (job.progress?.total !== undefined && job.progress.total > 0) {
    return `${formatCount(job.progress.done)} / ${formatCount(job.progress.total)} ${unit}`;
  }
  if (job.progress && job.progress.done > 0) return `${formatCount(job.progress.done)} ${unit}`;
  return job.status === 'queued' ? 'queued' : 'running';
}

/** A file imported in parts: which part is on, or how it ended, beside the summed progress. */
function describeParent(job: Job, parts: NonNullable<Job['parts']>): string {
  const count = parts.parts.length;
  if (isJobActive(job)) {
    // Cancelled while a part runs: that part finishes (GetSales cannot stop it), no other starts.
    if (parts.stopped) return `cancelled after this part · ${describeProgress(job)}`;
    const current = parts.parts.findIndex((part) => part.state === 'uploading' || part.state === 'running');
    const next = current === -1 ? parts.parts.findIndex((part) => part.state === 'waiting') : current;
    return `${describeProgress(job)} · ${partLabel(Math.max(0, next), count)}`;
  }
  const failed = parts.parts.filter((part) => part.state === 'failed').length;
  const finished = parts.parts.filter((part) => part.state === 'done' || part.state === 'partial').length;
  switch (job.status) {
    case 'failed':
      return `${formatCount(failed)} of ${formatCount(count)} parts failed`;
    case 'cancelled':
      return `cancelled after ${formatCount(finished)} of ${formatCount(count)} parts`;
    default:
      return `${describeFinished(job)} · ${plural(count, 'part')}`;
  }
}

/** The short line next to the label: progress while active, outcome and duration after. */
export function describeJob(job: Job): string {
  if (job.parts !== undefined) return describeParent(job, job.parts);
  if (isJobActive(job)) return describeProgress(job);
  return describeFinished(job);
}

function describeFinished(job: Job): string {
  const duration = jobDuration(job);
  const took = duration !== undefined ? ` in ${formatDuration(duration)}` : '';
  switch (job.status) {
    case 'done':
      return `done${took}`;
    case 'partial':
      return job.counts && job.counts.errors > 0 ? `${plural(job.counts.errors, 'error')}${took}` : `incomplete${took}`;
    case 'cancelled':
      return 'cancelled on GetSales';
    case 'gone':
      return 'no longer known';
    default:
      return 'failed';
  }
}

/**
 * How long the job itself took: from the server's own start and end times when its
 * answers had them, otherwise from when we first saw it to when we saw it finished.
 */
export function jobDuration(job: Job): number | undefined {
  const server = job.serverTimes;
  if (server?.finishedAt !== undefined && server.finishedAt >= server.startedAt) return server.finishedAt - server.startedAt;
  return job.finishedAt !== undefined ? Math.max(0, job.finishedAt - job.createdAt) : undefined;
}

/** "4,812 saved, 120 duplicates, 3 errors" (only non-zero parts beyond saved). */
export function describeCounts(job: Job): string | undefined {
  const counts = job.counts;
  if (!counts) return undefined;
  const parts = [`${formatCount(counts.saved)} saved`];
  if (counts.duplicates > 0) parts.push(plural(counts.duplicates, 'duplicate'));
  if (counts.blacklisted > 0) parts.push(`${formatCount(counts.blacklisted)} blacklisted`);
  if (counts.errors > 0) parts.push(plural(counts.errors, 'error'));
  return parts.join(', ');
}

/** The sentence a notification shows when a job ends. */
export function finishedSentence(job: Job): string {
  const what = job.kind === 'import' ? `Import of ${job.label}` : `Export of ${job.label}`;
  if (job.status === 'failed') return `${what} failed${job.message ? `: ${job.message}` : '.'}`;
  if (job.parts !== undefined) {
    if (job.status === 'cancelled') return `${what}: ${job.message === undefined ? 'cancelled.' : `${job.message.charAt(0).toLowerCase()}${job.message.slice(1)}`}`;
    const counts = describeCounts(job);
    const limit = job.status === 'partial' && job.message ? ` ${job.message}` : '';
    return `${what} finished in ${plural(job.parts.parts.length, 'part')}${counts ? `: ${counts}` : ''}.${limit}`;
  }
  if (job.status === 'gone') return `${what} is no longer known${job.connection === 'sandbox' ? ' to the sandbox' : ' to GetSales'}.`;
  if (job.status === 'cancelled') return `${what} was cancelled on GetSales; nothing to download.`;
  if (job.kind === 'export') {
    const records = job.progress?.total ?? job.progress?.done;
    return `${what} is ready${records !== undefined ? ` (${formatCount(records)} records)` : ''}.`;
  }
  const counts = describeCounts(job);
  const limit = job.status === 'partial' && job.message ? ` ${job.message}` : '';
  return `${what} finished${counts ? `: ${counts}` : ''}.${limit}`;
}

const STATUS_LABELS: Record<Job['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  partial: 'Finished with problems',
  failed: 'Failed',
  cancelled: 'Cancelled on GetSales',
  gone: 'No longer known',
};

/**
 * The status in words, for the tooltip, with the API's own word while it describes the
 * job ("Running (GetSales: in_progress)"). A job the server no longer knows has none: its
 * last word ("done") would contradict what the line says.
 */
export function statusLabel(job: Job): string {
  // Only a file imported in parts is cancelled here rather than on GetSales: its user stopped it.
  if (job.parts !== undefined && job.status === 'cancelled') return 'Cancelled by you';
  const label = STATUS_LABELS[job.status];
  return job.remoteStatus === undefined || job.status === 'gone' ? label : `${label} (GetSales: ${job.remoteStatus})`;
}
