/**
 * A timer that aborts its signal when nothing happened for `ms`. JSON calls never kick
 * it (a deadline for the whole attempt); uploads and downloads kick it on every chunk,
 * so a big transfer that keeps moving is never cut off, and a stalled one is.
 * kick() only notes the time: it runs once per chunk, so re-arming a timer there would
 * cost more than the rest of the per-chunk work.
 */
import { performance } from 'node:perf_hooks';

export class Watchdog {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastActivity = performance.now();

  constructor(private readonly ms: number) {
    this.arm(ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get fired(): boolean {
    return this.controller.signal.aborted;
  }

  kick(): void {
    this.lastActivity = performance.now();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(delay: number): void {
    this.timer = setTimeout(() => {
      const idle = performance.now() - this.lastActivity;
      if (idle >= this.ms) this.controller.abort(new Error(`No progress for ${this.ms} ms`));
      else this.arm(this.ms - idle);
    }, Math.max(1, delay));
  }
}
