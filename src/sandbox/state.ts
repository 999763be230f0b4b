/**
 * Everything one running sandbox holds: its settings, the team's data, the import and
 * export jobs, faults and rate-limit counters, and the background work in flight, so
 * that reset and close can stop it all.
 */
import { setMaxListeners } from 'node:events';
import { promises as fs } from 'node:fs';
import type { Compat } from './compat';
import type { ExportJob } from './exports/export-job';
import { otherMassActions, type OtherMassAction } from './exports/other-mass-actions';
import { FaultQueue } from './faults';
import type { FileImportJob } from './imports/file-import';
import { otherSources, type OtherSource } from './imports/other-sources';
import { UploadRowsCache } from './imports/upload-rows-cache';
import { RateLimiter, type RateWindow } from './rate-limit';
import { seedDemo } from './store/seed';
import { saveSnapshot } from './persist';
import { TeamStore } from './store/team-store';
import { messageOf } from '../core/message-of';

export interface SandboxConfig {
  readonly apiKey: string;
  readonly teamId: string | undefined;
  /** `team_id` in responses: the Team-ID when it is a number, else 1. */
  readonly teamNumber: number;
  readonly batchDelayMs: number;
  readonly seed: 'demo' | 'none';
  readonly compat: Compat;
  readonly seedContacts: number;
  readonly seedCompanies: number;
  readonly faults: boolean;
  readonly rateLimitPerMinute: number;
  readonly rateLimitWindow: RateWindow;
  readonly uploadDir: string;
  /** Where the sandbox keeps its data across restarts (persist.ts); undefined: in memory only. */
  readonly dataDir: string | undefined;
  readonly exportDir: string;
  readonly log: (line: string) => void;
}

/** Many changes in a row (an import's batches) make one write. */
const SAVE_DELAY_MS = 1_000;

export class SandboxState {
  store: TeamStore;
  readonly imports = new Map<string, FileImportJob>();
  readonly exports = new Map<string, ExportJob>();
  /** LinkedIn / Sales Navigator data sources (listed in sister mode only) and non-export mass actions. */
  readonly otherSources: readonly OtherSource[] = otherSources();
  readonly otherMassActions: readonly OtherMassAction[] = otherMassActions();
  /** Parsed rows of uploads not yet imported, for their import to reuse. */
  readonly uploadRows = new UploadRowsCache();
  readonly faults = new FaultQueue();
  /** Test hook (`POST /__sandbox/hold-exports`): exports started while true stay queued until cancelled or reset. */
  holdExports = false;
  readonly limiter: RateLimiter;
  private readonly running = new Set<Promise<void>>();
  private controller = jobsController();
  private readonly closeController = new AbortController();
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(readonly config: SandboxConfig) {
    this.store = this.seed();
    this.limiter = new RateLimiter(config.rateLimitPerMinute, Date.now, config.rateLimitWindow);
  }

  /** Runs a job after the response; reset and close abort it through the signal and wait for it. */
  runInBackground(work: (signal: AbortSignal) => Promise<void>): void {
    const promise: Promise<void> = work(this.controller.signal)
      .catch((error: unknown) => {
        if (!this.controller.signal.aborted) this.config.log(`background job failed: ${messageOf(error)}`);
      })
      .finally(() => {
        this.running.delete(promise);
        this.changed();
      });
    this.running.add(promise);
  }

  /** Something worth keeping changed: a kept sandbox writes its data soon (at most once a second). */
  changed(): void {
    if (this.config.dataDir === undefined || this.saveTimer !== undefined || this.closeController.signal.aborted) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /** Writes a kept sandbox's data now (saves run one at a time). */
  save(): Promise<void> {
    const dataDir = this.config.dataDir;
    if (dataDir === undefined) return Promise.resolve();
    this.saving = this.saving.then(() => saveSnapshot(this, dataDir)).catch((error: unknown) => this.config.log(`could not save the sandbox data: ${messageOf(error)}`));
    return this.saving;
  }

  /** Back to the seed: jobs stopped, their files removed, faults and counters cleared. */
  async reset(): Promise<void> {
    await this.stopJobs();
    this.controller = jobsController();
    await this.removeJobFiles();
    this.imports.clear();
    this.uploadRows.clear();
    this.exports.clear();
    this.faults.clear();
    this.holdExports = false;
    this.limiter.reset();
    this.store = this.seed();
    this.changed();
  }

  /** Aborts when the sandbox closes (for waits that must not hold the process open). */
  get closing(): AbortSignal {
    return this.closeController.signal;
  }

  async shutdown(): Promise<void> {
    this.closeController.abort();
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.stopJobs();
    this.uploadRows.clear();
    // A kept sandbox keeps its finished export files: they download again after a restart.
    await this.save();
    await this.removeJobFiles(this.config.dataDir !== undefined);
  }

  private async stopJobs(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled([...this.running]);
  }

  private async removeJobFiles(keepExports = false): Promise<void> {
    const files = [
      ...[...this.imports.values()].map((job) => job.filePath),
      ...[...this.exports.values()].flatMap((job) => (keepExports ? [job.partialPath] : [job.filePath, job.partialPath])),
    ].filter((path): path is string => path !== undefined);
    await Promise.all(files.map((path) => fs.rm(path, { force: true })));
  }

  private seed(): TeamStore {
    return this.config.seed === 'demo'
      ? seedDemo({ contacts: this.config.seedContacts, companies: this.config.seedCompanies })
      : new TeamStore();
  }
}

/** Every background job waits on this one signal (a batch pause each): many at once are expected, not a leak. */
function jobsController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(10_000, controller.signal);
  return controller;
}
