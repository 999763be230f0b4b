// The counts a suite reports to scripts/test.mjs, via .test-results/<suite>.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './paths';

export interface SuiteCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function writeSuiteResults(suite: string, counts: SuiteCounts): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${suite}.json`), `${JSON.stringify(counts)}\n`);
}

/** Decodes a counts file written by someone else (the Mocha suite inside VS Code). */
export function readSuiteCounts(file: string): SuiteCounts | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const count = (key: string): number | undefined => {
    const value = record[key];
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const passed = count('passed');
  const failed = count('failed');
  const skipped = count('skipped');
  if (passed === undefined || failed === undefined || skipped === undefined) return undefined;
  return { passed, failed, skipped };
}

/** Totals of node:test's TAP output (`# pass N` …); cancelled tests count as failed. */
export function countTap(text: string): SuiteCounts {
  const total = (key: string): number => [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  return { passed: total('pass'), failed: total('fail') + total('cancelled'), skipped: total('skipped') + total('todo') };
}
