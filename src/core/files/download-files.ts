/**
 * Downloads every file of a finished export into one folder, one after another. Each
 * file streams to a temp file and is published under a free name (the client does that:
 * never an overwrite, never a half-written file, directories stripped from the server's
 * name). No `vscode` here.
 */
import { promises as fs } from 'node:fs';
import type { DownloadResult, GetSalesClient } from '../api';
import { messageOf } from '../message-of';

export type ExportDownloader = Pick<GetSalesClient, 'downloadExport'>;

export interface FileProgress {
  readonly fileName: string;
  /** 0-based position among the export's files. */
  readonly index: number;
  readonly count: number;
  readonly bytes: number;
  /** 0 when the server did not say. */
  readonly totalBytes: number;
}

export interface DownloadFilesOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FileProgress) => void;
  /** Called as each file is complete on disk, so a later failure does not lose it. */
  readonly onFile?: (result: DownloadResult, fileName: string) => void;
}

/** A download that stopped at `fileName`; the files before it are complete and kept. */
export class DownloadFailure extends Error {
  constructor(readonly fileName: string, readonly completed: readonly DownloadResult[], override readonly cause: unknown) {
    super(`Downloading ${fileName} failed: ${messageOf(cause)}`, { cause });
  }
}

export async function downloadExportFiles(client: ExportDownloader, files: readonly string[], folder: string, options: DownloadFilesOptions = {}): Promise<DownloadResult[]> {
  await fs.mkdir(folder, { recursive: true });
  const completed: DownloadResult[] = [];
  for (const [index, fileName] of files.entries()) {
    try {
      const result = await client.downloadExport(fileName, folder, options.signal, (bytes, totalBytes) => {
        options.onProgress?.({ fileName, index, count: files.length, bytes, totalBytes });
      });
      completed.push(result);
      options.onFile?.(result, fileName);
    } catch (error) {
      throw new DownloadFailure(fileName, completed, error);
    }
  }
  return completed;
}

/** The paths that still exist, in order (a user may delete a download at any time). */
export async function existingPaths(paths: readonly string[]): Promise<string[]> {
  const checks = await Promise.all(paths.map((path) => fs.stat(path).then((stat) => stat.isFile(), () => false)));
  return paths.filter((_, index) => checks[index]);
}
