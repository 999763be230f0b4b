/**
 * Marks sandbox mode in the status bar, so nobody mistakes demo data for their account.
 * Nothing is shown for an account connection or when signed out.
 */
import * as vscode from 'vscode';
import type { ConnectionService } from './connection-service';
import { JOBS_VIEW_ID } from '../jobs/view-ids';

export function createConnectionStatus(connection: ConnectionService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('getsales.connection.status', vscode.StatusBarAlignment.Left, 51);
  item.name = 'GetSales Sandbox';
  item.command = `${JOBS_VIEW_ID}.focus`;
  item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  const update = (): void => {
    const state = connection.state;
    if (state.mode !== 'sandbox') {
      item.hide();
      return;
    }
    item.text = '$(beaker) GetSales Sandbox';
    item.tooltip = `Connected to the ${state.local ? 'local' : 'external'} GetSales sandbox (${state.baseUrl}): demo data, nothing reaches your account. Use "GetSales: Disconnect" to leave.`;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, connection.onDidChange(update));
}
