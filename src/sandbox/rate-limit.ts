/**
 * Requests per key per minute (contract §1: 300), as a fixed one-minute window that
 * starts with a key's first request; over the limit → 429 with Retry-After = seconds
 * left in the window.
 */

interface Window {
  start: number;
  count: number;
}

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  take(key: string): RateDecision {
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

  reset(): void {
    this.windows.clear();
  }
}
