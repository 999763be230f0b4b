import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { AuthError, NetworkError, RateLimitedError, ServerError, ValidationError } from '../../../../src/core/api/errors';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, shouldRetry } from '../../../../src/core/api/retry';

const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.999 };
const request = { method: 'GET', path: '/x', status: 503 };

describe('retry policy', () => {
  it('repeats safe requests after transient failures only', () => {
    assert.equal(isRetryable(new ServerError('x', false, request), true), true);
    assert.equal(isRetryable(new NetworkError('x', 'reset', false), true), true);
    assert.equal(isRetryable(new RateLimitedError(1000), true), true);
    assert.equal(isRetryable(new AuthError('x'), true), false);
    assert.equal(isRetryable(new ValidationError('x', {}), true), false);
  });

  it('never repeats an upload or a start after the server may have acted', () => {
    assert.equal(isRetryable(new ServerError('x', true, request), false), false);
    assert.equal(isRetryable(new NetworkError('x', 'reset', true), false), false);
    assert.equal(isRetryable(new NetworkError('x', 'timeout', true), false), false);
    // ...but a 429 or a connection that never opened is safe to repeat
    assert.equal(isRetryable(new RateLimitedError(1000), false), true);
    assert.equal(isRetryable(new NetworkError('x', 'refused', false), false), true);
  });

  it('backs off exponentially with jitter, capped', () => {
    const server = new ServerError('x', false, request);
    assert.equal(retryDelayMs(policy, 1, server), 499);
    assert.equal(retryDelayMs(policy, 2, server), 999);
    assert.equal(retryDelayMs(policy, 3, server), 1998);
    assert.equal(retryDelayMs(policy, 10, server), 7992);
    assert.equal(retryDelayMs({ ...policy, random: () => 0 }, 3, server), 0);
  });

  it('waits at least Retry-After, and gives up when it is longer than the policy allows', () => {
    const delay = retryDelayMs(policy, 1, new RateLimitedError(7_000));
    assert.ok(delay !== undefined && delay >= 7_000 && delay < 7_000 + policy.baseDelayMs);
    assert.equal(retryDelayMs(policy, 1, new RateLimitedError(10 * 60_000)), undefined);
  });

  it('stops after maxAttempts', () => {
    const server = new ServerError('x', false, request);
    assert.notEqual(shouldRetry(policy, 3, server, true), undefined);
    assert.equal(shouldRetry(policy, 4, server, true), undefined);
  });
});
