/**
 * Starting exports. Every command runs through the shared CommandRunner and returns the
 * new Job (undefined when the user backed out).
 *
 *   getsales.exportContacts(args?) / getsales.exportCompanies(args?)
 *     args: { filter?: ExportFilter, label?: string, csv?: Uri | string, interactive?: boolean }
 *       filter       start this export at once, no questions (e.g. { kind: 'list', listUuid })
 *       csv          export the records named in this CSV's uuid column
 *       interactive  false: never show a picker (a missing filter is an error)
 *     A Uri as the argument (menus) means { csv: uri }. With nothing, the filter picker opens.
 *   getsales.exportContactsFromCsv(uri?)  Explorer menu: the uuid column of that CSV
 *     (or of the active CSV editor), re-exported to refresh it.
 * Every export asks GetSales for its record count alongside the start (best effort) and
 * keeps it on the job as `data.expectedCount` for the tooltip.
 */
import * as vscode from 'vscode';
import { boolean, nonEmptyString, object, optional, string } from '../../shared/decode';
import type { RecordKind } from '../../shared/vocabulary';
import type { ExportFilter, GetSalesClient } from '../../core/api';
import type { Job, JobStore } from '../../core/jobs';
import { type CommandRunner } from '../command-runner';
import { UserError } from '../../core/user-error';
import type { ConnectionService } from '../connection/connection-service';
import { COMMANDS, FOCUS_JOBS_VIEW } from '../ids';
import { decodeExportFilter, describeExportFilter } from '../../core/export/export-filter';
import { type PickedExport, pickExportFilter } from './filter-picker';
import { startExport } from '../../core/export/start-export';
import { countExport } from '../../core/export/export-count';
import type { Log } from '../log';
import { type UuidSource, activeCsvEditor, fileSource, uuidsFrom } from './uuid-sources';

export interface ExportCommandServices {
  readonly runner: CommandRunner;
  readonly connection: ConnectionService;
  readonly store: JobStore;
  readonly log: Pick<Log, 'info'>;
}

interface ExportArgs {
  readonly filter: ExportFilter | undefined;
  readonly label: string | undefined;
  readonly csv: vscode.Uri | undefined;
  readonly interactive: boolean;
}

export function registerExportCommands(services: ExportCommandServices): vscode.Disposable {
  const { runner } = services;
  return vscode.Disposable.from(
    runner.register(COMMANDS.export.contacts, (arg: unknown) => runExport(services, 'contacts', decodeArgs(arg))),
    runner.register(COMMANDS.export.companies, (arg: unknown) => runExport(services, 'companies', decodeArgs(arg))),
    runner.register(COMMANDS.export.contactsFromCsv, (arg: unknown) => {
      const source = arg instanceof vscode.Uri ? fileSource(arg) : activeCsvEditor();
      if (!source) throw new UserError('Right-click a CSV file with a uuid column in the Explorer, or open one, then run “Export these Contacts from GetSales”.', []);
      return exportFromSource(services, 'contacts', source, true);
    }),
  );
}

async function runExport(services: ExportCommandServices, entity: RecordKind, args: ExportArgs): Promise<Job | undefined> {
  if (args.filter) {
    return begin(services, entity, { filter: args.filter, label: args.label ?? describeExportFilter(args.filter, entity) }, args.interactive);
  }
  if (args.csv) return exportFromSource(services, entity, fileSource(args.csv), args.interactive);
  if (!args.interactive) throw new UserError('No export filter was given: pass { filter: { kind: "all" | "list" | "search" | "ids", … } }.', []);
  const client = services.connection.requireClient();
  const picked = await pickExportFilter(entity, client, (filter) => counted(services, client, entity, filter));
  return picked ? begin(services, entity, picked, true) : undefined;
}

async function exportFromSource(services: ExportCommandServices, entity: RecordKind, source: UuidSource, interactive: boolean): Promise<Job> {
  services.connection.requireClient(); // sign in first, before reading a large file
  const { ids, source: name } = await uuidsFrom(source);
  const filter: ExportFilter = { kind: 'ids', ids };
  return begin(services, entity, { filter, label: describeExportFilter(filter, entity, { source: name }) }, interactive);
}

async function begin(services: ExportCommandServices, entity: RecordKind, picked: PickedExport, interactive: boolean): Promise<Job> {
  const { client, connection } = services.connection.requireConnected();
  // Asked alongside the start, never before it: the count is a nicety, the export is not.
  const expected = picked.count ?? counted(services, client, entity, picked.filter);
  const job = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Starting the export of ${picked.label}…` },
    () => startExport(client, services.store, { entity, filter: picked.filter, label: picked.label, connection }),
  );
  void expected.then((count) => {
    if (count !== undefined) services.store.patch(job.id, { data: { expectedCount: count } });
  });
  // The export runs on GetSales; the Jobs view follows it and says when it is ready.
  if (interactive) void vscode.commands.executeCommand(FOCUS_JOBS_VIEW);
  return job;
}

function counted(services: ExportCommandServices, client: GetSalesClient, entity: RecordKind, filter: ExportFilter): Promise<number | undefined> {
  return countExport(client, entity, filter, (line) => services.log.info(line));
}

function decodeArgs(arg: unknown): ExportArgs {
  if (arg instanceof vscode.Uri) return { filter: undefined, label: undefined, csv: arg, interactive: true };
  if (typeof arg !== 'object' || arg === null) return { filter: undefined, label: undefined, csv: undefined, interactive: true };
  const record = object(arg, 'options');
  const csv = record.csv instanceof vscode.Uri ? record.csv : optional(record.csv, 'options.csv', nonEmptyString);
  return {
    filter: optional(record.filter, 'options.filter', decodeExportFilter),
    label: optional(record.label, 'options.label', string)?.trim() || undefined,
    csv: typeof csv === 'string' ? vscode.Uri.file(csv) : csv,
    interactive: optional(record.interactive, 'options.interactive', boolean, true),
  };
}
