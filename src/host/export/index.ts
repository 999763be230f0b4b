/**
 * The export feature: Export Contacts…/Companies… (palette, Jobs view title, Explorer),
 * Download & Open / Open Again / Reveal on finished exports, Cancel Export on running
 * ones, the "Open" button of the completion notification, and the watch for deleted
 * downloads.
 */
import * as vscode from 'vscode';
import type { HostServices } from '../services';
import { registerDownloadCommands } from './download-commands';
import { COMMANDS } from '../ids';
import { resolveDownloadFolder } from '../../core/files/download-folder';
import { DownloadTracker } from './download-tracker';
import { registerExportCommands } from './export-commands';
import { registerCancelExportCommand } from './cancel-export-command';

export function registerExportFeature(host: HostServices): vscode.Disposable {
  const downloadFolder = (): string => {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    return resolveDownloadFolder({
      setting: host.settings().downloadFolder,
      workspaceFolder: folder?.uri.fsPath,
      storageFolder: host.context.globalStorageUri.fsPath,
    });
  };
  return vscode.Disposable.from(
    registerExportCommands({ runner: host.runner, connection: host.connection, store: host.jobs, log: host.log }),
    registerCancelExportCommand({ runner: host.runner, connection: host.connection, store: host.jobs }),
    registerDownloadCommands({ runner: host.runner, connection: host.connection, store: host.jobs, downloadFolder, log: host.log }),
    new DownloadTracker(host.jobs),
    host.notifier.addAction({
      title: 'Open',
      applies: (job) => job.kind === 'export' && job.status === 'done' && job.files.length > 0,
      run: (job) => vscode.commands.executeCommand(COMMANDS.export.downloadAndOpen, job.id),
    }),
  );
}
