/**
 * Upload and download through GetSalesClient versus a bare `undici.request` doing the
 * same transfer, side by side in one run: peak RSS growth (streaming means flat) and the
 * time ratio (the client's checks, limiter and progress must cost little).
 * The server runs in a child process, so its buffers never count against the client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, openAsBlob, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FormData, request } from 'undici';
import { GetSalesClient } from '../src/core/api/client';
import { measure } from './measure';
import { report } from './report';

const MB = 1024 * 1024;

// Plain JS so the child needs no loader. Uploads are drained and answered with a file
// import; the download endpoint streams the file named in BENCH_DOWNLOAD_FILE.
const SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const file = process.env.BENCH_DOWNLOAD_FILE;
const now = new Date().toISOString();
const server = http.createServer((req, res) => {
  if (req.url.endsWith('/upload-csv')) {
    let bytes = 0;
    req.on('data', (c) => { bytes += c.length; });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ uuid: 'bench', type: 'csv_leads', status: 'not_started', list_uuid: null,
        payload: { file_name: 'bench.csv', delimiter: ',', rows_count: bytes }, csv_headers: ['a'], csv_preview: [], matches: {},
        created_at: now, updated_at: now }));
    });
    return;
  }
  if (req.url.endsWith('/download')) {
    req.resume();
    req.on('end', () => {
      const size = fs.statSync(file).size;
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': size, 'content-disposition': 'attachment; filename="export.csv"' });
      fs.createReadStream(file).pipe(res);
    });
    return;
  }
  res.statusCode = 404; res.end();
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function makeCsv(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const row = 'Ada,Lovelace,ada@example.com,linkedin.com/in/ada-lovelace,Analytical Engines Ltd,Mathematician\n';
  const block = row.repeat(Math.ceil(64 * 1024 / row.length));
  out.write('first_name,last_name,work_email,linkedin_id,company_name,position\n');
  for (let written = 0; written < bytes; written += block.length) {
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function startServer(downloadFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { env: { ...process.env, BENCH_DOWNLOAD_FILE: downloadFile }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, child };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function bareUpload(url: string, file: string): Promise<void> {
  const form = new FormData();
  form.append('type', 'csv_leads');
  form.append('file', new File([await openAsBlob(file, { type: 'text/csv' })], 'bench.csv', { type: 'text/csv' }));
  const response = await request(`${url}/leads/api/file-imports/upload-csv`, { method: 'POST', body: form });
  await response.body.text();
}

async function bareDownload(url: string, target: string): Promise<void> {
  const response = await request(`${url}/leads/api/file-exports/download`, {
    method: 'POST', body: JSON.stringify({ file_name: 'export.csv' }), headers: { 'content-type': 'application/json' },
  });
  await pipeline(response.body, createWriteStream(target));
}

async function compare(label: string, rounds: number, ours: () => Promise<void>, bare: () => Promise<void>, rssMax: number): Promise<void> {
  await ours(); // warm-up: first-use allocations are not what we measure
  await bare();
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  const oursRss: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which goes first, so drift in machine load hits both alike.
    const order = round % 2 === 0 ? [true, false] : [false, true];
    for (const isOurs of order) {
      const m = await measure(isOurs ? ours : bare);
      (isOurs ? oursMs : bareMs).push(m.ms);
      if (isOurs) oursRss.push(m.peakRssGrowthMb);
    }
  }
  report(`${label}: peak RSS growth`, Math.max(...oursRss), 'MB', rssMax);
  report(`${label}: time vs bare undici`, median(oursMs) / median(bareMs), 'x', 1.2);
  console.log(`${label}: client ${median(oursMs).toFixed(0)} ms, bare ${median(bareMs).toFixed(0)} ms (medians of ${rounds})`);
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'gs-bench-'));
  const small = join(dir, 'small.csv');
  const big = join(dir, 'big.csv');
  await makeCsv(small, 15 * MB);
  await makeCsv(big, 100 * MB);
  const { url, child } = await startServer(big);
  const client = new GetSalesClient({
    baseUrl: url,
    tokenProvider: async () => ({ apiKey: 'bench-key' }),
    userAgent: 'getsales-csv-bench/0',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const downloads = join(dir, 'downloads');
  await fs.mkdir(downloads);
  const clearDownloads = async (): Promise<void> => {
    for (const name of await fs.readdir(downloads)) await fs.rm(join(downloads, name));
  };
  try {
    // A 15 MB transfer takes ~40 ms here, so it needs more rounds to steady its median.
    for (const [label, file, rounds] of [['upload 15 MB', small, 11], ['upload 100 MB', big, 7]] as const) {
      await compare(label, rounds, async () => {
        let last = 0;
        await client.uploadCsv({ filePath: file, type: 'csv_leads' }, undefined, (sent) => { last = sent; });
        if (last === 0) throw new Error('no upload progress reported');
      }, () => bareUpload(url, file), 40);
    }
    await compare('download 100 MB', 7, async () => {
      await clearDownloads();
      const result = await client.downloadExport('export.csv', downloads);
      if (result.bytes !== (await fs.stat(big)).size) throw new Error('download size mismatch');
    }, async () => {
      await clearDownloads();
      await bareDownload(url, join(downloads, 'bare.csv'));
    }, 40);
  } finally {
    child.kill();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
