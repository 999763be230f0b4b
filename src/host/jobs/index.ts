/**
 * The jobs feature: the Jobs view (tree, title, status bar, context keys) and its
 * commands. Job notifications live in the host services, because the import and export
 * features add their actions to them.
 */
import * as vscode from 'vscode';
import type { HostServices } from '../services';
import { registerJobCommands } from './job-commands';
import { createJobsView } from './jobs-view';

export function registerJobsFeature(host: HostServices): vscode.Disposable {
  return vscode.Disposable.from(
    registerJobCommands({ runner: host.runner, store: host.jobs, poller: host.poller, connection: host.connection, parts: host.parts, log: host.log }),
    createJobsView(host.jobs, host.connection, host.runner),
  );
}
