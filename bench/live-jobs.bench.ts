/**
 * Live jobs: 20 short sandbox jobs (10 imports of 5 rows, 10 exports of a 300-contact
 * list), each followed by the store + poller as in the extension, with today's policy
 * and the new one side by side in one run:
 *   - old: poll at once, then every poll interval (5 s; ×1.5 while standing still);
 *   - new: JobPoller (≈1 s after the start, backing off, batched import counters).
 * Measured per job: from "server done" (an observer polling the sandbox every 20 ms on
 * its own client, not counted) to "tree done" (the store says finished), and the
 * requests the policy sent per finished job.
 * Targets: new p95 ≤ 2 s; new requests per job ≤ old.
 */
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type GetSalesClient, systemClock } from '../src/core/api';
import {
  type Job, JobPoller, type JobRemote, JobStore, exportPatch, importPatch, isJobActive,
} from '../src/core/jobs';
import { startSandbox } from '../src/sandbox/index';
import { benchClient, contactsCsv, exportJob, importJob, percentile } from './job-bench-kit';
import { report } from './report';
import { MemoryKeyValue } from './memory-key-value';

const API_KEY = 'bench-live-jobs-key';
const JOBS = 20;
const POLL_INTERVAL_MS = 5_000;
const START_SPACING_MS = 150;

type Policy = 'old' | 'new';

/** Counts what the policy asks; the observer's requests go around it. */
function countingRemote(client: GetSalesClient, counter: { requests: number }): JobRemote {
  return {
    getImport: (uuid, signal) => { counter.requests += 1; return client.getImport(uuid, signal); },
    importMetrics: (uuids, signal) => { counter.requests += 1; return client.importMetrics(uuids, signal); },
    getExport: (uuid, signal) => { counter.requests += 1; return client.getExport(uuid, signal); },
  };
}

/** Today's loop, as it was: first poll at once, then the interval (growing ×1.5 while still). */
function oldPolicy(store: JobStore, remote: JobRemote): { stop(): void } {
  const controller = new AbortController();
  setMaxListeners(JOBS * 2, controller.signal); // one sleep per job waits on it
  const follow = async (first: Job): Promise<void> => {
    let delay = 0;
    let job = first;
    while (!controller.signal.aborted && isJobActive(job)) {
      try {
        await systemClock.sleep(delay, controller.signal);
      } catch {
        return;
      }
      const before = JSON.stringify([job.status, job.progress, job.files]);
      let patch;
      if (job.kind === 'export') patch = exportPatch(await remote.getExport(job.remoteUuid));
      else {
        const current = await remote.getImport(job.remoteUuid);
        patch = importPatch(current, current.metrics ?? (await remote.importMetrics([job.remoteUuid]))[job.remoteUuid]);
      }
      job = store.patch(job.id, patch) ?? job;
      const changed = JSON.stringify([job.status, job.progress, job.files]) !== before;
      delay = changed ? POLL_INTERVAL_MS : Math.min(60_000, Math.round(Math.max(POLL_INTERVAL_MS, delay) * 1.5));
    }
  };
  const subscription = store.onDidChange((change) => {
    if (change.type === 'added') void follow(change.job);
  });
  return { stop: () => { controller.abort(); subscription.dispose(); } };
}

async function serverDone(client: GetSalesClient, job: Job): Promise<number> {
  for (;;) {
    const terminal = job.kind === 'export'
      ? ((e) => e.status === 'failed' || (e.status === 'done' && e.files.length > 0))(await client.getExport(job.remoteUuid))
      : ['completed', 'failed', 'contacts_limit_achieved'].includes((await client.getImport(job.remoteUuid)).status);
    if (terminal) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function run(policy: Policy, dir: string): Promise<{ latencies: number[]; requestsPerJob: number }> {
  const sandbox = await startSandbox({ apiKey: API_KEY, seed: 'demo', seedContacts: 300, seedCompanies: 10, rateLimitPerMinute: 1_000_000 });
  try {
    const client = benchClient(sandbox.url, API_KEY);
    const observer = benchClient(sandbox.url, API_KEY);
    const list = (await client.listLists({ limit: 1 })).items[0];
    if (!list) throw new Error('the demo seed has no list');
    const counter = { requests: 0 };
    const remote = countingRemote(client, counter);
    const store = new JobStore({ storage: new MemoryKeyValue() });
    const follower = policy === 'new'
      ? new JobPoller({ store, target: () => ({ remote, connection: 'sandbox' }), clock: systemClock, intervalMs: () => POLL_INTERVAL_MS })
      : oldPolicy(store, remote);
    const treeDone = new Map<string, number>();
    store.onDidFinish((job) => treeDone.set(job.id, performance.now()));
    const measured: Promise<{ id: string; server: number }>[] = [];
    for (let n = 0; n < JOBS; n += 1) {
      const job = n % 2 === 0
        ? await importJob(client, store, 'sandbox', await contactsCsv(dir, `${policy}-${n}.csv`, 5), list.uuid)
        : await exportJob(client, store, 'sandbox', list.uuid);
      measured.push(serverDone(observer, job).then((server) => ({ id: job.id, server })));
      await new Promise((resolve) => setTimeout(resolve, START_SPACING_MS));
    }
    const servers = await Promise.all(measured);
    const deadline = performance.now() + 60_000;
    while (store.active().length > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    if (follower instanceof JobPoller) follower.dispose();
    else follower.stop();
    const latencies = servers.map(({ id, server }) => Math.max(0, (treeDone.get(id) ?? Number.POSITIVE_INFINITY) - server));
    return { latencies, requestsPerJob: counter.requests / JOBS };
  } finally {
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'getsales-bench-live-'));
  try {
    const old = await run('old', dir);
    const next = await run('new', dir);
    report('live jobs: server done → tree done p50 (today: poll at once, then every 5 s)', percentile(old.latencies, 50) / 1000, 's', undefined);
    report('live jobs: server done → tree done p95 (today)', percentile(old.latencies, 95) / 1000, 's', undefined);
    report('live jobs: server done → tree done p50 (new)', percentile(next.latencies, 50) / 1000, 's', undefined);
    report('live jobs: server done → tree done p95 (new)', percentile(next.latencies, 95) / 1000, 's', 2);
    report('live jobs: requests per finished job (today)', old.requestsPerJob, 'requests', undefined);
    report('live jobs: requests per finished job (new)', next.requestsPerJob, 'requests', old.requestsPerJob);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
