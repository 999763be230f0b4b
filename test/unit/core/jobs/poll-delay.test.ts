import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { FIRST_POLL_MS, firstPollDelay, nextPollDelay } from '../../../../src/core/jobs';

const policy = { baseMs: 5_000, maxMs: 60_000 };

describe('firstPollDelay', () => {
  it('looks at a new job about a second after it started', () => {
    assert.equal(firstPollDelay(0), FIRST_POLL_MS);
    assert.equal(firstPollDelay(300), 700);
  });

  it('looks at once at a job that has been running a while (found again after a reload)', () => {
    assert.equal(firstPollDelay(5 * 60_000), 0);
  });
});

describe('nextPollDelay', () => {
  it('backs off from one second towards the poll interval while the job moves', () => {
    const delays: number[] = [];
    let delay = FIRST_POLL_MS;
    for (let i = 0; i < 6; i += 1) delays.push((delay = nextPollDelay(policy, delay, { type: 'changed' })));
    assert.deepEqual(delays, [1_500, 2_250, 3_375, 5_000, 5_000, 5_000]);
  });

  it('returns to the poll interval when a long-still job moves again', () => {
    assert.equal(nextPollDelay(policy, 40_000, { type: 'changed' }), 5_000);
  });

  it('keeps growing by half for a job that stands still, up to the ceiling', () => {
    const delays: number[] = [];
    let delay = 5_000;
    for (let i = 0; i < 8; i += 1) delays.push((delay = nextPollDelay(policy, delay, { type: 'unchanged' })));
    assert.deepEqual(delays, [7_500, 11_250, 16_875, 25_313, 37_970, 56_955, 60_000, 60_000]);
  });

  it('doubles after a failure (from at least the poll interval), and never waits less than Retry-After', () => {
    assert.equal(nextPollDelay(policy, 1_000, { type: 'failed' }), 10_000);
    assert.equal(nextPollDelay(policy, 40_000, { type: 'failed' }), 60_000);
    assert.equal(nextPollDelay(policy, 5_000, { type: 'failed', retryAfterMs: 90_000 }), 90_000);
  });

  it('treats a ceiling under the base interval as the base interval', () => {
    assert.equal(nextPollDelay({ baseMs: 10_000, maxMs: 1_000 }, 10_000, { type: 'unchanged' }), 10_000);
  });

  it('never starts faster than the poll interval when the user set it under a second', () => {
    assert.equal(nextPollDelay({ baseMs: 500, maxMs: 60_000 }, 0, { type: 'changed' }), 500);
  });
});
