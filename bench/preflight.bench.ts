/**
 * CSV pre-flight, measured side by side in one process:
 * - the first view must not grow with file size (15 MB vs 100 MB);
 * - the full pass must cost little more than a bare papaparse streaming parse of the same file;
 * - the full pass must stream in flat memory.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Papa from 'papaparse';
import { readFirstView, runFullPass } from '../src/core/csv';
import { writeContactsCsv } from '../test/fixtures/generate-contacts';
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
    await runFullPass(small, view.dialect);
    const bare: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      bare.push(await timed(() => bareParse(small)));
      full.push(await timed(async () => {
        const result = await runFullPass(small, view.dialect);
        if (result.rowCount !== rows) throw new Error(`full pass counted ${result.rowCount} rows, expected ${rows}`);
      }));
    }
    report('bare papaparse stream, 15 MB', median(bare), 'ms', undefined);
    report('full pre-flight pass, 15 MB', median(full), 'ms', undefined);
    report('full pass / bare papaparse', median(full) / median(bare), 'x', 1.3);
    report('first view / full pass, 15 MB', median(firstSmall) / median(full), 'x', undefined);

    const memory = await measure(() => runFullPass(small, view.dialect));
    report('full pass peak RSS growth, 15 MB', memory.peakRssGrowthMb, 'MB', 40);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
