/**
 * Composition root: builds the services, registers the features, connects. Nothing else.
 */
import type * as vscode from 'vscode';
import { registerConnectionCommands } from './host/connection/connection-commands';
import { JobCommands } from './host/jobs/job-commands';
import type { GetSalesExtensionApi } from './host/api';
import { startLocalSandbox } from './host/connection/local-sandbox';
import { createJobsView } from './host/jobs/jobs-view';
import { registerExportFeature } from './host/export';
import { registerImportFeature } from './host/import';
import { createConnectionStatus } from './host/connection/connection-status';
import { createHostServices, type HostServices } from './host/services';
import { ACTIVATION } from './host/ids';

let services: HostServices | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<GetSalesExtensionApi> {
  const host = createHostServices(context, startLocalSandbox);
  services = host;
  const jobCommands = new JobCommands({ runner: host.runner, store: host.jobs, poller: host.poller, connection: host.connection });
  context.subscriptions.push(
    host,
    registerConnectionCommands(host.runner, host.connection, host.log),
    jobCommands,
    createJobsView(host.jobs, host.connection),
    createConnectionStatus(host.connection),
    registerExportFeature(host),
    registerImportFeature(host),
  );
  // Import and export features register here, e.g. `registerImportFeature(host)`.
  await host.runner.run(ACTIVATION, () => host.connection.restore(process.env));
  return {
    connection: host.connection,
    jobs: host.jobs,
    poller: host.poller,
    jobStorage: host.jobStorage,
    notifier: host.notifier,
    jobCommands,
    commands: host.runner,
    logLines: () => host.log.lines(),
  };
}

export async function deactivate(): Promise<void> {
  // Let the last job change reach globalState and free the local sandbox's port.
  await services?.jobs.flush();
  await services?.connection.shutdown();
  services = undefined;
}
