/**
 * JobPoller: keeps every active job of the current connection up to date. One loop per
 * job: ask the API, record the answer in the store, wait (poll-delay.ts), repeat until the
 * job is finished. Every request goes through the client, so the client's shared rate
 * limiter governs how many polls go out however many jobs run.
 *
 * A 401/403 stops all polling (each further request would fail the same way): the jobs
 * keep their state, the store raises auth-needed, and `resume()` after a new sign-in
 * picks them all up again.
 */
import { ApiError, AuthError, CancelledError, NotFoundError, RateLimitedError } from '../api/errors';
import type { Clock } from '../api/clock';
import type { ExportJob, FileImport, ImportMetrics } from '../api/models';
import { type Disposable } from './emitter';
import { type Job, type JobConnection, type JobPatch, isJobActive } from './job';
import type { JobStore } from './job-store';
import { type PollOutcome, nextPollDelay } from './poll-delay';
import { exportPatch, importPatch } from './remote-state';
import { messageOf } from '../message-of';

/** The part of GetSalesClient the poller uses. */
export interface JobRemote {
  getImport(uuid: string, signal?: AbortSignal): Promise<FileImport>;
  importMetrics(uuids: readonly string[], signal?: AbortSignal): Promise<Record<string, ImportMetrics>>;
  getExport(uuid: string, signal?: AbortSignal): Promise<ExportJob>;
}

export interface PollTarget {
  readonly remote: JobRemote;
  readonly connection: JobConnection;
}

export interface JobPollerOptions {
  readonly store: JobStore;
  /** The current connection, or undefined when signed out (nothing is polled). */
  readonly target: () => PollTarget | undefined;
  readonly clock: Clock;
  /** Read before every wait, so a settings change applies to running loops. */
  readonly intervalMs: () => number;
  /** Ceiling for the back-off. Default 60 s. */
  readonly maxIntervalMs?: number;
  readonly log?: (message: string) => void;
}

const DEFAULT_MAX_INTERVAL_MS = 60_000;

/** A job of the other connection (sandbox vs account) cannot be asked about here. */
export class WrongConnectionError extends Error {
  /** `action` completes "… to <action>", e.g. "retry it". */
  constructor(readonly connection: JobConnection, action = 'refresh it') {
    super(connection === 'sandbox'
      ? `This job ran in the local sandbox. Start it again (GetSales: Try the Local Sandbox) to ${action}.`
      : `This job belongs to your GetSales account. Sign in to ${action}.`);
  }
}

export class JobPoller implements Disposable {
  private readonly loops = new Map<string, AbortController>();
  private readonly subscription: Disposable;
  private authBlocked = false;
  private paused = false;
  private disposed = false;

  constructor(private readonly options: JobPollerOptions) {
    this.subscription = options.store.onDidChange((change) => {
      // A finished job (whoever finished it) stops its loop before onDidFinish fires.
      if (change.type === 'removed' || !isJobActive(change.job)) this.stopLoop(change.job.id);
      else this.ensureLoop(change.job);
    });
  }

  /** Starts (or restarts) polling every active job of the current connection, e.g. after sign-in. */
  resume(): void {
    this.authBlocked = false;
    this.paused = false;
    this.stopLoops();
    for (const job of this.options.store.active()) this.ensureLoop(job);
  }

  /** Stops all polling without touching the jobs (e.g. on sign-out) until `resume()`. */
  pause(): void {
    this.paused = true;
    this.stopLoops();
  }

  /** Ids of the jobs being polled now. */
  polling(): string[] {
    return [...this.loops.keys()];
  }

  /**
   * Asks the API about one job right away (the tree's Refresh), finished or not, then
   * keeps polling it if it is still active. Errors go to the caller.
   */
  async refresh(id: string, signal?: AbortSignal): Promise<Job | undefined> {
    const job = this.options.store.get(id);
    const target = this.options.target();
    if (!job) return undefined;
    if (!target) throw new AuthError('Sign in to GetSales (or try the local sandbox) to refresh jobs.');
    if (job.connection !== target.connection) {
      throw new WrongConnectionError(job.connection);
    }
    // The patch sets `message` (undefined when all is well), so a stale problem line clears.
    const updated = this.options.store.patch(id, await fetchPatch(job, target.remote, signal));
    if (updated && isJobActive(updated)) {
      this.authBlocked = false;
      this.ensureLoop(updated);
    }
    return updated;
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    this.stopLoops();
  }

