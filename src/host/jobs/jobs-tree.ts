/**
 * The Jobs view's data: a flat list of jobs, newest first. It only maps; the store owns
 * the jobs and says when they change.
 */
import * as vscode from 'vscode';
import type { Job, JobStore } from '../../core/jobs';
import type { ConnectionService } from '../connection/connection-service';
import { jobTreeItem } from './job-tree-item';

export class JobsTreeProvider implements vscode.TreeDataProvider<Job>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Job | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: JobStore, private readonly connection: ConnectionService) {
    // A whole refresh per change: the list is short, and ids keep selection and focus.
    this.subscriptions = [
      store.onDidChange(() => this.changed.fire(undefined)),
      connection.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  getTreeItem(job: Job): vscode.TreeItem {
    const mode = this.connection.state.mode;
    return jobTreeItem(job, mode === 'signedOut' ? undefined : mode);
  }

  getChildren(element?: Job): Job[] {
    return element ? [] : this.store.all();
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
