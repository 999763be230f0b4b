/**
 * Requests per key per minute (contract §1: 300); over the limit → 429 with Retry-After.
 * Two ways of counting, since real servers differ:
 *   - `fixed`: a one-minute window that starts with a key's first request (the default);
 *   - `sliding`: any 60 s — a request is refused when 300 others started in the 60 s
 *     before it, the strictest reading, which tests a client's spacing, not its luck.
 */

interface Window {
  start: number;
  count: number;
}

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };
export type RateWindow = 'fixed' | 'sliding';
export const RATE_WINDOWS: readonly RateWindow[] = ['fixed', 'sliding'];

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  /** Sliding mode: start times of the accepted requests of the last minute, oldest first. */
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now, private readonly mode: RateWindow = 'fixed') {}

  take(key: string): RateDecision {
    return this.mode === 'sliding' ? this.takeSliding(key) : this.takeFixed(key);
  }

  reset(): void {
    this.windows.clear();
    this.recent.clear();
  }

  private takeFixed(key: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(key);
    if (window === undefined || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.perMinute) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
    }
    window.count += 1;
    return { ok: true };
  }

  private takeSliding(key: string): RateDecision {
    const now = this.now();
    const times = this.recent.get(key) ?? [];
    let expired = 0;
    while (expired < times.length && (times[expired] ?? 0) <= now - WINDOW_MS) expired += 1;
    times.splice(0, expired);
    this.recent.set(key, times);
    if (times.length >= this.perMinute) {
      const oldest = times[times.length - this.perMinute] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
    }
    times.push(now);
    return { ok: true };
  }
}
