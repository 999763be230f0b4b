/**
 * Client-side rate limiter: at most `limit` requests in any sliding `windowMs`, per API
 * key. One instance is meant to be shared by every client of the extension, so that many
 * jobs polling at once still stay under GetSales' 300 requests a minute.
 *
 * Each caller reserves the earliest slot that keeps the window under the limit and waits
 * for it, so waiting callers are served in arrival order instead of racing on wake-up.
 */
import { createHash } from 'node:crypto';
import { type Clock, systemClock } from './clock';

export interface RateLimiterOptions {
  /** Default 290: a little under the server's 300, so clock skew never costs a 429. */
  readonly limit?: number;
  readonly windowMs?: number;
  readonly clock?: Clock;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly clock: Clock;
  /** Per key: start times of granted and reserved requests, ascending. */
  private readonly slots = new Map<string, number[]>();

  constructor(options: RateLimiterOptions = {}) {
    this.limit = options.limit ?? 290;
    this.windowMs = options.windowMs ?? 60_000;
    this.clock = options.clock ?? systemClock;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new RangeError('RateLimiter limit must be a positive integer.');
    if (!(this.windowMs > 0)) throw new RangeError('RateLimiter windowMs must be positive.');
  }

  /**
   * Waits until a request for `apiKey` may start. Rejects with the signal's reason when
   * aborted, giving its reserved slot back.
   */
  async acquire(apiKey: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    const id = keyId(apiKey);
    const now = this.clock.now();
    const times = this.slots.get(id) ?? [];
    let expired = 0;
    while (expired < times.length && (times[expired] ?? 0) <= now - this.windowMs) expired += 1;
    times.splice(0, expired);
    const blocking = times.length >= this.limit ? times[times.length - this.limit] : undefined;
    const slot = blocking === undefined ? now : blocking + this.windowMs;
    times.push(slot);
    this.slots.set(id, times);
    if (slot <= now) return;
    try {
      await this.clock.sleep(slot - now, signal);
    } catch (error) {
      const index = times.lastIndexOf(slot);
      if (index >= 0) times.splice(index, 1);
      throw error;
    }
  }
}

/** The limiter keys its state by a digest, so the key itself is not kept in another place. */
function keyId(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('base64url').slice(0, 16);
}
