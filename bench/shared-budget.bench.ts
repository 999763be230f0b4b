/**
 * A request budget that holds: 50 jobs (30 imports, 20 exports) followed by two
 * simulated VS Code windows — two clients, stores and pollers whose limiters share one
 * budget folder, as two windows share the extension's global storage — on one key,
 * against a sandbox that allows 300 requests in ANY 60 s (sliding window) and answers
 * 429 beyond. The poll interval is 1 s, the most demanding setting.
 * Measured on the server side: the most requests it saw in any 60 s, the 429s it sent,
 * and the jobs that did not reach their end state.
 * Length: BENCH_BUDGET_SECONDS (default 75, 20…600): the exports (of all contacts, one
 * 1,000-row batch a second) run that long, so polling wants far more than 300 a minute
 * throughout; everything is given at most that plus two minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBudget, RateLimiter, systemClock } from '../src/core/api';
import { type Job, JobPoller, JobStore } from '../src/core/jobs';
import { startSandbox } from '../src/sandbox/index';
import { busiestWindow } from '../test/fixtures/busiest-window';
import { benchClient, contactsCsv, exportJob, importJob } from './job-bench-kit';
import { MemoryKeyValue } from './memory-key-value';
import { report } from './report';

const API_KEY = 'bench-budget-key';
const JOBS = 50;
const EXPORTS = 20;
const IMPORT_ROWS = 2_500; // three batches
const BATCH_DELAY_MS = 1_000;
const seconds = Math.min(600, Math.max(20, Number(process.env.BENCH_BUDGET_SECONDS ?? 75) || 75));
/** An export of all contacts moves every second for the whole run, so its polls never back off: demand stays over the budget. */
const SEED_CONTACTS = seconds * 1_000;

interface Window {
  readonly store: JobStore;
  readonly poller: JobPoller;
  readonly client: ReturnType<typeof benchClient>;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'getsales-bench-budget-'));
  const budgetFolder = join(dir, 'rate-budget');
  const seen: { at: number; status: string }[] = [];
  const sandbox = await startSandbox({
    apiKey: API_KEY, seed: 'demo', seedContacts: SEED_CONTACTS, seedCompanies: 10,
    rateLimitPerMinute: 300, rateLimitWindow: 'sliding',
    batchDelayMs: BATCH_DELAY_MS,
    log: (line) => {
      const status = /^\S+ \S+ (\S+) \d+ms$/.exec(line)?.[1];
      if (status !== undefined) seen.push({ at: Date.now(), status });
    },
  });
  const windows: Window[] = [0, 1].map(() => {
    const limiter = new RateLimiter({ store: new FileBudget({ folder: budgetFolder }) });
    const client = benchClient(sandbox.url, API_KEY, limiter);
    const store = new JobStore({ storage: new MemoryKeyValue() });
    const poller = new JobPoller({ store, target: () => ({ remote: client, connection: 'sandbox' }), clock: systemClock, intervalMs: () => 1_000 });
    return { store, poller, client };
  });
  const started = Date.now();
  try {
    const first = windows[0];
    if (!first) throw new Error('no window');
    const list = (await first.client.listLists({ limit: 1 })).items[0];
    if (!list) throw new Error('the demo seed has no list');
    const jobs: { window: Window; job: Job }[] = await Promise.all(Array.from({ length: JOBS }, async (_, n) => {
      const window = windows[n % 2] ?? first;
      const job = n < EXPORTS
        ? await exportJob(window.client, window.store, 'sandbox')
        : await importJob(window.client, window.store, 'sandbox', await contactsCsv(dir, `budget-${n}.csv`, IMPORT_ROWS), list.uuid);
      return { window, job };
    }));
    const deadline = started + (seconds + 120) * 1000;
    while (windows.some((w) => w.store.active().length > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const unfinished = jobs.filter(({ window, job }) => {
      const now = window.store.get(job.id);
      return !now || (now.status !== 'done' && now.status !== 'partial');
    }).length;
    const times = seen.map((s) => s.at);
    report(`shared budget: most requests the server saw in any 60 s (2 windows, 50 jobs, ${Math.round((Date.now() - started) / 1000)} s run)`, busiestWindow(times, 60_000), 'requests', 300);
    report('shared budget: 429 answers', seen.filter((s) => s.status === '429').length, 'responses', 0);
    report('shared budget: jobs not at their end state', unfinished, 'jobs', 0);
    report('shared budget: requests in total', times.length, 'requests', undefined);
  } finally {
    for (const window of windows) window.poller.dispose();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
