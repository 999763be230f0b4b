/**
 * Commands of the Jobs view. Item commands take the tree element (a Job) or a job id,
 * so tests and other features can call them directly:
 *   getsales.jobs.refresh()               Refresh All: recent imports and exports from the API + every active job → number of jobs added
 *   getsales.jobs.clearFinished()         → number removed
 *   getsales.jobs.refreshJob(job | id)    → the updated Job
 *   getsales.jobs.retry(job | id)         → true when a retry started (a file imported in parts: only its failed and cancelled parts run again)
 *   getsales.jobs.remove(job | id)        → true when removed
 *   getsales.jobs.copyUuid(job | id)      → the uuid copied
 */
import * as vscode from 'vscode';
import { type ExportFilter, type GetSalesClient, NotFoundError } from '../../core/api';
import {
  type Job, type JobConnection, type JobPoller, type JobStore, WrongConnectionError, discoverRecentExports, discoverRecentImports, isJobActive,
} from '../../core/jobs';
import { jobFromArgument } from '../../core/jobs/job-argument';
import type { ConnectionService } from '../connection/connection-service';
import { type CommandRunner } from '../command-runner';
import { UserError } from '../../core/user-error';
import { decodeExportFilter } from '../../core/export/export-filter';
import { startExport } from '../../core/export/start-export';
import { COMMANDS, VIEWS } from '../ids';
import type { Log } from '../log';
import type { PartsRunner } from '../../core/import/parts/parts-runner';
import { partList } from '../../core/jobs/parent-job';

export interface JobCommandServices {
  readonly runner: CommandRunner;
  readonly store: JobStore;
  readonly poller: JobPoller;
  readonly connection: ConnectionService;
  readonly parts: PartsRunner;
  readonly log: Pick<Log, 'info'>;
}

export function registerJobCommands(services: JobCommandServices): vscode.Disposable {
  const { runner, store, poller } = services;
  const job = (arg: unknown): Job => jobFromArgument(store, arg);
  return vscode.Disposable.from(
    runner.register(COMMANDS.jobs.refresh, () => refreshAll(services)),
    runner.register(COMMANDS.jobs.clearFinished, () => store.clearFinished()),
    runner.register(COMMANDS.jobs.refreshJob, (arg: unknown) => poller.refresh(job(arg).id)),
    runner.register(COMMANDS.jobs.retry, (arg: unknown) => retry(services, job(arg))),
    runner.register(COMMANDS.jobs.remove, (arg: unknown) => store.remove(job(arg).id)),
    runner.register(COMMANDS.jobs.copyUuid, async (arg: unknown) => {
      const { remoteUuid } = job(arg);
      await vscode.env.clipboard.writeText(remoteUuid);
      void vscode.window.setStatusBarMessage(`Copied ${remoteUuid}`, 3_000);
      return remoteUuid;
    }),
  );
}

async function refreshAll({ connection, store, poller, log }: JobCommandServices): Promise<number> {
  const { client, connection: current } = connection.requireConnected();
  return vscode.window.withProgress({ location: { viewId: VIEWS.jobs } }, async () => {
    const added = await discoverRecentImports(store, client, current) + await discoverExports(store, client, current, log);
    const ours = store.active().filter((job) => job.connection === current);
    // One failing job must not hide the others' updates: report the first failure after all ran.
    const results = await Promise.allSettled(ours.map((job) => poller.refresh(job.id)));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    poller.resume();
    return added;
  });
}

/**
 * Exports come from the mass-actions list (contract §8), which a server may not have:
 * a 404 there means "not available here" and Refresh goes on without it.
 */
async function discoverExports(store: JobStore, client: GetSalesClient, connection: JobConnection, log: Pick<Log, 'info'>): Promise<number> {
  try {
    return await discoverRecentExports(store, client, connection);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    log.info('Jobs: GetSales has no mass-actions list (404); exports started elsewhere cannot be found.');
    return 0;
  }
}

/**
 * An import reopens its source CSV through the import command; an export starts again with
 * its stored filter; a file imported in parts runs its failed and cancelled parts again,
 * from the parts it kept, leaving the imported ones alone.
 */
async function retry(services: JobCommandServices, job: Job): Promise<boolean> {
  if (job.parts !== undefined) {
    const { connection } = services.connection.requireConnected();
    if (job.connection !== connection) throw new WrongConnectionError(job.connection, 'retry it');
    const again = services.parts.retry(job.id);
    services.log.info(`Jobs: retrying ${partList(again)} of ${job.label}`);
    return again.length > 0;
  }
  if (isJobActive(job)) throw new UserError(`${job.label} is still running; there is nothing to retry.`, []);
  if (job.kind === 'import') {
    if (!job.sourcePath) throw new UserError(`The source file of ${job.label} is unknown, so the import cannot be retried from here. Import the CSV again.`, []);
    await vscode.commands.executeCommand(COMMANDS.import[job.entity], vscode.Uri.file(job.sourcePath));
    return true;
  }
  const filter = storedExportFilter(job.data.filter);
  if (!filter) throw new UserError(`The filter of ${job.label} is unknown, so the export cannot be retried from here. Start the export again.`, []);
  const { client, connection } = services.connection.requireConnected();
  // The filter names lists and records of the connection it ran on.
  if (job.connection !== connection) throw new WrongConnectionError(job.connection, 'retry it');
  await startExport(client, services.store, { entity: job.entity, filter, label: job.label, connection });
  return true;
}

/** A stored filter that no longer decodes means the job cannot be retried, not a crash. */
function storedExportFilter(value: unknown): ExportFilter | undefined {
  try {
    return decodeExportFilter(value);
  } catch {
    return undefined;
  }
}
