import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { RateLimiter } from '../../../../src/core/api/limiter';
import { ManualClock, settle } from './manual-clock';

/** Largest number of grants inside any window of `windowMs` (sliding). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('RateLimiter', () => {
  it('keeps 50 concurrent pollers under the limit in every sliding minute, and uses the whole budget', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 300, windowMs: 60_000, clock });
    const granted: number[] = [];
    const pollsEach = 20;
    const pollers = Array.from({ length: 50 }, async () => {
      for (let i = 0; i < pollsEach; i += 1) {
        await limiter.acquire('key-one');
        granted.push(clock.now());
        await clock.sleep(1_000); // each job polls once a second: 3,000 wanted a minute
      }
    });
    let all = false;
    void Promise.all(pollers).then(() => { all = true; });
    for (let step = 0; step < 600 && !all; step += 1) await clock.advance(1_000);
    assert.ok(all, 'every poller finished');
    assert.equal(granted.length, 50 * pollsEach);
    assert.ok(busiestWindow(granted, 60_000) <= 300, `busiest minute had ${busiestWindow(granted, 60_000)} requests`);
    // Not over-cautious: the first minute carries the full budget.
    const start = Math.min(...granted);
    assert.equal(granted.filter((t) => t < start + 60_000).length, 300);
  });

  it('serves waiting callers in arrival order', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 1_000, clock });
    const order: number[] = [];
    const calls = [0, 1, 2, 3, 4].map((n) => limiter.acquire('k').then(() => order.push(n)));
    await settle();
    assert.deepEqual(order, [0, 1]);
    await clock.advance(1_000);
    assert.deepEqual(order, [0, 1, 2, 3]);
    await clock.advance(1_000);
    await Promise.all(calls);
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
  });

  it('counts each API key separately', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, clock });
    await limiter.acquire('a');
    let second = false;
    void limiter.acquire('a').then(() => { second = true; });
    await limiter.acquire('b'); // not blocked by key a
    await settle();
    assert.equal(second, false);
    await clock.advance(60_000);
    assert.equal(second, true);
  });

  it('gives back the slot of a caller that gives up waiting', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, clock });
    await limiter.acquire('k');
    const controller = new AbortController();
    const abandoned = limiter.acquire('k', controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(abandoned, /stop/);
    let next = false;
    void limiter.acquire('k').then(() => { next = true; });
    await clock.advance(1_000);
    assert.equal(next, true, 'the next caller got the slot the abandoned one had reserved');
    assert.equal(clock.pending, 0);
  });

  it('rejects a nonsensical limit', () => {
    assert.throws(() => new RateLimiter({ limit: 0 }), RangeError);
  });
});
