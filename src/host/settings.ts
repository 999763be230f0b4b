/**
 * Typed access to the `getsales.*` settings. Read on every use (never cached), so a
 * change applies without a reload; `onDidChange` tells services that must rebuild.
 */
import * as vscode from 'vscode';
import type { ProxySettings } from '../core/api/http-dispatchers';
import { boolean, lenient, nonEmptyString, number, string } from '../shared/decode';
import { SETTINGS_SECTION, SETTING_KEYS, type SettingKey } from './ids';

const DEFAULT_API_BASE_URL = 'https://amazing.getsales.io';
const DEFAULT_POLL_INTERVAL_SECONDS = 5;
const MIN_POLL_INTERVAL_SECONDS = 1;
const MAX_POLL_INTERVAL_SECONDS = 300;

/** A setting of the wrong type means its default; VS Code already marks it in the Settings editor. */
const useDefault = (): void => undefined;

export interface GetSalesSettings {
  readonly apiBaseUrl: string;
  /** As the user wrote it; empty means the default (workspace `getsales-exports/`, else extension storage). */
  readonly downloadFolder: string;
  readonly pollIntervalSeconds: number;
  readonly notifyOnCompletion: boolean;
  /** The remembered mapping as inlay hints and a CodeLens on a CSV's header line. */
  readonly showMappingInEditor: boolean;
}

export function readSettings(): GetSalesSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const read = (key: SettingKey): unknown => config.get<unknown>(key);
  const baseUrl = read('apiBaseUrl');
  const folder = read('downloadFolder');
  const interval = read('pollIntervalSeconds');
  const notify = read('notifyOnCompletion');
  const showMapping = read('showMappingInEditor');
  const path = (key: SettingKey): string => `${SETTINGS_SECTION}.${key}`;
  return {
    apiBaseUrl: lenient(baseUrl, path('apiBaseUrl'), nonEmptyString, DEFAULT_API_BASE_URL, useDefault).trim(),
    downloadFolder: lenient(folder, path('downloadFolder'), string, '', useDefault).trim(),
    pollIntervalSeconds: Math.min(MAX_POLL_INTERVAL_SECONDS, Math.max(MIN_POLL_INTERVAL_SECONDS,
      lenient(interval, path('pollIntervalSeconds'), number, DEFAULT_POLL_INTERVAL_SECONDS, useDefault))),
    notifyOnCompletion: lenient(notify, path('notifyOnCompletion'), boolean, true, useDefault),
    showMappingInEditor: lenient(showMapping, path('showMappingInEditor'), boolean, true, useDefault),
  };
}

/** Fires with the names (e.g. `apiBaseUrl`) of the GetSales settings that changed. */
export function onDidChangeSettings(listener: (changed: SettingKey[]) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    const changed = SETTING_KEYS.filter((key) => event.affectsConfiguration(`${SETTINGS_SECTION}.${key}`));
    if (changed.length > 0) listener(changed);
  });
}

const PROXY_KEYS = ['http.proxy', 'http.proxyStrictSSL', 'http.noProxy'] as const;

/** VS Code's own proxy settings, which every GetSales request honours. */
export function readProxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<unknown>('proxy');
  const strict = http.get<unknown>('proxyStrictSSL');
  const noProxy = http.get<unknown>('noProxy');
  return {
    proxy: typeof proxy === 'string' ? proxy.trim() : '',
    strictSSL: typeof strict === 'boolean' ? strict : true,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((host): host is string => typeof host === 'string') : [],
  };
}

export function onDidChangeProxySettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (PROXY_KEYS.some((key) => event.affectsConfiguration(key))) listener();
  });
}

/** Opens the Settings editor on one of our settings. */
export function openSetting(key: SettingKey | ''): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.${key}`);
}
