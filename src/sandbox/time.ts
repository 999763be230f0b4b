/** Timestamps as the API writes them, and the abortable pause between background batches. */
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';

/** `2026-11-28T10:00:00Z`: seconds precision, like the contract's examples. */
export function isoNow(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Waits `ms` (or one event-loop turn for 0, so polls get answered mid-job); rejects when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return ms > 0 ? delay(ms, undefined, { signal }) : nextTurn(undefined, { signal });
}
