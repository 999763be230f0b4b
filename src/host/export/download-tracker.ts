/**
 * Notices downloaded exports that were deleted from disk and forgets them, so the job's
 * item offers "Download & Open" again instead of "Open Again". Checked at start, when
 * the window gets focus back (files may go while VS Code is in the background), when a
 * watcher on a download folder or the Explorer reports a deletion, and every few seconds
 * while any download is tracked: file watchers drop events under load (seen in the
 * remote extension host), and a few `stat` calls cost nothing.
 */
import * as vscode from 'vscode';
import { basename, dirname, sep } from 'node:path';
import type { JobStore } from '../../core/jobs';
import { existingPaths } from '../../core/files/download-files';
import { workspaceFolderOf } from '../workspace-path';

const SWEEP_INTERVAL_MS = 5_000;

export class DownloadTracker implements vscode.Disposable {
  private readonly watchers = new Map<string, vscode.Disposable>();
  private sweep: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private checking: Promise<number> | undefined;
  private again = false;

  constructor(private readonly store: JobStore) {
    this.subscriptions = [
      store.onDidChange(() => this.watchFolders()),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) void this.check();
      }),
      vscode.workspace.onDidDeleteFiles(() => void this.check()),
    ];
    this.watchFolders();
    void this.check();
  }

  /** Drops deleted paths from every export's downloads; resolves to how many were dropped. */
  check(): Promise<number> {
    if (this.checking) {
      // A deletion during a check must not be missed: run once more after it.
      this.again = true;
      return this.checking;
    }
    this.checking = this.prune().finally(() => {
      this.checking = undefined;
      if (this.again) {
        this.again = false;
        void this.check();
      }
    });
    return this.checking;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    clearInterval(this.sweep);
    this.sweep = undefined;
  }

  private async prune(): Promise<number> {
    let dropped = 0;
    for (const job of this.store.all()) {
      if (job.kind !== 'export' || job.downloads.length === 0) continue;
      const present = await existingPaths(job.downloads);
      if (present.length === job.downloads.length) continue;
      dropped += job.downloads.length - present.length;
      const current = this.store.get(job.id);
      if (!current) continue;
      // Judge only the paths checked: a download may have been added meanwhile.
      const gone = job.downloads.filter((path) => !present.includes(path));
      const downloads = current.downloads.filter((path) => !gone.includes(path));
      this.store.patch(job.id, {
        downloads,
        message: downloads.length === 0 ? `The downloaded file ${gone.map((p) => basename(p)).join(', ')} was deleted; use Download & Open to get it again.` : current.message,
      });
    }
    return dropped;
  }

  /** One non-recursive watcher per folder that holds a download (also outside the workspace). */
  private watchFolders(): void {
    const folders = new Set(this.store.all().flatMap((job) => (job.kind === 'export' ? job.downloads.map((path) => dirname(path)) : [])));
    for (const [folder, watcher] of this.watchers) {
      if (folders.has(folder)) continue;
      watcher.dispose();
      this.watchers.delete(folder);
    }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      // Create events stay on: in the remote host a watcher asked for deletions alone received none.
      const watcher = vscode.workspace.createFileSystemWatcher(watchPattern(folder), false, true, false);
      this.watchers.set(folder, vscode.Disposable.from(watcher, watcher.onDidDelete(() => void this.check())));
    }
    if (folders.size > 0 && !this.sweep) {
      this.sweep = setInterval(() => void this.check(), SWEEP_INTERVAL_MS);
    } else if (folders.size === 0 && this.sweep) {
      clearInterval(this.sweep);
      this.sweep = undefined;
    }
  }
}

/** Inside a workspace folder, a pattern on that folder (served by the workspace watcher); elsewhere, the folder itself. */
function watchPattern(folder: string): vscode.RelativePattern {
  const inside = workspaceFolderOf(folder);
  if (inside !== undefined) return new vscode.RelativePattern(inside.folder, `${inside.relativePath.split(sep).join('/')}/*`);
  return new vscode.RelativePattern(vscode.Uri.file(folder), '*');
}
