/**
 * Commands of the Jobs view. Item commands take the tree element (a Job) or a job id,
 * so tests and other features can call them directly:
 *   getsales.jobs.refresh()               Refresh All: recent imports from the API + every active job → number of jobs added
 *   getsales.jobs.clearFinished()         → number removed
 *   getsales.jobs.refreshJob(job | id)    → the updated Job
 *   getsales.jobs.retry(job | id)         → true when a retry started
 *   getsales.jobs.remove(job | id)        → true when removed
 *   getsales.jobs.copyUuid(job | id)      → the uuid copied
 */
import * as vscode from 'vscode';
import type { ExportFilter } from '../../core/api';
import { type Job, type JobPoller, type JobStore, discoverRecentImports, isJobActive } from '../../core/jobs';
import type { ConnectionService } from '../connection/connection-service';
import { type CommandRunner } from '../command-runner';
import { UserError } from '../../core/user-error';
import { decodeExportFilter } from '../../core/export/export-filter';
import { COMMANDS, VIEWS } from '../ids';

/** How a feature re-runs one of its failed jobs; the import/export features may register one. */
export type RetryHandler = (job: Job) => Promise<boolean>;

export interface JobCommandServices {
  readonly runner: CommandRunner;
  readonly store: JobStore;
  readonly poller: JobPoller;
  readonly connection: ConnectionService;
}

export class JobCommands implements vscode.Disposable {
  private readonly retryHandlers = new Map<Job['kind'], RetryHandler>();
  private readonly registrations: vscode.Disposable;

  constructor(private readonly services: JobCommandServices) {
    const { runner } = services;
    this.registrations = vscode.Disposable.from(
      runner.register(COMMANDS.jobs.refresh, () => this.refreshAll()),
      runner.register(COMMANDS.jobs.clearFinished, () => services.store.clearFinished()),
      runner.register(COMMANDS.jobs.refreshJob, (arg: unknown) => services.poller.refresh(this.job(arg).id)),
      runner.register(COMMANDS.jobs.retry, (arg: unknown) => this.retry(this.job(arg))),
      runner.register(COMMANDS.jobs.remove, (arg: unknown) => services.store.remove(this.job(arg).id)),
      runner.register(COMMANDS.jobs.copyUuid, async (arg: unknown) => {
        const job = this.job(arg);
        await vscode.env.clipboard.writeText(job.remoteUuid);
        void vscode.window.setStatusBarMessage(`Copied ${job.remoteUuid}`, 3_000);
        return job.remoteUuid;
      }),
    );
  }

  /**
   * Replaces the default retry for a kind. Defaults: an export re-runs `data.filter`
   * (an ExportFilter) when present; an import reopens its source CSV through
   * getsales.importContacts / getsales.importCompanies.
   */
  setRetryHandler(kind: Job['kind'], handler: RetryHandler): vscode.Disposable {
    this.retryHandlers.set(kind, handler);
    return { dispose: () => this.retryHandlers.delete(kind) };
  }

  dispose(): void {
    this.registrations.dispose();
  }

  private async refreshAll(): Promise<number> {
    const { connection, store, poller } = this.services;
    const client = connection.requireClient();
    const mode = connection.state.mode === 'sandbox' ? 'sandbox' : 'account';
    return vscode.window.withProgress({ location: { viewId: VIEWS.jobs } }, async () => {
      const added = await discoverRecentImports(store, client, mode);
      const ours = store.active().filter((job) => job.connection === mode);
      // One failing job must not hide the others' updates: report the first failure after all ran.
      const results = await Promise.allSettled(ours.map((job) => poller.refresh(job.id)));
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure) throw failure.reason;
      poller.resume();
      return added;
    });
  }

  private async retry(job: Job): Promise<boolean> {
    if (isJobActive(job)) throw new UserError(`${job.label} is still running; there is nothing to retry.`, []);
    const handler = this.retryHandlers.get(job.kind);
    if (handler) return handler(job);
    if (job.kind === 'import') {
      if (!job.sourcePath) throw new UserError(`The source file of ${job.label} is unknown, so the import cannot be retried from here. Import the CSV again.`, []);
      await vscode.commands.executeCommand(COMMANDS.import[job.entity], vscode.Uri.file(job.sourcePath));
      return true;
    }
    const filter = storedExportFilter(job.data.filter);
    if (!filter) throw new UserError(`The filter of ${job.label} is unknown, so the export cannot be retried from here. Start the export again.`, []);
    const client = this.services.connection.requireClient();
    const remote = job.entity === 'contacts' ? await client.exportContacts(filter) : await client.exportCompanies(filter);
    this.services.store.addExport({
      entity: job.entity,
      connection: job.connection,
      remoteUuid: remote.uuid,
      label: job.label,
      remoteStatus: remote.status,
      data: job.data,
    });
    return true;
  }

  /** Tree elements arrive as Job objects; programmatic callers may pass an id. */
  private job(arg: unknown): Job {
    const id = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && 'id' in arg && typeof arg.id === 'string' ? arg.id : undefined;
    const job = id === undefined ? undefined : this.services.store.get(id);
    if (!job) throw new UserError('Pick a job in the GetSales Jobs view first.', []);
    return job;
  }
}

/** `data.filter` is stored JSON: check its shape before sending it to the API. */

/** A stored filter that no longer decodes means the job cannot be retried, not a crash. */
function storedExportFilter(value: unknown): ExportFilter | undefined {
  try {
    return decodeExportFilter(value);
  } catch {
    return undefined;
  }
}
