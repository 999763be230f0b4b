/**
 * Marks sandbox mode in the status bar, so nobody mistakes demo data for their account.
 * Nothing is shown for an account connection or when signed out.
 */
import * as vscode from 'vscode';
import type { ConnectionService } from './connection-service';
import { FOCUS_JOBS_VIEW, STATUS_BAR_ITEMS } from '../ids';

export function createConnectionStatus(connection: ConnectionService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ITEMS.sandbox, vscode.StatusBarAlignment.Left, 51);
  item.name = 'GetSales Sandbox';
  item.command = FOCUS_JOBS_VIEW;
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
