/**
 * Side-by-side measurement helpers: wall time and peak RSS growth over an idle baseline,
 * sampled often enough to catch a buffer that lives for only a few milliseconds.
 */
import { performance } from 'node:perf_hooks';

export interface Measurement<T> {
  readonly result: T;
  readonly ms: number;
  readonly peakRssGrowthMb: number;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export async function measure<T>(work: () => Promise<T>): Promise<Measurement<T>> {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, ms, peakRssGrowthMb: (peak - baseline) / (1024 * 1024) };
  } finally {
    clearInterval(sampler);
  }
}
