/**
 * The sandbox's import pipeline (multipart upload → parse → background import with
 * batch delay 0 → completed) of a 15 MB contacts CSV, as a ratio to a bare papaparse
 * parse of the same file, side by side in one run (rounds alternate, medians compared);
 * plus the peak RSS growth of the sandbox during the import.
 *
 * The sandbox runs in a child process of its own, so its RSS, read from /proc, is the
 * sandbox's alone, not this client's upload buffers. Both sides are measured warm, as
 * a long-running sandbox is: the bare parse has parsed the file before its first timed
 * round, and the sandbox imports it once, untimed, before its first. Before every round
 * the sandbox is reset (`/__sandbox/reset`), so each import goes into an empty team.
 * The clock runs from the start of the upload until a poll sees the import completed.
 * RSS growth is measured on the untimed first import, from the fresh sandbox's idle
 * RSS to the highest it reached (sampled every 2 ms); later rounds would start on
 * memory the previous round freed but the process still holds.
 */
import { createReadStream, createWriteStream, openAsBlob, promises as fs, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { FormData, request } from 'undici';
import { measure } from './measure';
import { report } from './report';
import { type SandboxProcess as Sandbox, resetWithList as resetSandbox, startSandboxProcess, stopSandboxProcess } from './sandbox-process';

const MB = 1024 * 1024;
const ROUNDS = 5;
const API_KEY = 'bench-import-key';
/** Small, so the poll that sees `completed` comes soon after it; each poll is a cheap GET. */
const POLL_MS = 5;
const FIRST = ['Ada', 'Alan', 'Grace', 'Jürgen', 'Zoë', 'Linus', 'Margaret', 'Björn'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Müller', 'Hamilton', 'Torvalds', "O'Brien"];

async function makeCsv(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('First Name,Last Name,Email,LinkedIn URL,Company,Title,Location\n');
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    let block = '';
    for (let i = 0; i < 500; i += 1, rows += 1) {
      const first = FIRST[rows % FIRST.length] ?? '';
      const last = LAST[rows % LAST.length] ?? '';
      block += `${first},${last},${first.toLowerCase()}.${rows}@example.com,https://www.linkedin.com/in/${first.toLowerCase()}-${rows},"Engines ${rows % 900}, Ltd",Head of Engineering,"Berlin, Germany"\n`;
    }
    written += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

function bareParse(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(path, { encoding: 'utf8' }), {
      chunk: (results: Papa.ParseResult<string[]>) => { rows += results.data.length; },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

/** Resident set size of a process, from /proc (Linux). */
function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  if (match?.[1] === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** Samples a process's RSS every 2 ms; `stop()` returns the peak seen. */
function sampleRss(pid: number): { stop(): number } {
  let peak = rssBytes(pid);
  const timer = setInterval(() => { peak = Math.max(peak, rssBytes(pid)); }, 2);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssBytes(pid));
    },
  };
}

/** Uploads and imports the file into an emptied sandbox; resolves with the milliseconds from upload to completed. */
async function importFile(sandbox: Sandbox, path: string, expectedRows: number): Promise<number> {
  const { url } = sandbox;
  const listUuid = await resetSandbox(sandbox, API_KEY);
  const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
  const started = performance.now();
  const form = new FormData();
  form.append('type', 'csv_leads');
  form.append('file', new File([await openAsBlob(path, { type: 'text/csv' })], 'contacts.csv', { type: 'text/csv' }));
  const upload = await request(`${url}/leads/api/file-imports/upload-csv`, { method: 'POST', headers: { authorization: headers.authorization }, body: form });
  const uploaded = (await upload.body.json()) as { uuid: string; matches: Record<string, number> };
  const start = await request(`${url}/leads/api/file-imports/${uploaded.uuid}/import-leads`, {
    method: 'POST', headers, body: JSON.stringify({ columns: uploaded.matches, list_uuid: listUuid }),
  });
  await start.body.text();
  for (;;) {
    const poll = await request(`${url}/leads/api/data-sources/${uploaded.uuid}`, { headers });
    const job = (await poll.body.json()) as { status: string; metrics: { saved_records: number } };
    if (job.status === 'completed') {
      const ms = performance.now() - started;
      if (job.metrics.saved_records !== expectedRows) throw new Error(`saved ${job.metrics.saved_records}, expected ${expectedRows}`);
      return ms;
    }
    if (job.status === 'failed') throw new Error('import failed');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'gs-sandbox-bench-'));
  try {
    const file = join(dir, 'contacts-15mb.csv');
    const rows = await makeCsv(file, 15 * MB - 64 * 1024);
    if ((await bareParse(file)) !== rows + 1) throw new Error('bare parse row count mismatch');
    const bareMs: number[] = [];
    const importMs: number[] = [];
    const sandbox = await startSandboxProcess(API_KEY);
    try {
      const pid = sandbox.child.pid;
      if (pid === undefined) throw new Error('the sandbox has no pid');
      const idle = rssBytes(pid);
      const sampler = sampleRss(pid);
      await importFile(sandbox, file, rows); // warm-up, untimed
      const peakGrowthMb = (sampler.stop() - idle) / MB;
      for (let round = 0; round < ROUNDS; round += 1) {
        bareMs.push((await measure(() => bareParse(file))).ms);
        importMs.push(await importFile(sandbox, file, rows));
      }
      report('sandbox import 15 MB: time vs bare papaparse', median(importMs) / median(bareMs), 'x', 3);
      report('sandbox import 15 MB: peak RSS growth', peakGrowthMb, 'MB', 150);
      const list = (values: readonly number[]): string => values.map((v) => v.toFixed(0)).join(' ');
      console.log(`${rows} rows: import ${median(importMs).toFixed(0)} ms, bare parse ${median(bareMs).toFixed(0)} ms (medians of ${ROUNDS}); sandbox idle RSS ${(idle / MB).toFixed(0)} MB`);
      console.log(`rounds: import ms ${list(importMs)}; bare ms ${list(bareMs)}`);
    } finally {
      await stopSandboxProcess(sandbox);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
