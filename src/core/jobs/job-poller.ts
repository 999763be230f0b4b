/**
 * JobPoller: keeps every active job of the current connection up to date. Each job has
 * its own next-poll time (poll-delay.ts: about a second after it starts, then less often);
 * one scheduler wakes for the earliest and polls every job due then in one round:
 *   - exports: one GET each;
 *   - imports: their counters for all of them in ONE batch request (`importMetrics`),
 *     and the import object only for those whose counters say they finished, that stand
 *     still (a stalled import may have failed) or that the batch does not know. A round
 *     with a single import asks for its object directly, which carries its counters.
 * Every request goes through the client, so the client's rate limiter governs how many
 * polls go out however many jobs run.
 *
 * A 401/403 stops all polling (each further request would fail the same way): the jobs
 * keep their state, the store raises auth-needed, and `resume()` after a new sign-in
 * picks them all up again. A 404 means the server does not know the job (a reset
 * sandbox, another account): the job becomes `gone` and is not asked about again.
 */
import { setMaxListeners } from 'node:events';
import { ApiError, AuthError, CancelledError, NotFoundError, RateLimitedError } from '../api/errors';
import type { Clock } from '../api/clock';
import type { ExportJob, FileImport, ImportMetrics } from '../api/models';
import { type Disposable } from './emitter';
import { type Job, type JobConnection, type JobPatch, isJobActive } from './job';
import type { JobStore } from './job-store';
import { type PollOutcome, firstPollDelay, nextPollDelay } from './poll-delay';
import { exportPatch, importPatch, metricsLookFinished, metricsPatch } from './remote-state';
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
  /** Read before every wait, so a settings change applies to running jobs. */
  readonly intervalMs: () => number;
  /** Ceiling for the back-off. Default 60 s. */
  readonly maxIntervalMs?: number;
  readonly log?: (message: string) => void;
}

const DEFAULT_MAX_INTERVAL_MS = 60_000;
/** A job due soon joins the current round (up to this share of its wait, at most 1 s early), so jobs share batches. */
const EARLY_SHARE = 0.25;
const MAX_EARLY_MS = 1_000;

/** The plain words for a job the server no longer knows (no path, no status code). */
export function goneMessage(job: Pick<Job, 'kind' | 'connection'>): string {
  const where = job.connection === 'sandbox' ? 'The sandbox' : 'GetSales';
  return `${where} no longer knows this ${job.kind}: it may have been reset, or the ${job.kind} belongs to another account. Retry it or remove it from the list.`;
}

/** A job of the other connection (sandbox vs account) cannot be asked about here. */
export class WrongConnectionError extends Error {
  /** `action` completes "… to <action>", e.g. "retry it". */
  constructor(readonly connection: JobConnection, action = 'refresh it') {
    super(connection === 'sandbox'
      ? `This job ran in the local sandbox. Start it again (GetSales: Try the Local Sandbox) to ${action}.`
      : `This job belongs to your GetSales account. Sign in to ${action}.`);
  }
}

interface Schedule {
  dueAt: number;
  delayMs: number;
  /** Ask for the import object next time, not only its counters. */
  full: boolean;
}

export class JobPoller implements Disposable {
  private readonly schedules = new Map<string, Schedule>();
  private readonly subscription: Disposable;
  /** Aborted by pause/dispose: stops the requests in flight. */
  private session = newSession();
  private wake: AbortController | undefined;
  private running = false;
  private authBlocked = false;
  private paused = false;
  private disposed = false;
  /** Set when the server has no batch endpoint: every import is then asked about alone. */
  private noBatch = false;

  constructor(private readonly options: JobPollerOptions) {
    this.subscription = options.store.onDidChange((change) => {
      // A finished job (whoever finished it) leaves the schedule before onDidFinish fires.
      if (change.type === 'removed' || !isJobActive(change.job)) this.schedules.delete(change.job.id);
      else this.track(change.job);
    });
  }

  /** Starts (or restarts) polling every active job of the current connection, e.g. after sign-in. */
  resume(): void {
    this.authBlocked = false;
    this.paused = false;
    this.stopAll();
    for (const job of this.options.store.active()) this.track(job);
  }

  /** Stops all polling without touching the jobs (e.g. on sign-out) until `resume()`. */
  pause(): void {
    this.paused = true;
    this.stopAll();
  }

  /** Ids of the jobs being polled now. */
  polling(): string[] {
    return [...this.schedules.keys()];
  }

