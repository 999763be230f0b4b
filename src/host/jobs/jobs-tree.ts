/**
 * The Jobs view's data: jobs newest first, and under a file imported in parts its parts
 * in order: the child job of each part that GetSales started, a plain row for each part
 * not started yet. It only maps; the store owns the jobs and says when they change.
 */
import * as vscode from 'vscode';
import { type Job, type JobStore, partTitle } from '../../core/jobs';
import type { ConnectionService } from '../connection/connection-service';
import { jobTreeItem, partTreeItem } from './job-tree-item';

/** A part of a file imported in parts that has no job yet (waiting, being sent, or refused before it started). */
export interface PartRow {
  readonly parentId: string;
  readonly index: number;
}

export type JobsTreeElement = Job | PartRow;

function isJob(element: JobsTreeElement): element is Job {
  return 'remoteUuid' in element;
}

export class JobsTreeProvider implements vscode.TreeDataProvider<JobsTreeElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<JobsTreeElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: JobStore, private readonly connection: ConnectionService) {
    // A whole refresh per change: the list is short, and ids keep selection, focus and expansion.
    this.subscriptions = [
      store.onDidChange(() => this.changed.fire(undefined)),
      connection.onDidChange(() => this.changed.fire(undefined)),
    ];
  }

  getTreeItem(element: JobsTreeElement): vscode.TreeItem {
    const mode = this.connection.state.mode;
    const current = mode === 'signedOut' ? undefined : mode;
    if (!isJob(element)) {
      const parent = this.store.get(element.parentId);
      const count = parent?.parts?.parts.length ?? 0;
      return partTreeItem(parent, element.index, partTitle(element.index, count));
    }
    if (element.parentId === undefined) return jobTreeItem(element, current);
    const parent = this.store.get(element.parentId);
    const index = parent?.parts?.parts.findIndex((part) => part.jobId === element.id) ?? -1;
    return jobTreeItem(element, current, index === -1 ? undefined : partTitle(index, parent?.parts?.parts.length ?? 0));
  }

  getChildren(element?: JobsTreeElement): JobsTreeElement[] {
    if (element === undefined) return this.store.all().filter((job) => job.parentId === undefined || this.store.get(job.parentId) === undefined);
    // The element may be from before the last change: its parts are read again.
    const parent = isJob(element) ? this.store.get(element.id) : undefined;
    if (parent?.parts === undefined) return [];
    return parent.parts.parts.map((part, index) => {
      const child = part.jobId === undefined ? undefined : this.store.get(part.jobId);
      return child ?? { parentId: parent.id, index };
    });
  }

  getParent(element: JobsTreeElement): JobsTreeElement | undefined {
    const parentId = isJob(element) ? element.parentId : element.parentId;
    return parentId === undefined ? undefined : this.store.get(parentId);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
