/**
 * A 100 MB contacts CSV imported in parts against the sandbox, the way the extension does
 * it (the split of the checked file, the first part uploaded and started, the PartsRunner
 * taking the others one after another, the JobPoller following each part), beside the same
 * parts uploaded and imported by hand with the client, one after another, each followed to
 * its end by the same store and poller — side by side in one run (rounds alternate,
 * medians compared).
 *
 * Targets: the parts' total time (from the checked file, as the mapping screen's Start has
 * it, to the parent job done) ≤ 1.3 × the by-hand time; this process's peak RSS growth
 * meanwhile ≤ 60 MB (the split and the uploads stream). The pre-flight before it, which
 * every import runs, is measured beside it and shown with the total (no target here:
 * preflight.bench.ts has its own). RSS is measured in this one process: the parts' growth
 * comes after the pre-flight, which leaves the heap grown, so the first round (the largest)
 * is the figure; later rounds reuse that memory. The sandbox runs in a child process, so
 * its memory is not counted, and it is reset before every round so each import goes into
 * an empty team.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type GetSalesClient, systemClock } from '../src/core/api';
import { type Job, JobPoller, JobStore, isJobActive } from '../src/core/jobs';
import { type PreparedFile, prepareFile } from '../src/core/import/preflight';
import { type PreparedParts, partUploadName, splitPreparedFile } from '../src/core/import/parts/part-files';
import { PartsRunner } from '../src/core/import/parts/parts-runner';
import { startParts } from '../src/core/import/parts/start-parts';
import { startImport } from '../src/core/import/start-import';
import { writeContactsCsv } from '../test/fixtures/generate-contacts';
import { benchClient } from './job-bench-kit';
import { measure } from './measure';
import { MemoryKeyValue } from './memory-key-value';
import { report } from './report';
import { resetWithList, startSandboxProcess, stopSandboxProcess } from './sandbox-process';

const MB = 1024 * 1024;
const API_KEY = 'bench-import-parts-key';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The same for both sides: the user's shortest poll interval. */
const POLL_INTERVAL_MS = 1_000;
const HEADERS = ['First Name', 'Last Name', 'Email', 'Company', 'Job Title', 'LinkedIn URL', 'Phone', 'City', 'Notes'];
const MAPPING = ['first_name', 'last_name', 'work_email', 'company_name', 'position', 'linkedin_id', 'work_phone_number', 'raw_address', null];

/** A store and poller as the extension has them, and a runner for the parts. */
function jobsWindow(client: GetSalesClient): { store: JobStore; runner: PartsRunner; close(): void } {
  const store = new JobStore({ storage: new MemoryKeyValue() });
  const poller = new JobPoller({ store, target: () => ({ remote: client, connection: 'sandbox' }), clock: systemClock, intervalMs: () => POLL_INTERVAL_MS });
  const runner = new PartsRunner({ store, target: () => ({ client, connection: 'sandbox' }), log: () => undefined });
  return { store, runner, close: () => { runner.dispose(); poller.dispose(); store.dispose(); } };
}

function ended(store: JobStore, id: string): Promise<Job> {
  return new Promise((resolve) => {
    const now = store.get(id);
    if (now !== undefined && !isJobActive(now)) return resolve(now);
    const subscription = store.onDidFinish((job) => {
      if (job.id !== id) return;
      subscription.dispose();
      resolve(job);
    });
  });
}

function target(listUuid: string) {
  return { kind: 'contacts', listUuid, tags: [], updateExisting: true } as const;
}

/** The pre-flight every import runs (with parts allowed): the checked file, its upload copy. */
function preflight(path: string): Promise<PreparedFile> {
  return prepareFile(path, { allowParts: true });
}

/** The feature, from the checked file (as the mapping screen's Start has it) to the parent job done: split, first part, the runner. */
async function inParts(client: GetSalesClient, prepared: PreparedFile, listUuid: string, partsRoot: string): Promise<Job> {
  const { store, runner, close } = jobsWindow(client);
  try {
    let parts: PreparedParts;
    try {
      parts = await splitPreparedFile(prepared, { root: partsRoot });
    } finally {
      await prepared.fullPass.dispose();
    }
    const first = parts.parts[0];
    if (first === undefined) throw new Error('no parts');
    const upload = await client.uploadCsv({ filePath: first.path, fileName: partUploadName('contacts.csv', 0, parts.parts.length), type: 'csv_leads' });
    const parent = await startParts(client, store, {
      kind: 'contacts', importUuid: upload.uuid, sourcePath: prepared.path, label: 'contacts.csv', connection: 'sandbox',
      headers: HEADERS, dialect: prepared.fullPass.dialect, mapping: MAPPING, target: target(listUuid), parts,
    });
    runner.follow(parent.id);
    return await ended(store, parent.id);
  } finally {
    close();
  }
}

