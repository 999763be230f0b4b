/**
 * Cancel Export on a running export in the Jobs view (inline and context menu):
 *   getsales.export.cancel(job | id) → the Job, now `cancelled`
 * When GetSales refuses, the job keeps running and the error message says so.
 */
import * as vscode from 'vscode';
import { type Job, type JobStore, WrongConnectionError } from '../../core/jobs';
import { jobFromArgument } from '../../core/jobs/job-argument';
import type { CommandRunner } from '../command-runner';
import type { ConnectionService } from '../connection/connection-service';
import { cancelExportJob } from '../../core/export/cancel-export';
import { COMMANDS, VIEWS } from '../ids';

export interface CancelExportServices {
  readonly runner: CommandRunner;
  readonly connection: ConnectionService;
  readonly store: JobStore;
}

export function registerCancelExportCommand(services: CancelExportServices): vscode.Disposable {
  return services.runner.register(COMMANDS.export.cancel, (arg: unknown) => cancel(services, jobFromArgument(services.store, arg, 'export')));
}

async function cancel(services: CancelExportServices, job: Job): Promise<Job> {
  const { client, connection } = services.connection.requireConnected();
  if (job.connection !== connection) throw new WrongConnectionError(job.connection);
  const cancelled = await vscode.window.withProgress(
    { location: { viewId: VIEWS.jobs }, title: `Cancelling the export of ${job.label}…` },
    () => cancelExportJob(client, services.store, job),
  );
  void vscode.window.setStatusBarMessage(`Cancelled the export of ${job.label}`, 5_000);
  return cancelled;
}