  /**
   * Asks the API about one job right away (the tree's Refresh), finished or not, then
   * keeps polling it if it is still active. A job the server forgot becomes `gone`.
   * Other errors go to the caller.
   */
  async refresh(id: string, signal?: AbortSignal): Promise<Job | undefined> {
    const job = this.options.store.get(id);
    const target = this.options.target();
    if (!job) return undefined;
    // A file imported in parts is known only here: its parts are what the server knows.
    if (job.parts !== undefined) {
      for (const child of this.options.store.children(id).filter(isJobActive)) await this.refresh(child.id, signal);
      return this.options.store.get(id);
    }
    if (!target) throw new AuthError('Sign in to GetSales (or try the local sandbox) to refresh jobs.');
    if (job.connection !== target.connection) {
      throw new WrongConnectionError(job.connection);
    }
    let patch: JobPatch;
    try {
      // The patch sets `message` (undefined when all is well), so a stale problem line clears.
      patch = await fetchPatch(job, target.remote, signal);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      this.log(`${job.id}: the server does not know it (404); marked gone`);
      return this.options.store.patch(id, { status: 'gone', message: goneMessage(job) });
    }
    const updated = this.options.store.patch(id, patch);
    if (updated && isJobActive(updated)) {
      this.authBlocked = false;
      this.track(updated);
    }
    return updated;
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    this.stopAll();
  }

  private track(job: Job): void {
    if (this.disposed || this.paused || this.authBlocked || this.schedules.has(job.id) || job.parts !== undefined) return;
    const target = this.options.target();
    if (!target || target.connection !== job.connection) return;
    const delayMs = firstPollDelay(this.options.clock.now() - job.createdAt);
    this.schedules.set(job.id, { dueAt: this.options.clock.now() + delayMs, delayMs, full: false });
    this.kick();
  }

  private stopAll(): void {
    this.schedules.clear();
    this.session.abort();
    this.session = newSession();
    this.wake?.abort();
  }

