/**
 * getsales.checkApiCompatibility: runs the read-only probes of core/api/compatibility.ts
 * against the current connection and opens the Markdown report in a new untitled tab.
 * Also offered by the error message of an answer that could not be decoded.
 *   getsales.checkApiCompatibility() → the report text
 */
import * as vscode from 'vscode';
import { compatibilityReport, runCompatibilityProbes } from '../../core/api/compatibility';
import { withCancellableProgress } from '../cancellable-progress';
import type { CommandRunner } from '../command-runner';
import { COMMANDS } from '../ids';
import type { Log } from '../log';
import type { ConnectionService } from './connection-service';

export function registerCompatibilityCommand(runner: CommandRunner, connection: ConnectionService, log: Log, extensionVersion: string): vscode.Disposable {
  return runner.register(COMMANDS.connection.checkApiCompatibility, async () => {
    const client = connection.requireClient();
    const state = connection.state;
    const server = state.mode === 'signedOut' ? '' : serverOf(state.baseUrl, state.mode);
    const results = await withCancellableProgress('Checking the GetSales API (read-only)…', (signal) => runCompatibilityProbes(client, signal));
    // The log redacts the key once more; the report holds none, but it is the last guard.
    const report = log.redact(compatibilityReport(results, { extensionVersion, server, when: new Date() }));
    log.info(`API compatibility: ${results.map((r) => `${r.endpoint} ${r.status} ${r.verdict}`).join('; ')}`);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: report });
    await vscode.window.showTextDocument(document, { preview: false });
    return report;
  });
}

/** Scheme and host only: a base URL may carry a path, never credentials we want in a report. */
function serverOf(baseUrl: string, mode: 'account' | 'sandbox'): string {
  try {
    const url = new URL(baseUrl);
    return `${mode === 'sandbox' ? 'sandbox ' : ''}${url.protocol}//${url.host}`;
  } catch {
    return mode;
  }
}
