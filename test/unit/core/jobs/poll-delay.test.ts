import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { nextPollDelay } from '../../../../src/core/jobs';

const policy = { baseMs: 5_000, maxMs: 60_000 };

describe('nextPollDelay', () => {
  it('returns to the base interval whenever the job moves', () => {
    assert.equal(nextPollDelay(policy, 40_000, { type: 'changed' }), 5_000);
  });

  it('grows by half for a job that stands still, up to the ceiling', () => {
    const delays: number[] = [];
    let delay = 0;
    for (let i = 0; i < 8; i += 1) delays.push((delay = nextPollDelay(policy, delay, { type: 'unchanged' })));
    assert.deepEqual(delays, [7_500, 11_250, 16_875, 25_313, 37_970, 56_955, 60_000, 60_000]);
  });

  it('doubles after a failure, and never waits less than Retry-After', () => {
    assert.equal(nextPollDelay(policy, 5_000, { type: 'failed' }), 10_000);
    assert.equal(nextPollDelay(policy, 40_000, { type: 'failed' }), 60_000);
    assert.equal(nextPollDelay(policy, 5_000, { type: 'failed', retryAfterMs: 90_000 }), 90_000);
  });

  it('treats a ceiling under the base interval as the base interval', () => {
    assert.equal(nextPollDelay({ baseMs: 10_000, maxMs: 1_000 }, 10_000, { type: 'unchanged' }), 10_000);
  });
});
