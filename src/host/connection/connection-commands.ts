/**
 * Sign In, Sign Out, Try the Local Sandbox, Disconnect, Show Logs.
 *
 * Programmatic arguments (for tests and other extensions; the palette passes none):
 *   getsales.signIn({ apiKey: string, teamId?: string }) → true when signed in
 *   getsales.trySandbox() / getsales.disconnect() / getsales.signOut() → true
 */
import * as vscode from 'vscode';
import type { Credentials } from '../../core/api';
import { nonEmptyString, object, optional, string } from '../../shared/decode';
import type { ConnectionService } from './connection-service';
import type { Log } from '../log';
import { COMMANDS, FOCUS_JOBS_VIEW } from '../ids';
import type { CommandRunner } from '../command-runner';
import { withCancellableProgress } from '../cancellable-progress';

export function registerConnectionCommands(runner: CommandRunner, connection: ConnectionService, log: Log): vscode.Disposable {
  return vscode.Disposable.from(
    runner.register(COMMANDS.connection.signIn, async (args: unknown) => {
      const credentials = decodeSignInArgs(args) ?? (await askCredentials());
      if (!credentials) return false;
      await withCancellableProgress('Checking the GetSales API key…', (signal) => connection.signIn(credentials, signal));
      void vscode.window.showInformationMessage('Signed in to GetSales. Your API key is stored in the system keychain.');
      return true;
    }),
    runner.register(COMMANDS.connection.signOut, async () => {
      await connection.signOut();
      void vscode.window.showInformationMessage('Signed out of GetSales. The API key was removed from this machine.');
      return true;
    }),
    runner.register(COMMANDS.connection.trySandbox, async () => {
      await withCancellableProgress('Starting the local GetSales sandbox…', () => connection.startLocalSandbox());
      void vscode.commands.executeCommand(FOCUS_JOBS_VIEW);
      void vscode.window.showInformationMessage('Connected to the local GetSales sandbox: demo data on this machine, nothing reaches a real account.');
      return true;
    }),
    runner.register(COMMANDS.connection.disconnect, async () => {
      await connection.disconnect();
      return true;
    }),
    runner.register(COMMANDS.connection.showLogs, () => log.show()),
  );
}

/** Credentials passed by a script or test; anything without an `apiKey` (a menu, a link) means "ask". */
function decodeSignInArgs(args: unknown): Credentials | undefined {
  if (typeof args !== 'object' || args === null || !('apiKey' in args)) return undefined;
  const given = object(args, 'credentials');
  const apiKey = nonEmptyString(given.apiKey, 'credentials.apiKey');
  const teamId = optional(given.teamId, 'credentials.teamId', string)?.trim();
  return teamId ? { apiKey, teamId } : { apiKey };
}

async function askCredentials(): Promise<Credentials | undefined> {
  const apiKey = await vscode.window.showInputBox({
    title: 'GetSales: Sign In (1/2)',
    prompt: 'Your GetSales API key (GetSales → Workspace Settings → API Keys). It is stored in the system keychain only.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Paste the API key.' : undefined),
  });
  if (apiKey === undefined) return undefined;
  const teamId = await vscode.window.showInputBox({
    title: 'GetSales: Sign In (2/2)',
    prompt: 'Team ID (optional): leave empty when the key already belongs to one team.',
    ignoreFocusOut: true,
  });
  if (teamId === undefined) return undefined;
  return teamId.trim() ? { apiKey: apiKey.trim(), teamId: teamId.trim() } : { apiKey: apiKey.trim() };
}
