/**
 * Client-side rate limiter: a token bucket per API key (GCRA, the "virtual scheduling"
 * form), so requests go out evenly — a short burst, then one every `windowMs / rate` —
 * instead of a minute's budget in five seconds and then nothing. At most `limit`
 * requests start in ANY `windowMs` (a server counting in a sliding window never sees
 * more), and one instance is meant to be shared by every client of the extension.
 *
 * The bucket's state lives in a BudgetStore: in memory for one process, or in a file
 * that every VS Code window of the machine sees (file-budget.ts), so two windows on one
 * key share one budget. Each caller reserves the earliest start the bucket allows and
 * waits for it, so waiting callers are served in arrival order.
 */
import { createHash } from 'node:crypto';
import { type Clock, systemClock } from './clock';

/**
 * Where the bucket of each key lives. `update` must run atomically per key id: it gets
 * the stored "theoretical arrival time" (undefined when none) and returns the new one.
 */
export interface BudgetStore {
  update<T>(keyId: string, change: (tat: number | undefined) => { readonly tat: number; readonly result: T }): Promise<T>;
}

/** One process's buckets. */
export class MemoryBudget implements BudgetStore {
  private readonly tats = new Map<string, number>();

  async update<T>(keyId: string, change: (tat: number | undefined) => { readonly tat: number; readonly result: T }): Promise<T> {
    const { tat, result } = change(this.tats.get(keyId));
    this.tats.set(keyId, tat);
    return result;
  }
}

export interface RateLimiterOptions {
  /** Most requests in any window; default 290, a little under the server's 300 so latency jitter never costs a 429. */
  readonly limit?: number;
  readonly windowMs?: number;
  /** Requests that may start at once after a quiet spell; default a fifteenth of `limit` (19 of 290). */
  readonly burst?: number;
  readonly clock?: Clock;
  /** Default: in memory, this process only. */
  readonly store?: BudgetStore;
}

export interface Reservation {
  /** When the request may start (epoch ms). */
  readonly startAt: number;
  readonly tat: number;
}

/**
 * The bucket's rule, pure: a request may start at max(now, tat − tolerance), and moves
 * tat on by one interval. A fresh (or long quiet) bucket has tat ≤ now.
 */
export function reserve(tat: number | undefined, now: number, intervalMs: number, toleranceMs: number): Reservation {
  const from = Math.max(tat ?? now, now);
  return { startAt: Math.max(now, from - toleranceMs), tat: from + intervalMs };
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly burst: number;
  /** Time between requests once the burst is spent. */
  readonly intervalMs: number;
  private readonly clock: Clock;
  private readonly store: BudgetStore;

  constructor(options: RateLimiterOptions = {}) {
    this.limit = options.limit ?? 290;
    this.windowMs = options.windowMs ?? 60_000;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new RangeError('RateLimiter limit must be a positive integer.');
    if (!(this.windowMs > 0)) throw new RangeError('RateLimiter windowMs must be positive.');
    this.burst = options.burst ?? Math.max(1, Math.floor(this.limit / 15));
    if (!Number.isInteger(this.burst) || this.burst < 1 || this.burst > this.limit) throw new RangeError('RateLimiter burst must be between 1 and limit.');
    // burst + window / interval = limit: no window of windowMs ever holds more than limit.
    this.intervalMs = this.windowMs / Math.max(1, this.limit - this.burst);
    this.clock = options.clock ?? systemClock;
    this.store = options.store ?? new MemoryBudget();
  }

  /**
   * Waits until a request for `apiKey` may start. Rejects with the signal's reason when
   * aborted, giving its reserved start back when nobody reserved after it.
   */
  async acquire(apiKey: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const id = keyId(apiKey);
    const tolerance = (this.burst - 1) * this.intervalMs;
    const mine = await this.store.update(id, (tat) => {
      const reservation = reserve(tat, this.clock.now(), this.intervalMs, tolerance);
      return { tat: reservation.tat, result: reservation };
    });
    const wait = mine.startAt - this.clock.now();
    if (wait <= 0) return;
    try {
      await this.clock.sleep(wait, signal);
    } catch (error) {
      await this.store.update(id, (tat) => ({ tat: tat === mine.tat ? tat - this.intervalMs : (tat ?? mine.tat), result: undefined })).catch(() => undefined);
      throw error;
    }
  }

  /**
   * The server answered 429 with Retry-After: nobody on this key (in any window sharing
   * the store) starts a request before it has passed, and the bucket starts empty then.
   */
  async holdOff(apiKey: string, retryAfterMs: number): Promise<void> {
    const until = this.clock.now() + Math.max(0, retryAfterMs);
    const tolerance = (this.burst - 1) * this.intervalMs;
    await this.store.update(keyId(apiKey), (tat) => ({ tat: Math.max(tat ?? 0, until + tolerance), result: undefined }));
  }
}

/** Buckets are keyed by a digest, so the key itself is never kept (or written) anywhere else. */
export function keyId(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 24);
}
