/**
 * Where downloaded exports go (the `getsales.downloadFolder` setting): empty means
 * `getsales-exports/` in the first workspace folder, or the extension's storage when no
 * folder is open; a relative path is resolved against the workspace folder (or the
 * storage); `~/` is the home folder. Pure, so every case is checked without VS Code.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const DEFAULT_DOWNLOAD_SUBFOLDER = 'getsales-exports';

export interface DownloadFolderInput {
  /** The setting as the user wrote it (trimmed); '' for the default. */
  readonly setting: string;
  /** File-system path of the first workspace folder, when one is open on disk. */
  readonly workspaceFolder: string | undefined;
  /** The extension's global storage path. */
  readonly storageFolder: string;
  readonly home?: string;
}

export function resolveDownloadFolder(input: DownloadFolderInput): string {
  const base = input.workspaceFolder ?? input.storageFolder;
  const setting = input.setting.trim();
  if (setting === '') return join(base, DEFAULT_DOWNLOAD_SUBFOLDER);
  if (setting === '~' || setting.startsWith('~/') || setting.startsWith('~\\')) {
    return join(input.home ?? homedir(), setting.slice(1));
  }
  return isAbsolute(setting) ? resolve(setting) : resolve(base, setting);
}
