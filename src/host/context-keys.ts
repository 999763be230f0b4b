/** Sets the context keys that drive the welcome content and menus in package.json. */
import * as vscode from 'vscode';
import type { JobStore } from '../core/jobs';
import type { ConnectionService } from './connection/connection-service';
import { CONTEXT_KEYS } from './ids';

export function bindContextKeys(connection: ConnectionService, store: JobStore): vscode.Disposable {
  const showConnection = (): void => {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.mode, connection.state.mode);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.connected, connection.state.mode !== 'signedOut');
  };
  const showJobs = (): void => {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasJobs, store.all().length > 0);
  };
  showConnection();
  showJobs();
  return vscode.Disposable.from(connection.onDidChange(showConnection), store.onDidChange(showJobs));
}
