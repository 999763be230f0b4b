/**
 * When and how long to wait before repeating a request. Pure functions, so the policy is
 * tested without a network.
 */
import { NetworkError, RateLimitedError, ServerError } from './errors';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller. */
  readonly maxRetryAfterMs: number;
  /** Source of jitter in [0, 1). */
  readonly random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 65_000,
  random: Math.random,
};

/**
 * Whether a request may be repeated after `error`.
 * `safe` requests (reads, metrics, downloads) repeat after any transient failure. The
 * others (upload, import/export start) repeat only when the server surely did not act:
 * a 429, or a connection that never opened.
 */
export function isRetryable(error: unknown, safe: boolean): boolean {
  if (error instanceof RateLimitedError) return true;
  if (error instanceof ServerError) return safe && error.status !== 501;
  if (error instanceof NetworkError) return safe || !error.mayHaveActed;
  return false;
}

/**
 * Wait before retry number `retry` (1 for the first repeat): exponential back-off with
 * full jitter, never shorter than the server's Retry-After. Undefined means do not retry
 * (Retry-After beyond the policy's patience).
 */
export function retryDelayMs(policy: RetryPolicy, retry: number, error: unknown): number | undefined {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(policy.random() * ceiling);
  if (error instanceof RateLimitedError) {
    if (error.retryAfterMs > policy.maxRetryAfterMs) return undefined;
    // A little jitter on top of Retry-After, so waiting pollers do not return in one burst.
    return error.retryAfterMs + Math.floor(policy.random() * policy.baseDelayMs);
  }
  return jittered;
}

export function shouldRetry(policy: RetryPolicy, attempt: number, error: unknown, safe: boolean): number | undefined {
  if (attempt >= policy.maxAttempts || !isRetryable(error, safe)) return undefined;
  return retryDelayMs(policy, attempt, error);
}