  /** Wakes the scheduler (a new job may be due sooner than its current wait). */
  private kick(): void {
    if (this.running) {
      this.wake?.abort();
      return;
    }
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      // A job tracked while the last round was ending still needs a scheduler.
      if (this.schedules.size > 0 && !this.disposed) this.kick();
    });
  }

  private async run(): Promise<void> {
    while (!this.disposed && this.schedules.size > 0) {
      const next = Math.min(...[...this.schedules.values()].map((s) => s.dueAt));
      const wait = next - this.options.clock.now();
      if (wait > 0) {
        const wake = new AbortController();
        this.wake = wake;
        try {
          await this.options.clock.sleep(wait, wake.signal);
        } catch {
          continue; // woken: look at the schedule again
        } finally {
          if (this.wake === wake) this.wake = undefined;
        }
      }
      try {
        await this.round(this.session.signal);
      } catch (error) {
        // A bug in one round must not end polling for good; the jobs are asked again later.
        this.log(`poll round failed: ${messageOf(error)}`);
        this.postpone();
      }
    }
  }

  /** After a round that broke, nothing is asked again sooner than the poll interval. */
  private postpone(): void {
    const at = this.options.clock.now() + this.options.intervalMs();
    for (const schedule of this.schedules.values()) schedule.dueAt = Math.max(schedule.dueAt, at);
  }

  private async round(signal: AbortSignal): Promise<void> {
    const now = this.options.clock.now();
    const target = this.options.target();
    const due: Job[] = [];
    for (const [id, schedule] of this.schedules) {
      if (schedule.dueAt > now + Math.min(MAX_EARLY_MS, schedule.delayMs * EARLY_SHARE)) continue;
      const job = this.options.store.get(id);
      if (!job || !isJobActive(job) || !target || target.connection !== job.connection) {
        this.schedules.delete(id);
        continue;
      }
      due.push(job);
    }
    if (due.length === 0 || !target) return;
    const imports = due.filter((job) => job.kind === 'import');
    const batched = this.noBatch || imports.length < 2 ? [] : imports.filter((job) => !this.schedules.get(job.id)?.full);
    let metrics: Record<string, ImportMetrics> | Error | undefined;
    if (batched.length > 0) {
      try {
        metrics = await target.remote.importMetrics(batched.map((job) => job.remoteUuid), signal);
      } catch (error) {
        if (error instanceof NotFoundError) {
          this.noBatch = true; // no batch endpoint here: ask each import alone from now on
          this.log('the server has no batch counters endpoint; polling imports one by one');
        }
        metrics = error instanceof Error ? error : new Error(messageOf(error));
      }
    }
    if (signal.aborted) return;
    const batchedIds = new Set(batched.map((job) => job.id));
    await Promise.all(due.map((job) => this.pollOne(job, target.remote, signal, batchedIds.has(job.id) && !(metrics instanceof NotFoundError) ? metrics : undefined)));
  }

  /** Polls one job (with its share of the batch when it had one) and schedules its next poll. */
  private async pollOne(job: Job, remote: JobRemote, signal: AbortSignal, batch: Record<string, ImportMetrics> | Error | undefined): Promise<void> {
    // Only this round's schedule is ours to change: a resume() meanwhile may have made a new one.
    const schedule = this.schedules.get(job.id);
    let outcome: PollOutcome | 'stop';
    let full = false;
    if (batch instanceof Error) {
      outcome = this.failed(job, batch, signal);
    } else {
      const counters = batch?.[job.remoteUuid];
      if (counters !== undefined && !metricsLookFinished(job, counters)) {
        const updated = this.options.store.patch(job.id, metricsPatch(job, counters));
        outcome = movement(job, updated);
        full = outcome.type === 'unchanged'; // standing still: let the import object say why
      } else {
        outcome = await this.fetch(job, remote, signal);
      }
    }
    if (!schedule || signal.aborted || this.schedules.get(job.id) !== schedule) return;
    if (outcome === 'stop') {
      this.schedules.delete(job.id);
      return;
    }
    schedule.delayMs = nextPollDelay({ baseMs: this.options.intervalMs(), maxMs: this.options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS }, schedule.delayMs, outcome);
    schedule.dueAt = this.options.clock.now() + schedule.delayMs;
    schedule.full = full;
  }

  private async fetch(job: Job, remote: JobRemote, signal: AbortSignal): Promise<PollOutcome | 'stop'> {
    try {
      const patch = await fetchPatch(job, remote, signal);
      if (signal.aborted) return 'stop';
      // The patch always sets `message`, so a stale "could not reach" line clears itself.
      return movement(job, this.options.store.patch(job.id, patch));
    } catch (error) {
      return this.failed(job, error, signal);
    }
  }

  private failed(job: Job, error: unknown, signal: AbortSignal): PollOutcome | 'stop' {
    if (signal.aborted || error instanceof CancelledError) return 'stop';
    if (error instanceof AuthError) {
      this.authBlocked = true;
      this.log(`polling ${job.id} stopped: sign-in needed (${error.status ?? 'no key'})`);
      this.stopAll();
      this.options.store.reportAuthNeeded(job.id, 'Sign in again to keep following this job.');
      return 'stop';
    }
    if (error instanceof NotFoundError) {
      this.log(`${job.id}: the server does not know it (404); marked gone`);
      this.options.store.patch(job.id, { status: 'gone', message: goneMessage(job) });
      return 'stop';
    }
    const reason = messageOf(error);
    this.log(`polling ${job.id} failed, will retry: ${error instanceof ApiError ? error.kind : 'error'}: ${reason}`);
    if (this.options.store.get(job.id)?.message !== reason) this.options.store.patch(job.id, { message: reason });
    return { type: 'failed', retryAfterMs: error instanceof RateLimitedError ? error.retryAfterMs : undefined };
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

/** Every request of a round listens on the session's signal: many jobs mean many listeners, not a leak. */
function newSession(): AbortController {
  const controller = new AbortController();
  setMaxListeners(10_000, controller.signal);
  return controller;
}

async function fetchPatch(job: Job, remote: JobRemote, signal: AbortSignal | undefined): Promise<JobPatch> {
  if (job.kind === 'export') return exportPatch(await remote.getExport(job.remoteUuid, signal));
  const current = await remote.getImport(job.remoteUuid, signal);
  const metrics = current.metrics ?? (await remote.importMetrics([job.remoteUuid], signal))[job.remoteUuid];
  return importPatch(current, metrics);
}

function movement(before: Job, after: Job | undefined): PollOutcome {
  return after && fingerprint(after) !== fingerprint(before) ? { type: 'changed' } : { type: 'unchanged' };
}

/** What counts as movement for the back-off: status, progress and counters. */
function fingerprint(job: Job): string {
  return JSON.stringify([job.status, job.remoteStatus, job.progress, job.counts, job.files]);
}