  private ensureLoop(job: Job): void {
    if (this.disposed || this.paused || this.authBlocked || this.loops.has(job.id)) return;
    const target = this.options.target();
    if (!target || target.connection !== job.connection) return;
    const controller = new AbortController();
    this.loops.set(job.id, controller);
    void this.loop(job.id, controller).finally(() => {
      if (this.loops.get(job.id) === controller) this.loops.delete(job.id);
    });
  }

  private stopLoops(): void {
    for (const id of [...this.loops.keys()]) this.stopLoop(id);
  }

  private stopLoop(id: string): void {
    this.loops.get(id)?.abort();
    this.loops.delete(id);
  }

  private async loop(id: string, controller: AbortController): Promise<void> {
    const { signal } = controller;
    let delay = 0; // after a reload or a new job, look at once
    for (;;) {
      try {
        await this.options.clock.sleep(delay, signal);
      } catch {
        return; // aborted
      }
      const job = this.options.store.get(id);
      const target = this.options.target();
      if (signal.aborted || !job || !isJobActive(job) || !target || target.connection !== job.connection) return;
      const outcome = await this.pollOnce(job, target.remote, signal);
      if (outcome === 'stop') return;
      delay = nextPollDelay({ baseMs: this.options.intervalMs(), maxMs: this.options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS }, delay, outcome);
    }
  }

  private async pollOnce(job: Job, remote: JobRemote, signal: AbortSignal): Promise<PollOutcome | 'stop'> {
    try {
      const patch = await fetchPatch(job, remote, signal);
      if (signal.aborted) return 'stop';
      // The patch always sets `message`, so a stale "could not reach" line clears itself.
      const updated = this.options.store.patch(job.id, patch);
      return updated && fingerprint(updated) !== fingerprint(job) ? { type: 'changed' } : { type: 'unchanged' };
    } catch (error) {
      if (signal.aborted || error instanceof CancelledError) return 'stop';
      if (error instanceof AuthError) {
        this.authBlocked = true;
        this.log(`polling ${job.id} stopped: sign-in needed (${error.status ?? 'no key'})`);
        this.stopLoops();
        this.options.store.reportAuthNeeded(job.id, 'Sign in again to keep following this job.');
        return 'stop';
      }
      if (error instanceof NotFoundError) {
        this.log(`${job.id}: GetSales does not know it (404); marked failed`);
        this.options.store.patch(job.id, { status: 'failed', message: `GetSales no longer knows this ${job.kind} (${job.remoteUuid}).` });
        return 'stop';
      }
      const reason = messageOf(error);
      this.log(`polling ${job.id} failed, will retry: ${error instanceof ApiError ? error.kind : 'error'}: ${reason}`);
      if (this.options.store.get(job.id)?.message !== reason) this.options.store.patch(job.id, { message: reason });
      return { type: 'failed', retryAfterMs: error instanceof RateLimitedError ? error.retryAfterMs : undefined };
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

async function fetchPatch(job: Job, remote: JobRemote, signal: AbortSignal | undefined): Promise<JobPatch> {
  if (job.kind === 'export') return exportPatch(await remote.getExport(job.remoteUuid, signal));
  const current = await remote.getImport(job.remoteUuid, signal);
  const metrics = current.metrics ?? (await remote.importMetrics([job.remoteUuid], signal))[job.remoteUuid];
  return importPatch(current, metrics);
}

/** What counts as movement for the back-off: status, progress and counters. */
function fingerprint(job: Job): string {
  return JSON.stringify([job.status, job.remoteStatus, job.progress, job.counts, job.files]);
}
