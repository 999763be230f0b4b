import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBudget, RateLimiter, systemClock } from '../../../../src/core/api';
import { keyId } from '../../../../src/core/api/limiter';
import { busiestWindow } from '../../../fixtures/busiest-window';
import { ManualClock, settle } from './manual-clock';


function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'getsales-budget-'));
}

describe('RateLimiter (token bucket)', () => {
  it('keeps 50 concurrent pollers under the limit in every sliding minute, spreading requests evenly instead of in one burst', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 290, windowMs: 60_000, clock });
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
    for (let step = 0; step < 6_000 && !all; step += 1) await clock.advance(100);
    assert.ok(all, 'every poller finished');
    assert.equal(granted.length, 50 * pollsEach);
    assert.ok(busiestWindow(granted, 60_000) <= 290, `busiest minute had ${busiestWindow(granted, 60_000)} requests`);
    const start = Math.min(...granted);
    // Even: the first 5 s carry the burst and their share, not the whole minute's budget.
    const firstFive = granted.filter((t) => t < start + 5_000).length;
    assert.ok(firstFive <= limiter.burst + Math.ceil(5_000 / limiter.intervalMs), `first 5 s had ${firstFive}`);
    // And no long silence while callers wait: the largest gap is one interval (rounded up to the test's 100 ms steps).
    const sorted = [...granted].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((t, i) => t - (sorted[i] ?? t));
    assert.ok(Math.max(...gaps) <= Math.ceil(limiter.intervalMs / 100) * 100, `largest gap ${Math.max(...gaps)} ms`);
    // Not over-cautious: the first minute carries nearly the full budget.
    assert.ok(granted.filter((t) => t < start + 60_000).length >= 280);
  });

  it('serves waiting callers in arrival order', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 3, windowMs: 2_000, burst: 1, clock });
    const order: number[] = [];
    const calls = [0, 1, 2, 3].map((n) => limiter.acquire('k').then(() => order.push(n)));
    await settle();
    assert.deepEqual(order, [0]);
    await clock.advance(1_000);
    assert.deepEqual(order, [0, 1]);
    await clock.advance(2_000);
    await Promise.all(calls);
    assert.deepEqual(order, [0, 1, 2, 3]);
  });

  it('counts each API key separately', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, burst: 1, clock });
    await limiter.acquire('a');
    let second = false;
    void limiter.acquire('a').then(() => { second = true; });
    await limiter.acquire('b'); // not blocked by key a
    await settle();
    assert.equal(second, false);
    await clock.advance(60_000);
    assert.equal(second, true);
  });

  it('gives back the start of a caller that gives up waiting', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 2, windowMs: 2_000, burst: 1, clock });
    await limiter.acquire('k');
    const controller = new AbortController();
    const abandoned = limiter.acquire('k', controller.signal);
    await settle();
    controller.abort(new Error('stop'));
    await assert.rejects(abandoned, /stop/);
    let next = false;
    void limiter.acquire('k').then(() => { next = true; });
    await clock.advance(limiter.intervalMs); // without the give-back it would wait two intervals
    assert.equal(next, true, 'the next caller got the start the abandoned one had reserved');
    assert.equal(clock.pending, 0);
  });

  it("after a 429, holds every caller on the key until Retry-After has passed", async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ limit: 290, windowMs: 60_000, clock });
    await limiter.holdOff('k', 5_000);
    let granted = false;
    void limiter.acquire('k').then(() => { granted = true; });
    await clock.advance(4_999);
    assert.equal(granted, false);
    await clock.advance(1);
    assert.equal(granted, true);
  });

  it('rejects a nonsensical limit or burst', () => {
    assert.throws(() => new RateLimiter({ limit: 0 }), RangeError);
    assert.throws(() => new RateLimiter({ limit: 5, burst: 6 }), RangeError);
  });
});

describe('FileBudget (one budget for every window of the machine)', () => {
  it('two limiters sharing the folder (two windows) stay under one limit together', async () => {
    const folder = tempFolder();
    try {
      const windowMs = 1_000;
      const make = () => new RateLimiter({ limit: 20, windowMs, burst: 2, clock: systemClock, store: new FileBudget({ folder }) });
      const windows = [make(), make()];
      const granted: number[] = [];
      const until = Date.now() + 2_500;
      await Promise.all(windows.flatMap((limiter) => Array.from({ length: 10 }, async () => {
        while (Date.now() < until) {
          await limiter.acquire('shared-key');
          granted.push(Date.now());
        }
      })));
      assert.ok(granted.length > 20, `only ${granted.length} requests went out`);
      // Times are read after the await, so a stalled event loop can bunch two or so together;
      // two separate budgets would let about 40 through in a second.
      assert.ok(busiestWindow(granted, windowMs) <= 22, `busiest second had ${busiestWindow(granted, windowMs)} requests`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names its file by a digest of the key and never writes the key', async () => {
    const folder = tempFolder();
    try {
      const limiter = new RateLimiter({ store: new FileBudget({ folder }) });
      await limiter.acquire('secret-api-key-123456');
      const files = readdirSync(folder);
      assert.deepEqual(files, [`${keyId('secret-api-key-123456')}.json`]);
      for (const file of files) assert.ok(!readFileSync(join(folder, file), 'utf8').includes('secret-api-key'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("takes over the lock of a window that crashed while holding it", async () => {
    const folder = tempFolder();
    try {
      const lockDir = join(folder, `${keyId('k')}.json.lock`);
      mkdirSync(lockDir);
      const old = new Date(Date.now() - 60_000);
      utimesSync(lockDir, old, old);
      const limiter = new RateLimiter({ store: new FileBudget({ folder }) });
      await limiter.acquire('k');
      assert.ok(readdirSync(folder).includes(`${keyId('k')}.json`));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('takes an unreadable budget file as an empty bucket, says so, and repairs it', async () => {
    const folder = tempFolder();
    try {
      writeFileSync(join(folder, `${keyId('k')}.json`), '{"tat": tor');
      const problems: string[] = [];
      const clock = new ManualClock(Date.now());
      const limiter = new RateLimiter({ limit: 3, windowMs: 3_000, burst: 1, clock, store: new FileBudget({ folder, now: () => clock.now(), unreadableHoldMs: 1_000, onProblem: (m) => problems.push(m) }) });
      let granted = false;
      const acquired = limiter.acquire('k').then(() => { granted = true; });
      for (let i = 0; i < 50 && clock.pending === 0 && !granted; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(granted, false, 'an unreadable bucket is not a full one');
      await clock.advance(1_000);
      await acquired;
      assert.match(problems.join('\n'), /unreadable/);
      assert.ok(Number.isFinite((JSON.parse(readFileSync(join(folder, `${keyId('k')}.json`), 'utf8')) as { tat: number }).tat));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
