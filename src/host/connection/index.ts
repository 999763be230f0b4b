/**
 * The connection feature: Sign In / Sign Out / Try the Local Sandbox / Disconnect /
 * Show Logs / Check API Compatibility, and the status bar item that marks sandbox mode.
 */
import * as vscode from 'vscode';
import type { HostServices } from '../services';
import { registerCompatibilityCommand } from './compatibility-command';
import { registerConnectionCommands } from './connection-commands';
import { createConnectionStatus } from './connection-status';

export function registerConnectionFeature(host: HostServices): vscode.Disposable {
  return vscode.Disposable.from(
    registerConnectionCommands(host.runner, host.connection, host.log),
    registerCompatibilityCommand(host.runner, host.connection, host.log, host.version),
    createConnectionStatus(host.connection),
  );
}