/** By hand: the same part files, each uploaded, started and followed to its end before the next. */
async function byHand(client: GetSalesClient, parts: PreparedParts, listUuid: string): Promise<Job[]> {
  const { store, close } = jobsWindow(client);
  try {
    const done: Job[] = [];
    for (const [index, part] of parts.parts.entries()) {
      const upload = await client.uploadCsv({ filePath: part.path, fileName: partUploadName('contacts.csv', index, parts.parts.length), type: 'csv_leads' });
      const job = await startImport(client, store, {
        kind: 'contacts', importUuid: upload.uuid, sourcePath: part.path, label: `part ${index + 1}`, connection: 'sandbox',
        headers: HEADERS, dialect: { encoding: 'utf-8', delimiter: ',' }, mapping: MAPPING, target: target(listUuid),
      });
      done.push(await ended(store, job.id));
    }
    return done;
  } finally {
    close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function processed(jobs: readonly Job[]): number {
  return jobs.reduce((sum, job) => sum + (job.counts?.saved ?? 0) + (job.counts?.duplicates ?? 0) + (job.counts?.errors ?? 0), 0);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gs-parts-bench-'));
  const sandbox = await startSandboxProcess(API_KEY);
  try {
    const path = join(dir, 'contacts.csv');
    const rows = await writeContactsCsv(path, 100 * MB);
    const client = benchClient(sandbox.url, API_KEY);
    // The by-hand side uploads the parts the feature makes, cut once here (untimed).
    const prepared = await prepareFile(path, { allowParts: true });
    const parts = await splitPreparedFile(prepared, { root: join(dir, 'hand') }).finally(() => prepared.fullPass.dispose());

    // Warm-up, untimed: first-use allocations and the sandbox's first big import are not what is measured.
    await resetWithList(sandbox, API_KEY).then((list) => byHand(client, parts, list));

    const oursMs: number[] = [];
    const preflightMs: number[] = [];
    const handMs: number[] = [];
    const oursRss: number[] = [];
    const preflightRss: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first, so drift in machine load hits both alike.
      for (const side of round % 2 === 0 ? ['ours', 'hand'] as const : ['hand', 'ours'] as const) {
        const list = await resetWithList(sandbox, API_KEY);
        if (side === 'ours') {
          const checked = await measure(() => preflight(path));
          const measured = await measure(() => inParts(client, checked.result, list, join(dir, 'parts')));
          if (measured.result.status !== 'done' || processed([measured.result]) !== rows) throw new Error(`in parts: ${measured.result.status}, ${processed([measured.result])} of ${rows} rows`);
          preflightMs.push(checked.ms);
          preflightRss.push(checked.peakRssGrowthMb);
          oursMs.push(measured.ms);
          oursRss.push(measured.peakRssGrowthMb);
        } else {
          const started = performance.now();
          const jobs = await byHand(client, parts, list);
          handMs.push(performance.now() - started);
          if (processed(jobs) !== rows) throw new Error(`by hand: ${processed(jobs)} of ${rows} rows`);
        }
      }
    }
    report('import in parts 100 MB: split + parts one after another vs the same parts by hand', median(oursMs) / median(handMs), 'x', 1.3);
    report('import in parts 100 MB: peak RSS growth (split, uploads, runner)', Math.max(...oursRss), 'MB', 60);
    // The pre-flight runs for every import, parts or not (preflight.bench.ts has its targets); shown for the whole picture.
    report('import in parts 100 MB: with the pre-flight vs the same parts by hand', (median(oursMs) + median(preflightMs)) / median(handMs), 'x', undefined);
    report('import in parts 100 MB: pre-flight peak RSS growth', Math.max(...preflightRss), 'MB', undefined);
    const list = (values: readonly number[]): string => values.map((v) => v.toFixed(0)).join(' ');
    console.log(`${rows} rows in ${parts.parts.length} parts: in parts ${median(oursMs).toFixed(0)} ms after a ${median(preflightMs).toFixed(0)} ms pre-flight, by hand ${median(handMs).toFixed(0)} ms (medians of ${ROUNDS})`);
    console.log(`rounds: in parts ms ${list(oursMs)}; pre-flight ms ${list(preflightMs)}; by hand ms ${list(handMs)}; RSS growth MB ${list(oursRss)} (pre-flight ${list(preflightRss)})`);
  } finally {
    await stopSandboxProcess(sandbox);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
