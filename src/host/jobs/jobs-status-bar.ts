/**
 * "$(sync~spin) 2 GetSales jobs" while jobs of the current connection run (those of the
 * other connection are not being followed); a click focuses the Jobs view.
 */
import * as vscode from 'vscode';
import type { JobStore } from '../../core/jobs';
import type { ConnectionService } from '../connection/connection-service';
import { FOCUS_JOBS_VIEW, STATUS_BAR_ITEMS } from '../ids';

export function createJobsStatusBar(store: JobStore, connection: ConnectionService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ITEMS.jobs, vscode.StatusBarAlignment.Left, 50);
  item.name = 'GetSales Jobs';
  item.command = FOCUS_JOBS_VIEW;
  const update = (): void => {
    const mode = connection.state.mode;
    // A file imported in parts is one job however many of its parts run.
    const running = store.active().filter((job) => job.connection === mode && job.parentId === undefined).length;
    if (running === 0) {
      item.hide();
      return;
    }
    item.text = `$(sync~spin) ${running} GetSales ${running === 1 ? 'job' : 'jobs'}`;
    item.tooltip = `${running} GetSales ${running === 1 ? 'job is' : 'jobs are'} running. Click to show the Jobs view.`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, store.onDidChange(update), connection.onDidChange(update));
}
