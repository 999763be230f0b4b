/**
 * The Jobs view: tree, status bar, notifications and context keys, wired to the store
 * and the connection. The view's description says which connection the jobs poll.
 */
import * as vscode from 'vscode';
import type { JobStore } from '../../core/jobs';
import type { ConnectionService } from '../connection/connection-service';
import { bindContextKeys } from '../context-keys';
import { createJobsStatusBar } from './jobs-status-bar';
import { JobsTreeProvider } from './jobs-tree';
import { JOBS_VIEW_ID } from './view-ids';

export function createJobsView(store: JobStore, connection: ConnectionService): vscode.Disposable {
  const provider = new JobsTreeProvider(store, connection);
  const view = vscode.window.createTreeView(JOBS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: false });
  const describe = (): void => {
    const state = connection.state;
    view.description = state.mode === 'sandbox' ? 'Sandbox' : state.mode === 'signedOut' ? 'Signed out' : undefined;
  };
  describe();
  return vscode.Disposable.from(
    provider,
    view,
    connection.onDidChange(describe),
    bindContextKeys(connection, store),
    createJobsStatusBar(store, connection),
  );
}
