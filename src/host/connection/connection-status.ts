/**
 * Marks sandbox mode in the status bar, so nobody mistakes demo data for their account.
 * Nothing is shown for an account connection or when signed out.
 */
import * as vscode from 'vscode';
import type { ConnectionService } from './connection-service';
import { COMMANDS, FOCUS_JOBS_VIEW, STATUS_BAR_ITEMS } from '../ids';

/** The tooltip carries the item's actions: Show Jobs, and Stop (the explicit way out of a local sandbox). */
function sandboxTooltip(local: boolean, baseUrl: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [COMMANDS.connection.disconnect, FOCUS_JOBS_VIEW] };
  md.appendText(`Connected to the ${local ? 'local' : 'external'} GetSales sandbox (${baseUrl}): demo data, nothing reaches your account.`);
  if (local) md.appendText(' It stays connected, with its data, across window reloads until you stop it.');
  md.appendMarkdown(`\n\n[$(list-unordered) Show Jobs](command:${FOCUS_JOBS_VIEW}) · [$(debug-stop) ${local ? 'Stop the Sandbox' : 'Disconnect'}](command:${COMMANDS.connection.disconnect})`);
  return md;
}

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
    item.tooltip = sandboxTooltip(state.local, state.baseUrl);
    item.show();
  };
  update();
  return vscode.Disposable.from(item, connection.onDidChange(update));
}
