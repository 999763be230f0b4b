/**
 * Runs every `bench/*.bench.ts` in a process of its own (so one benchmark's heap does
 * not inflate the next one's RSS), prints each measure, and writes them all to
 * `bench-results.json` so results can be compared across commits.
 * Usage: npm run bench [-- name-filter]
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_LINE_PREFIX, type BenchResult, formatResult, isBenchResult } from './report';

const root = join(__dirname, '..');
const filter = process.argv[2];
const files = readdirSync(__dirname)
  .filter((name) => name.endsWith('.bench.ts') && (filter === undefined || name.includes(filter)))
  .sort();

async function runOne(file: string): Promise<{ results: BenchResult[]; ok: boolean }> {
  const results: BenchResult[] = [];
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, file)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith(BENCH_LINE_PREFIX)) {
        const parsed: unknown = JSON.parse(line.slice(BENCH_LINE_PREFIX.length));
        if (!isBenchResult(parsed)) throw new Error(`${file} printed a malformed result: ${line}`);
        results.push(parsed);
        console.log(formatResult(parsed));
      } else if (line.trim() !== '') {
        console.log(`    ${line}`);
      }
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { results, ok: code === 0 };
}

async function main(): Promise<void> {
  const all: BenchResult[] = [];
  let crashed = 0;
  for (const file of files) {
    console.log(`\n${file}`);
    const { results, ok } = await runOne(file);
    all.push(...results);
    if (!ok) {
      crashed += 1;
      console.log(`  ${file} exited with an error`);
    }
  }
  const target = join(root, 'bench-results.json');
  writeFileSync(`${target}.tmp`, `${JSON.stringify(all, null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
  const missed = all.filter((r) => !r.ok).length;
  console.log(`\n${all.length} measures, ${all.length - missed} on target, ${missed} off target${crashed ? `, ${crashed} benchmark(s) crashed` : ''}; written to bench-results.json`);
  process.exitCode = crashed > 0 ? 1 : 0;
}

void main();
