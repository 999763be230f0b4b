/** After Start: the job's live progress (pushed by the host) and a way to close the tab. */
import type { JobProgress } from '../../src/shared/protocol';
import { custom, h } from '../dom';
import { formatCount, plural } from '../../src/shared/format';
import { jobFinished, type ScreenState } from '../screen-state';
import type { Button } from '../toolkit';
import type { ScreenActions, View } from './view';

const STATUS_TEXT: Readonly<Record<JobProgress['status'], string>> = {
  not_started: 'Queued',
  in_progress: 'Importing',
  on_hold: 'On hold',
  completed: 'Completed',
  failed: 'Failed',
  contacts_limit_achieved: 'Stopped: contacts limit reached',
};

function describe(job: JobProgress): string {
  const rows = job.rowsTotal !== null && job.rowsProcessed !== null ? ` — ${formatCount(job.rowsProcessed)} / ${formatCount(job.rowsTotal)} rows` : '';
  return `${STATUS_TEXT[job.status]}${rows}`;
}

/** "3 saved · 1 duplicate · 2 errors" */
function countsLine(job: JobProgress): string {
  return `${formatCount(job.saved)} saved · ${plural(job.duplicates, 'duplicate')} · ${plural(job.errors, 'error')}`;
}

export function createProgressView(actions: ScreenActions): View {
  const title = h('h2', { id: 'progress-title' }, 'Import');
  const line = h('p', { id: 'job-status', role: 'status', 'aria-live': 'polite' });
  const bar = h('progress', { id: 'job-progress', max: '1' });
  const spinner = custom('vscode-progress-ring', { 'aria-label': 'Import running' });
  const counts = h('p', { id: 'job-counts' });
  const note = h('p', { class: 'muted' }, 'The import keeps running if you close this tab; follow it in the GetSales Jobs view.');
  const close = custom<Button>('vscode-button', { id: 'close-tab', appearance: 'secondary' }, 'Close this tab');
  close.addEventListener('click', () => actions.closePanel());
  const element = h('section', { class: 'progress', 'aria-labelledby': 'progress-title', hidden: true },
    title, h('div', { class: 'inline' }, spinner, line), bar, counts, note, close);

  return {
    element,
    update(state: ScreenState) {
      element.hidden = !state.started;
      const job = state.job;
      if (job === null) {
        line.textContent = 'The import was started. Its progress shows in the GetSales Jobs view.';
        spinner.hidden = true;
        bar.hidden = true;
        counts.textContent = '';
        return;
      }
      line.textContent = describe(job);
      spinner.hidden = jobFinished(job);
      bar.hidden = job.rowsTotal === null || job.rowsTotal === 0;
      if (job.rowsTotal !== null && job.rowsTotal > 0) {
        bar.max = job.rowsTotal;
        bar.value = Math.min(job.rowsProcessed ?? 0, job.rowsTotal);
      }
      const finished = jobFinished(job);
      // Once finished, the host's sentence already holds the counts: say them once.
      counts.textContent = finished && job.message !== undefined ? job.message : `${countsLine(job)}${job.message === undefined ? '' : ` — ${job.message}`}`;
      note.hidden = finished;
    },
  };
}
