/**
 * Imports need a connection. When there is none, the user may sign in or start the
 * local sandbox right there, and the import continues; without a choice it stops quietly.
 */
import * as vscode from 'vscode';
import type { Connected, ConnectionService } from '../connection/connection-service';
import { COMMANDS } from '../ids';

const SIGN_IN = 'Sign In';
const TRY_SANDBOX = 'Try the Local Sandbox';

/** The connection, or undefined when the user backed out. Non-interactive callers get the usual "sign in first" error. */
export async function ensureConnected(connection: ConnectionService, interactive: boolean): Promise<Connected | undefined> {
  if (connection.client !== undefined || !interactive) return connection.requireConnected();
  const picked = await vscode.window.showInformationMessage(
    'Importing to GetSales needs a connection. Sign in with your API key, or try the local sandbox (demo data on this machine).',
    { modal: true },
    SIGN_IN,
    TRY_SANDBOX,
  );
  if (picked === SIGN_IN) await vscode.commands.executeCommand(COMMANDS.connection.signIn);
  else if (picked === TRY_SANDBOX) await vscode.commands.executeCommand(COMMANDS.connection.trySandbox);
  return connection.connected();
}
