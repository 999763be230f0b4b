/**
 * Everything one running sandbox holds: its settings, the team's data, the import and
 * export jobs, faults and rate-limit counters, and the background work in flight, so
 * that reset and close can stop it all.
 */
import { promises as fs } from 'node:fs';
import type { Compat } from './compat';
import type { ExportJob } from './exports/export-job';
import { otherMassActions, type OtherMassAction } from './exports/other-mass-actions';
import { FaultQueue } from './faults';
import type { FileImportJob } from './imports/file-import';
import { otherSources, type OtherSource } from './imports/other-sources';
import { UploadRowsCache } from './imports/upload-rows-cache';
import { RateLimiter } from './rate-limit';
import { seedDemo } from './store/seed';
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
  readonly uploadDir: string;
  readonly exportDir: string;
  readonly log: (line: string) => void;
}

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
  private controller = new AbortController();
  private readonly closeController = new AbortController();

  constructor(readonly config: SandboxConfig) {
    this.store = this.seed();
    this.limiter = new RateLimiter(config.rateLimitPerMinute);
  }

  /** Runs a job after the response; reset and close abort it through the signal and wait for it. */
  runInBackground(work: (signal: AbortSignal) => Promise<void>): void {
    const promise: Promise<void> = work(this.controller.signal)
      .catch((error: unknown) => {
        if (!this.controller.signal.aborted) this.config.log(`background job failed: ${messageOf(error)}`);
      })
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Back to the seed: jobs stopped, their files removed, faults and counters cleared. */
  async reset(): Promise<void> {
    await this.stopJobs();
    this.controller = new AbortController();
    await this.removeJobFiles();
    this.imports.clear();
    this.uploadRows.clear();
    this.exports.clear();
    this.faults.clear();
    this.holdExports = false;
    this.limiter.reset();
    this.store = this.seed();
  }

  /** Aborts when the sandbox closes (for waits that must not hold the process open). */
  get closing(): AbortSignal {
    return this.closeController.signal;
  }

  async shutdown(): Promise<void> {
    this.closeController.abort();
    await this.stopJobs();
    this.uploadRows.clear();
    await this.removeJobFiles();
  }

  private async stopJobs(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled([...this.running]);
  }

  private async removeJobFiles(): Promise<void> {
    const files = [
      ...[...this.imports.values()].map((job) => job.filePath),
      ...[...this.exports.values()].flatMap((job) => [job.filePath, job.partialPath]),
    ].filter((path): path is string => path !== undefined);
    await Promise.all(files.map((path) => fs.rm(path, { force: true })));
  }

  private seed(): TeamStore {
    return this.config.seed === 'demo'
      ? seedDemo({ contacts: this.config.seedContacts, companies: this.config.seedCompanies })
      : new TeamStore();
  }
}
