/** What one benchmark process reports, one line per measure, for bench/index.ts to collect. */
export const BENCH_LINE_PREFIX = 'BENCH ';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Human-readable target, e.g. "<= 3" or "<= 40 MB". */
  readonly target: string;
  readonly ok: boolean;
}

export function isBenchResult(value: unknown): value is BenchResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.name === 'string' && typeof r.value === 'number' && typeof r.unit === 'string'
    && typeof r.target === 'string' && typeof r.ok === 'boolean';
}

/** Prints a measure checked against an upper bound; the value is rounded for reading only. */
export function report(name: string, value: number, unit: string, max: number | undefined): void {
  const result: BenchResult = {
    name,
    value: Number(value.toFixed(3)),
    unit,
    target: max === undefined ? 'info' : `<= ${max}${unit === 'x' ? 'x' : ` ${unit}`}`,
    ok: max === undefined || value <= max,
  };
  process.stdout.write(`${BENCH_LINE_PREFIX}${JSON.stringify(result)}\n`);
}

export function formatResult(r: BenchResult): string {
  return `  ${r.ok ? 'ok ' : 'OFF'} ${r.name}: ${r.value} ${r.unit} (target ${r.target})`;
}
