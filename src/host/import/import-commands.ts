/**
 * getsales.importContacts / getsales.importCompanies: the Explorer and editor menus, the
 * palette (file picker), and scripted calls (see import-args.ts for the options). Each
 * file is imported in turn; one file's problem is shown and the next goes on; a cancel
 * stops the batch. Returns one ImportOutcome per file (undefined when no file was chosen
 * or the user did not connect).
 */
import * as vscode from 'vscode';
import type { RecordKind } from '../../shared/protocol';
import { isCancellation } from '../command-runner';
import type { ConnectionService } from '../connection/connection-service';
import { chooseCsvFiles } from './choose-files';
import { ensureConnected } from './ensure-connected';
import { decodeImportArgs } from './import-args';
import { COMMANDS } from '../ids';
import { type ImportDeps, type ImportOutcome, importFile } from './import-flow';

export interface ImportCommandServices extends ImportDeps {
  readonly connection: ConnectionService;
}

export function registerImportCommands(services: ImportCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    services.runner.register(COMMANDS.import.contacts, (...args: unknown[]) => runImport(services, 'contacts', args)),
    services.runner.register(COMMANDS.import.companies, (...args: unknown[]) => runImport(services, 'companies', args)),
  );
}

async function runImport(services: ImportCommandServices, kind: RecordKind, args: readonly unknown[]): Promise<ImportOutcome[] | undefined> {
  const options = decodeImportArgs(args);
  const files = options.files.length > 0 ? options.files : await chooseCsvFiles(kind, options.interactive);
  if (files.length === 0) {
    if (options.interactive) return undefined;
    throw new Error('No CSV file given: pass { file: uri } or open a CSV editor.');
  }
  const connected = await ensureConnected(services.connection, options.interactive);
  if (connected === undefined) return undefined;
  const { client, connection } = connected;
  const command = COMMANDS.import[kind];
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push(await importFile(services, client, connection, kind, file, options));
    } catch (error) {
      if (isCancellation(error)) {
        services.log.info(`${command}: cancelled at ${file.fsPath}; nothing was started for it.`);
        outcomes.push({ file: file.fsPath, cancelled: true });
        break;
      }
      const reported = services.runner.report(command, error);
      outcomes.push({ file: file.fsPath, error: reported?.message ?? String(error) });
    }
  }
  return outcomes;
}
