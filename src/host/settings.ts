/**
 * Typed access to the `getsales.*` settings. Read on every use (never cached), so a
 * change applies without a reload; `onDidChange` tells services that must rebuild.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION, SETTING_KEYS, type SettingKey } from './ids';

const DEFAULT_API_BASE_URL = 'https://amazing.getsales.io';
const DEFAULT_POLL_INTERVAL_SECONDS = 5;
const MIN_POLL_INTERVAL_SECONDS = 1;
const MAX_POLL_INTERVAL_SECONDS = 300;

export interface GetSalesSettings {
  readonly apiBaseUrl: string;
  /** As the user wrote it; empty means the default (workspace `getsales-exports/`, else extension storage). */
  readonly downloadFolder: string;
  readonly pollIntervalSeconds: number;
  readonly notifyOnCompletion: boolean;
}

export function readSettings(): GetSalesSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const read = (key: SettingKey): unknown => config.get<unknown>(key);
  const baseUrl = read('apiBaseUrl');
  const folder = read('downloadFolder');
  const interval = read('pollIntervalSeconds');
  const notify = read('notifyOnCompletion');
  return {
    apiBaseUrl: typeof baseUrl === 'string' && baseUrl.trim() !== '' ? baseUrl.trim() : DEFAULT_API_BASE_URL,
    downloadFolder: typeof folder === 'string' ? folder.trim() : '',
    pollIntervalSeconds: typeof interval === 'number' && Number.isFinite(interval)
      ? Math.min(MAX_POLL_INTERVAL_SECONDS, Math.max(MIN_POLL_INTERVAL_SECONDS, interval))
      : DEFAULT_POLL_INTERVAL_SECONDS,
    notifyOnCompletion: typeof notify === 'boolean' ? notify : true,
  };
}

/** Fires with the names (e.g. `apiBaseUrl`) of the GetSales settings that changed. */
export function onDidChangeSettings(listener: (changed: SettingKey[]) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const changed = SETTING_KEYS.filter((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
    if (changed.length > 0) listener(changed);
  });
}

/** Opens the Settings editor on one of our settings. */
export function openSetting(key: SettingKey | ''): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.${key}`);
}
