/**
 * Composition root: builds the services, registers the features, connects. Nothing else.
 */
import * as vscode from 'vscode';
import { testApi, type GetSalesExtensionApi } from './host/api';
import { registerConnectionFeature } from './host/connection';
import { startLocalSandbox } from './host/connection/local-sandbox';
import { registerExportFeature } from './host/export';
import { ACTIVATION } from './host/ids';
import { registerImportFeature } from './host/import';
import { registerJobsFeature } from './host/jobs';
import { createHostServices, type HostServices } from './host/services';

let services: HostServices | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<GetSalesExtensionApi | undefined> {
  const host = createHostServices(context, startLocalSandbox);
  services = host;
  context.subscriptions.push(
    host,
    registerConnectionFeature(host),
    registerJobsFeature(host),
    registerExportFeature(host),
    registerImportFeature(host),
  );
  await host.runner.run(ACTIVATION, () => host.connection.restore(process.env));
  // The service graph is for the integration tests alone (see host/api.ts).
  return context.extensionMode === vscode.ExtensionMode.Test ? testApi(host) : undefined;
}

export async function deactivate(): Promise<void> {
  // Let the last job change reach globalState and free the local sandbox's port.
  await services?.jobs.flush();
  await services?.connection.shutdown();
  services = undefined;
}
