/**
 * End-to-end export of 100,000 sandbox contacts through the extension's own parts —
 * startExport (client + job store), the JobPoller following the job to `done`, and
 * downloadExportFiles streaming the result to disk — from start to the file on disk.
 * Reports the peak RSS growth of this (the extension-side) process, target ≤ 40 MB, and
 * the time beside a bare undici doing the same three steps in the same run (info).
 * The sandbox runs in a child process, so its 100,000 records never count against us.
 */
import type { KeyValuePort } from '../src/core/key-value-port';
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { request } from 'undici';
import { GetSalesClient, systemClock } from '../src/core/api';
import { type Job, JobPoller, JobStore } from '../src/core/jobs';
import { downloadExportFiles } from '../src/core/files/download-files';
import { startExport } from '../src/core/export/start-export';
import { measure } from './measure';
import { report } from './report';

const CONTACTS = 100_000;
const ROUNDS = 3;
const API_KEY = 'bench-export-key';
const POLL_MS = 100;

async function startSandbox(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [
    '--import', 'tsx', join(__dirname, '..', 'src', 'sandbox', 'main.ts'),
    '--port', '0', '--api-key', API_KEY, '--seed', 'demo', '--seed-contacts', String(CONTACTS),
    '--batch-delay-ms', '0', '--rate-limit', '100000', '--quiet',
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const stdout = child.stdout!;
  stdout.setEncoding('utf8');
  // Keep reading after the URL: a closed pipe would kill the sandbox with EPIPE when it logs its exit.
  const url = await new Promise<string>((resolve, reject) => {
    stdout.on('data', (chunk: string) => {
      output += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', () => reject(new Error(`the sandbox exited before listening: ${output}`)));
  });
  return { url, child };
}

function memoryStorage(): KeyValuePort {
  const values = new Map<string, unknown>();
  return { get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => { values.set(key, value); } };
}

/** What the extension does: start, let the poller follow the job, download when done. */
async function extensionExport(client: GetSalesClient, folder: string): Promise<number> {
  const store = new JobStore({ storage: memoryStorage() });
  const poller = new JobPoller({ store, target: () => ({ remote: client, connection: 'sandbox' }), clock: systemClock, intervalMs: () => POLL_MS });
  try {
    const finished = new Promise<Job>((resolve) => store.onDidFinish(resolve));
    await startExport(client, store, { entity: 'contacts', filter: { kind: 'all' }, label: 'All contacts', connection: 'sandbox' });
    const job = await finished;
    if (job.status !== 'done') throw new Error(`export ended ${job.status}: ${job.message ?? ''}`);
    const results = await downloadExportFiles(client, job.files, folder);
    return results.reduce((sum, r) => sum + r.bytes, 0);
  } finally {
    poller.dispose();
    store.dispose();
  }
}

/** The same three steps with nothing but undici. */
async function bareExport(url: string, folder: string): Promise<number> {
  const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
  const started = await request(`${url}/leads/api/file-exports/leads`, { method: 'POST', headers, body: JSON.stringify({ filter: { all: true } }) });
  const { uuid } = (await started.body.json()) as { uuid: string };
  let files: string[] | undefined;
  while (!files) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const poll = await request(`${url}/leads/api/mass-actions/${uuid}`, { headers });
    const job = (await poll.body.json()) as { status: string; result: { files: string[] } | null };
    if (job.status === 'done' && job.result) files = job.result.files;
  }
  let bytes = 0;
  for (const name of files) {
    const response = await request(`${url}/leads/api/file-exports/download`, { method: 'POST', headers, body: JSON.stringify({ file_name: name }) });
    const target = join(folder, `bare-${name}`);
    await pipeline(response.body, createWriteStream(target));
    bytes += (await fs.stat(target)).size;
  }
  return bytes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'gs-export-bench-'));
  const { url, child } = await startSandbox();
  const client = new GetSalesClient({
    baseUrl: url,
    tokenProvider: async () => ({ apiKey: API_KEY }),
    userAgent: 'getsales-csv-bench/0',
    // The client's default limiter (under 300 a minute), as in the extension.
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const clear = async (): Promise<void> => {
    for (const name of await fs.readdir(dir)) await fs.rm(join(dir, name), { force: true });
  };
  try {
    // Warm-up: first-use allocations (undici pools, JIT) are not what we measure.
    await extensionExport(client, dir);
    await bareExport(url, dir);
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    const oursRss: number[] = [];
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const isOurs of round % 2 === 0 ? [true, false] : [false, true]) {
        await clear();
        const m = await measure(() => (isOurs ? extensionExport(client, dir) : bareExport(url, dir)));
        (isOurs ? oursMs : bareMs).push(m.ms);
        if (isOurs) {
          oursRss.push(m.peakRssGrowthMb);
          bytes = m.result;
        }
      }
    }
    report(`export ${CONTACTS.toLocaleString('en-US')} contacts end to end: peak RSS growth`, Math.max(...oursRss), 'MB', 40);
    report(`export ${CONTACTS.toLocaleString('en-US')} contacts end to end: time`, median(oursMs) / 1000, 's', undefined);
    report(`export ${CONTACTS.toLocaleString('en-US')} contacts end to end: time vs bare undici`, median(oursMs) / median(bareMs), 'x', undefined);
    console.log(`start → ${(bytes / (1024 * 1024)).toFixed(1)} MB on disk: extension ${median(oursMs).toFixed(0)} ms, bare undici ${median(bareMs).toFixed(0)} ms (medians of ${ROUNDS}); peak RSS growth per round ${oursRss.map((v) => v.toFixed(1)).join(', ')} MB`);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit').catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
