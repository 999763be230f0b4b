/**
 * How long the poller waits before asking about a job again. Pure, so the policy is
 * tested without timers. A new job is asked about soon (most small jobs are done within
 * a second or two), then less and less often while it runs, up to the user's poll
 * interval; a job that stands still backs off further, up to the ceiling. Failures back
 * off faster, and a 429's Retry-After is always honoured.
 */

export type PollOutcome =
  | { readonly type: 'changed' }
  | { readonly type: 'unchanged' }
  | { readonly type: 'failed'; readonly retryAfterMs?: number };

export interface PollDelayPolicy {
  /** The user's poll interval: a running job is asked at least this often. */
  readonly baseMs: number;
  /** Ceiling for a job that stands still or keeps failing. */
  readonly maxMs: number;
}

/** The first look at a new job, counted from its start. */
export const FIRST_POLL_MS = 1_000;
export const GROWTH = 1.5;
export const FAILURE_GROWTH = 2;

/**
 * The wait before the first poll: about a second after the job started, or at once for
 * a job that has been running a while (e.g. found again after a window reload).
 */
export function firstPollDelay(ageMs: number): number {
  return Math.max(0, Math.round(FIRST_POLL_MS - Math.max(0, ageMs)));
}

export function nextPollDelay(policy: PollDelayPolicy, previousMs: number, outcome: PollOutcome): number {
  const base = Math.max(1, policy.baseMs);
  const max = Math.max(base, policy.maxMs);
  const previous = Math.max(Math.min(FIRST_POLL_MS, base), previousMs);
  switch (outcome.type) {
    case 'changed':
      // Moving: keep looking often, backing off towards the poll interval.
      return Math.min(base, Math.round(previous * GROWTH));
    case 'unchanged':
      return Math.min(max, Math.round(previous * GROWTH));
    case 'failed':
      return Math.max(outcome.retryAfterMs ?? 0, Math.min(max, Math.round(Math.max(base, previous) * FAILURE_GROWTH)));
  }
}
