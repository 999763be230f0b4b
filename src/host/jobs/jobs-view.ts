/**
 * The Jobs view: tree, status bar, notifications and context keys, wired to the store
 * and the connection. The view's title says which connection the jobs poll: Jobs is its
 * container's only view, so VS Code merges it into the container's title ("GetSales:
 * Jobs (Sandbox)") and never shows a view description there.
 *   getsales.jobs.reveal(job | id)  shows the job in the view, selected and focused → its id
 */
import * as vscode from 'vscode';
import type { Job, JobStore } from '../../core/jobs';
import { jobFromArgument } from '../../core/jobs/job-argument';
import type { CommandRunner } from '../command-runner';
import type { ConnectionMode, ConnectionService } from '../connection/connection-service';
import { bindContextKeys } from '../context-keys';
import { createJobsStatusBar } from './jobs-status-bar';
import { JobsTreeProvider } from './jobs-tree';
import { COMMANDS, VIEWS } from '../ids';

export function createJobsView(store: JobStore, connection: ConnectionService, runner: CommandRunner): vscode.Disposable {
  const provider = new JobsTreeProvider(store, connection);
  const view = vscode.window.createTreeView(VIEWS.jobs, { treeDataProvider: provider, showCollapseAll: false });
  const reveal = async (arg: unknown): Promise<string> => {
    const job: Job = jobFromArgument(store, arg);
    await view.reveal(job, { select: true, focus: true });
    return job.id;
  };
  const describe = (): void => {
    view.title = jobsViewTitle(connection.state.mode);
  };
  describe();
  return vscode.Disposable.from(
    provider,
    view,
    runner.register(COMMANDS.jobs.reveal, reveal),
    connection.onDidChange(describe),
    bindContextKeys(connection, store),
    createJobsStatusBar(store, connection),
  );
}

function jobsViewTitle(mode: ConnectionMode): string {
  if (mode === 'sandbox') return 'Jobs (Sandbox)';
  // As short as "Sandbox": the side bar cuts "GetSales: Jobs (Signed o…".
  if (mode === 'signedOut') return 'Jobs (Offline)';
  return 'Jobs';
}
