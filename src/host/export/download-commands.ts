/**
 * Download & Open, Open Again, Reveal in Explorer for finished exports. Item commands
 * take the tree element (a Job) or a job id:
 *   getsales.export.downloadAndOpen(job | id, { open?: boolean }) → local paths written
 *   getsales.export.openAgain(job | id)                         → local paths opened
 *   getsales.export.revealDownload(job | id)                    → the path revealed
 * Files open by URI through `vscode.open`, never through openTextDocument, so an export
 * over 50 MB opens in the editor's large-file mode instead of being loaded by us. Once
 * every file is down, their data rows are counted with the CSV engine and kept on the job
 * (`data.downloadedRows`), so its tooltip says when they differ from the expected count.
 */
import * as vscode from 'vscode';
import { type Job, type JobStore, WrongConnectionError } from '../../core/jobs';
import { type CommandRunner, isCancellation } from '../command-runner';
import { UserError } from '../../core/user-error';
import { boolean, object, optional } from '../../shared/decode';
import type { ConnectionService } from '../connection/connection-service';
import { downloadFailureError, downloadFailureNote } from '../../core/export/download-errors';
import { DownloadFailure, type FileProgress, downloadExportFiles, existingPaths } from '../../core/files/download-files';
import { COMMANDS } from '../ids';
import { withCancellableProgress } from '../cancellable-progress';
import { workspaceFolderOf } from '../workspace-path';
import { formatBytes } from '../../shared/format';
import { jobFromArgument } from '../../core/jobs/job-argument';
import { countDataRows } from '../../core/csv';
import { messageOf } from '../../core/message-of';
import type { Log } from '../log';

export interface DownloadCommandServices {
  readonly runner: CommandRunner;
  readonly connection: ConnectionService;
  readonly store: JobStore;
  /** The folder downloads go to now (settings, workspace, storage). */
  readonly downloadFolder: () => string;
  readonly log: Pick<Log, 'warn'>;
}

export function registerDownloadCommands(services: DownloadCommandServices): vscode.Disposable {
  const { runner } = services;
  return vscode.Disposable.from(
    runner.register(COMMANDS.export.downloadAndOpen, (arg: unknown, options: unknown) => downloadAndOpen(services, jobFromArgument(services.store, arg, 'export'), openOption(options))),
    runner.register(COMMANDS.export.openAgain, (arg: unknown) => openAgain(services, jobFromArgument(services.store, arg, 'export'))),
    runner.register(COMMANDS.export.revealDownload, (arg: unknown) => reveal(services, jobFromArgument(services.store, arg, 'export'))),
  );
}

async function downloadAndOpen(services: DownloadCommandServices, job: Job, open: boolean): Promise<string[]> {
  if (job.status !== 'done' || job.files.length === 0) {
    throw new UserError(`“${job.label}” has no file to download yet${job.status === 'failed' ? ': the export failed. Retry it first.' : '. Wait until the job shows done.'}`, []);
  }
  const { client, connection } = services.connection.requireConnected();
  if (job.connection !== connection) throw new WrongConnectionError(job.connection, 'download its files');
  const folder = services.downloadFolder();
  const written: string[] = [];
  const record = (path: string): void => {
    written.push(path);
    const current = services.store.get(job.id);
    if (current) services.store.patch(job.id, { downloads: [...current.downloads, path] });
  };
  let failedFile = job.files[0] ?? '';
  try {
    await withDownloadProgress(job, (signal, report) => downloadExportFiles(client, job.files, folder, {
      signal,
      onProgress: report,
      onFile: (result) => record(result.path),
    }));
  } catch (error) {
    const cause = error instanceof DownloadFailure ? error.cause : error;
    if (error instanceof DownloadFailure) failedFile = error.fileName;
    const shown = downloadFailureError(cause, job.label, failedFile, folder);
    if (!isCancellation(cause)) services.store.patch(job.id, { message: downloadFailureNote(shown) });
    // Whole files that arrived before the failure are kept and opened: they are complete.
    if (open) await openAll(written);
    throw shown;
  }
  services.store.patch(job.id, { message: undefined });
  if (open) await openAll(written);
  await recordDownloadedRows(services, job, written);
  return written;
}

/** Best effort: the file is on disk and open whatever happens here. */
async function recordDownloadedRows(services: DownloadCommandServices, job: Job, paths: readonly string[]): Promise<void> {
  try {
    let rows = 0;
    for (const path of paths) rows += await countDataRows(path);
    services.store.patch(job.id, { data: { downloadedRows: rows } });
  } catch (error) {
    services.log.warn(`Export: the rows of ${job.label}'s download could not be counted (${messageOf(error)}); its tooltip compares the server's count instead.`);
  }
}

async function openAgain(services: DownloadCommandServices, job: Job): Promise<string[]> {
  const present = await existingPaths(job.downloads);
  if (present.length < job.downloads.length) services.store.patch(job.id, { downloads: present });
  if (present.length === 0) {
    const again = job.status === 'done' && job.files.length > 0 ? 'Download Again' : undefined;
    const message = `The downloaded file of “${job.label}” is gone from disk.${again ? ' Download it again?' : ''}`;
    void Promise.resolve(vscode.window.showWarningMessage(message, ...(again ? [again] : []))).then((picked) => {
      if (picked === again) void vscode.commands.executeCommand(COMMANDS.export.downloadAndOpen, job.id);
    });
    return [];
  }
  // The latest download of each file: the last `files.length` paths.
  const latest = present.slice(-Math.max(1, job.files.length));
  await openAll(latest);
  return latest;
}

async function reveal(services: DownloadCommandServices, job: Job): Promise<string | undefined> {
  const present = await existingPaths(job.downloads);
  if (present.length < job.downloads.length) services.store.patch(job.id, { downloads: present });
  const path = present[present.length - 1];
  if (!path) throw new UserError(`“${job.label}” has no downloaded file on disk. Use Download & Open first.`, []);
  const uri = vscode.Uri.file(path);
  // Inside the workspace the Explorer can show it; elsewhere the OS file manager can.
  await vscode.commands.executeCommand(workspaceFolderOf(path) !== undefined ? 'revealInExplorer' : 'revealFileInOS', uri);
  return path;
}

async function openAll(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(path), { preview: false } satisfies vscode.TextDocumentShowOptions);
  }
}

/** A cancellable notification with the bytes so far; Cancel aborts the transfer (nothing is kept of the file in flight). */
function withDownloadProgress<T>(job: Job, task: (signal: AbortSignal, report: (progress: FileProgress) => void) => Promise<T>): Thenable<T> {
  return withCancellableProgress(`Downloading ${job.label}`, (signal, progress) => {
    let lastPercent = 0;
    let lastFile = -1;
    const report = (p: FileProgress): void => {
      const of = p.count > 1 ? ` (file ${p.index + 1} of ${p.count})` : '';
      const percent = p.totalBytes > 0 ? Math.floor(((p.index + p.bytes / p.totalBytes) / p.count) * 100) : lastPercent;
      if (percent === lastPercent && p.index === lastFile) return;
      progress.report({ message: `${formatBytes(p.bytes)}${p.totalBytes > 0 ? ` of ${formatBytes(p.totalBytes)}` : ''}${of}`, increment: Math.max(0, percent - lastPercent) });
      lastPercent = percent;
      lastFile = p.index;
    };
    return task(signal, report);
  });
}

function openOption(options: unknown): boolean {
  return optional(optional(options, 'options', object, {}).open, 'options.open', boolean, true);
}
