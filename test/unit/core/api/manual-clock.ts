/** A Clock that moves only when a test says so; pending sleeps fire in time order. */
import type { Clock } from '../../../../src/core/api/clock';

interface Timer {
  readonly at: number;
  readonly resolve: () => void;
}

export class ManualClock implements Clock {
  private current: number;
  private timers: Timer[] = [];

  constructor(start = 1_000_000) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer: Timer = {
        at: this.current + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due sleeps one by one and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.resolve();
    }
    this.current = target;
    await settle();
  }
}

/** Lets promise continuations (and the timers they create) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
