/**
 * How long the poller waits before asking about a job again. Pure, so the policy is
 * tested without timers: a job that moves is asked again at the base interval; one that
 * stands still is asked less and less often; failures back off faster, and a 429's
 * Retry-After is always honoured.
 */

export type PollOutcome =
  | { readonly type: 'changed' }
  | { readonly type: 'unchanged' }
  | { readonly type: 'failed'; readonly retryAfterMs?: number };

export interface PollDelayPolicy {
  /** The user's poll interval. */
  readonly baseMs: number;
  /** Ceiling for a job that stands still or keeps failing. */
  readonly maxMs: number;
}

export const IDLE_GROWTH = 1.5;
export const FAILURE_GROWTH = 2;

export function nextPollDelay(policy: PollDelayPolicy, previousMs: number, outcome: PollOutcome): number {
  const base = Math.max(1, policy.baseMs);
  const max = Math.max(base, policy.maxMs);
  const previous = Math.max(base, previousMs);
  switch (outcome.type) {
    case 'changed':
      return base;
    case 'unchanged':
      return Math.min(max, Math.round(previous * IDLE_GROWTH));
    case 'failed':
      return Math.max(outcome.retryAfterMs ?? 0, Math.min(max, Math.round(previous * FAILURE_GROWTH)));
  }
}
