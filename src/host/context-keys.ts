/**
 * Context keys that drive the welcome content and menus in package.json:
 * `getsales.mode` (signedOut | account | sandbox), `getsales.connected`, `getsales.hasJobs`.
 */
import * as vscode from 'vscode';
import type { JobStore } from '../core/jobs';
import type { ConnectionService } from './connection/connection-service';

export function bindContextKeys(connection: ConnectionService, store: JobStore): vscode.Disposable {
  const showConnection = (): void => {
    void vscode.commands.executeCommand('setContext', 'getsales.mode', connection.state.mode);
    void vscode.commands.executeCommand('setContext', 'getsales.connected', connection.state.mode !== 'signedOut');
  };
  const showJobs = (): void => {
    void vscode.commands.executeCommand('setContext', 'getsales.hasJobs', store.all().length > 0);
  };
  showConnection();
  showJobs();
  return vscode.Disposable.from(connection.onDidChange(showConnection), store.onDidChange(showJobs));
}
