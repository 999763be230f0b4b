/**
 * CSV pre-flight, measured side by side in one process:
 * - the first view must not grow with file size (15 MB vs 100 MB);
 * - the full pass must cost little more than a bare papaparse streaming parse of the same file;
 * - the full pass must stream in flat memory;
 * - telling a non-UTF-8 encoding (jschardet on the head) must not make the first view slow.
 * The full pass always writes the upload copy (a snapshot of a UTF-8 file) and its SHA-256,
 * so its time includes both; each result is disposed so the temp copies do not pile up.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { readFirstView, runFullPass } from '../src/core/csv';
import { writeContactsCsv } from '../test/fixtures/generate-contacts';
import { encode } from '../test/fixtures/hostile/corpus';
import { readFileSync, writeFileSync } from 'node:fs';
import { measure } from './measure';
import { report } from './report';

const MB = 1024 * 1024;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** What a plain papaparse user would write: stream the file, count rows, nothing else. */
function bareParse(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(path, { encoding: 'utf8' }), {
      delimiter: ',',
      chunk: (results: Papa.ParseResult<unknown>) => { rows += results.data.length; },
      complete: () => resolve(rows),
      error: (error: Error) => reject(error),
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-bench-'));
  try {
    const small = join(dir, 'contacts-15mb.csv');
    const big = join(dir, 'contacts-100mb.csv');
    const rows = await writeContactsCsv(small, 15 * MB);
    await writeContactsCsv(big, 100 * MB);

    // First view: interleaved runs, medians.
    const firstSmall: number[] = [];
    const firstBig: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      firstSmall.push(await timed(() => readFirstView(small)));
      firstBig.push(await timed(() => readFirstView(big)));
    }
    report('first view, 15 MB file', median(firstSmall), 'ms', undefined);
    report('first view, 100 MB file', median(firstBig), 'ms', undefined);
    report('first view 100 MB / 15 MB', median(firstBig) / median(firstSmall), 'x', 3);

    // Full pass vs bare parse on the same 15 MB file, alternating, after one warm-up each.
    const view = await readFirstView(small);
    await bareParse(small);
    await (await runFullPass(small, view.dialect)).dispose();
    const bare: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      bare.push(await timed(() => bareParse(small)));
      full.push(await timed(async () => {
        const result = await runFullPass(small, view.dialect);
        await result.dispose();
        if (result.rowCount !== rows) throw new Error(`full pass counted ${result.rowCount} rows, expected ${rows}`);
      }));
    }
    report('bare papaparse stream, 15 MB', median(bare), 'ms', undefined);
    report('full pre-flight pass, 15 MB', median(full), 'ms', undefined);
    report('full pass / bare papaparse', median(full) / median(bare), 'x', 1.3);
    report('first view / full pass, 15 MB', median(firstSmall) / median(full), 'x', undefined);

    const memory = await measure(() => runFullPass(small, view.dialect));
    await memory.result.dispose();
    report('full pass peak RSS growth, 15 MB', memory.peakRssGrowthMb, 'MB', 40);

    // The same rows in Windows-1252: the first view runs the detector, the full pass transcodes.
    const western = join(dir, 'contacts-15mb-windows-1252.csv');
    writeFileSync(western, encode(readFileSync(small, 'utf8'), 'windows-1252'));
    const firstWestern: number[] = [];
    for (let i = 0; i < 10; i += 1) firstWestern.push(await timed(() => readFirstView(western)));
    const westernView = await readFirstView(western);
    if (westernView.dialect.encoding !== 'windows-1252') throw new Error(`detected ${westernView.dialect.encoding}`);
    report('first view with detection (Windows-1252), 15 MB', median(firstWestern), 'ms', undefined);
    const westernFull: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      westernFull.push(await timed(async () => (await runFullPass(western, westernView.dialect)).dispose()));
    }
    report('full pass transcoding Windows-1252, 15 MB / bare papaparse (UTF-8)', median(westernFull) / median(bare), 'x', undefined);
    const westernMemory = await measure(() => runFullPass(western, westernView.dialect));
    await westernMemory.result.dispose();
    report('full pass peak RSS growth, Windows-1252 15 MB', westernMemory.peakRssGrowthMb, 'MB', 40);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
