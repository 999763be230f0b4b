/**
 * The sandbox's import pipeline (multipart upload → parse → background import with
 * batch delay 0 → completed) of a 15 MB contacts CSV, as a ratio to a bare papaparse
 * parse of the same file, side by side in one run; plus the peak RSS growth of the
 * sandbox process during the import. The sandbox runs in this process (so its memory is
 * what RSS measures); the upload streams from disk through undici, so the client adds
 * little. A fresh sandbox per round, so every round imports into an empty team.
 */
import { createReadStream, createWriteStream, openAsBlob, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { FormData, request } from 'undici';
import { startSandbox } from '../src/sandbox/index';
import { measure } from './measure';
import { report } from './report';

const MB = 1024 * 1024;
const ROUNDS = 3;
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

async function sandboxImport(path: string, expectedRows: number): Promise<void> {
  const sandbox = await startSandbox({ seed: 'none', batchDelayMs: 0, rateLimitPerMinute: 100_000 });
  const headers = { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' };
  try {
    const list = await request(`${sandbox.url}/leads/api/lists`, { method: 'POST', headers, body: JSON.stringify({ name: 'Bench' }) });
    const listUuid = ((await list.body.json()) as { uuid: string }).uuid;
    const form = new FormData();
    form.append('type', 'csv_leads');
    form.append('file', new File([await openAsBlob(path, { type: 'text/csv' })], 'bench.csv', { type: 'text/csv' }));
    const upload = await request(`${sandbox.url}/leads/api/file-imports/upload-csv`, { method: 'POST', headers: { authorization: headers.authorization }, body: form });
    const uploaded = (await upload.body.json()) as { uuid: string; matches: Record<string, number> };
    const start = await request(`${sandbox.url}/leads/api/file-imports/${uploaded.uuid}/import-leads`, {
      method: 'POST', headers, body: JSON.stringify({ columns: uploaded.matches, list_uuid: listUuid }),
    });
    await start.body.text();
    for (;;) {
      const poll = await request(`${sandbox.url}/leads/api/data-sources/${uploaded.uuid}`, { headers });
      const job = (await poll.body.json()) as { status: string; metrics: { saved_records: number } };
      if (job.status === 'completed') {
        if (job.metrics.saved_records !== expectedRows) throw new Error(`saved ${job.metrics.saved_records}, expected ${expectedRows}`);
        return;
      }
      if (job.status === 'failed') throw new Error('import failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await sandbox.close();
  }
}

function median(values: number[]): number {
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
    const rss: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const bare = await measure(() => bareParse(file));
      bareMs.push(bare.ms);
      const imported = await measure(() => sandboxImport(file, rows));
      importMs.push(imported.ms);
      rss.push(imported.peakRssGrowthMb);
    }
    report('sandbox import 15 MB: time vs bare papaparse', median(importMs) / median(bareMs), 'x', 3);
    // The first round's baseline is the idle process; later rounds start on a heap the
    // previous sandbox left for the GC, so the largest growth is the honest figure.
    report('sandbox import 15 MB: peak RSS growth', Math.max(...rss), 'MB', 150);
    console.log(`${rows} rows: import ${median(importMs).toFixed(0)} ms, bare parse ${median(bareMs).toFixed(0)} ms (medians of ${ROUNDS})`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
