/**
 * Commands on import jobs (tree items, notifications, scripts; each takes a Job or a job id):
 *   getsales.import.showErrors(job | id, { open?: boolean })  writes the error report beside
 *     the source, opens it, offers "Import Fixed Rows" → the ErrorReport (rows: 0 when none is known)
 *   getsales.import.importFixedRows(job | id, { file?: Uri | string, interactive?: boolean })
 *     imports the (fixed) report with the job's mapping and target → the import command's outcomes
 *   getsales.import.openSource(job | id)  opens the CSV the import came from → its Uri
 *   getsales.import.cancelParts(job | id)  a file imported in parts: the parts not started yet
 *     will not start; the part GetSales is importing finishes → the StopOutcome
 * A file imported in parts answers for all its parts: Show Errors on it (or on one of its
 * parts) writes one report, on the source file's lines.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { readFirstView } from '../../core/csv';
import { type Job, type JobStore, isJobActive, partList, partRowErrors, partTitle } from '../../core/jobs';
import type { PartsRunner, StopOutcome } from '../../core/import/parts/parts-runner';
import { formatCount, plural } from '../../shared/format';
import { type CommandRunner } from '../command-runner';
import { UserError } from '../../core/user-error';
import { type JsonObject, boolean, nonEmptyString, object, optional } from '../../shared/decode';
import { ERROR_COLUMN, type ErrorReport, writeErrorReport } from '../../core/import/error-report';
import { type ImportJobData, readImportJobData } from '../../core/import/import-job-data';
import { COMMANDS } from '../ids';
import { jobFromArgument } from '../../core/jobs/job-argument';

export interface ImportJobCommandServices {
  readonly runner: CommandRunner;
  readonly store: JobStore;
  readonly parts: PartsRunner;
}

const IMPORT_FIXED_ROWS = 'Import Fixed Rows';

/** A part answers through its parent, which holds the mapping and sums the parts. */
function wholeImport(store: JobStore, job: Job): Job {
  return job.parentId === undefined ? job : (store.get(job.parentId) ?? job);
}

export function registerImportJobCommands(services: ImportJobCommandServices): vscode.Disposable {
  const { runner, store } = services;
  return vscode.Disposable.from(
    runner.register(COMMANDS.import.showErrors, (arg: unknown, options: unknown) => showErrors(store, wholeImport(store, jobFromArgument(store, arg, 'import')), optional(optional(options, 'options', object, {}).open, 'options.open', boolean, true))),
    runner.register(COMMANDS.import.cancelParts, (arg: unknown) => cancelParts(services.parts, wholeImport(store, jobFromArgument(store, arg, 'import')))),
    runner.register(COMMANDS.import.importFixedRows, (arg: unknown, options: unknown) => importFixedRows(jobFromArgument(store, arg, 'import'), options)),
    runner.register(COMMANDS.import.openSource, async (arg: unknown) => {
      const uri = vscode.Uri.file(await existingSource(jobFromArgument(store, arg, 'import')));
      await vscode.commands.executeCommand('vscode.open', uri);
      return uri;
    }),
  );
}


async function existingSource(job: Job): Promise<string> {
  const source = job.sourcePath;
  if (source === undefined) throw new UserError(`The source file of ${job.label} is unknown (the import was started elsewhere).`, []);
  try {
    await fs.access(source);
  } catch {
    throw new UserError(`${source} is no longer there; it was moved or deleted after the import.`, []);
  }
  return source;
}

function jobData(job: Job): ImportJobData {
  const data = readImportJobData(job);
  if (data === undefined) throw new UserError(`The mapping of ${job.label} is unknown (the import was started elsewhere or by an older version), so its rows cannot be matched. Import the CSV again.`, []);
  return data;
}

async function showErrors(store: JobStore, job: Job, open: boolean): Promise<ErrorReport> {
  if (isJobActive(job)) throw new UserError(`${job.label} is still running; its errors are known once it ends.`, []);
  const data = jobData(job);
  const sourcePath = await existingSource(job);
  const report = await writeErrorReport({
    sourcePath,
    dialect: { encoding: data.encoding, delimiter: data.delimiter, sepLine: data.sepLine },
    kind: job.entity,
    mapping: data.mapping,
    // Every part's rows (the parent keeps only the first ones), on the source file's lines.
    serverErrors: job.parts === undefined ? job.rowErrors : partRowErrors(job, (id) => store.get(id)),
  });
  if (report.rows === 0) {
    void vscode.window.showInformationMessage(`GetSales listed no rejected rows for ${job.label}, and every row has an identifier: there is nothing to report.`);
    return report;
  }
  store.patch(job.id, { data: { errorReport: report.path } });
  if (open) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(report.path), { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const refused = job.counts?.errors ?? 0;
  const partial = refused > report.serverRows + report.preflightRows
    ? ` GetSales refused ${formatCount(refused)} rows but listed only ${formatCount(report.serverRows)}; the others are not in the report.`
    : '';
  const message = `Wrote ${plural(report.rows, 'rejected row')} of ${job.label} to ${basename(report.path)}, each with its error.${partial} Fix them, save, then import them with the same mapping.`;
  void vscode.window.showWarningMessage(message, IMPORT_FIXED_ROWS).then((picked) => {
    if (picked === IMPORT_FIXED_ROWS) void vscode.commands.executeCommand(COMMANDS.import.importFixedRows, job.id);
  });
  return report;
}

function cancelParts(parts: PartsRunner, job: Job): StopOutcome {
  if (job.parts === undefined) throw new UserError(`${job.label} is one file, not an import in parts; it runs on GetSales until it ends.`, []);
  const outcome = parts.stop(job.id);
  const stopped = outcome.waiting.length === 0 ? 'no part was left to start' : `${partList(outcome.waiting)} will not be imported`;
  const running = outcome.running === undefined
    ? ''
    : ` ${partTitle(outcome.running, job.parts.parts.length)} is already importing on GetSales and finishes: GetSales cannot stop an import once it has started.`;
  const later = outcome.waiting.length === 0 ? '' : ' Retry imports the cancelled parts later.';
  void vscode.window.showInformationMessage(`Cancelled the rest of ${job.label}: ${stopped}.${running}${later}`);
  return outcome;
}

function fileOption(options: JsonObject): string | undefined {
  return options.file instanceof vscode.Uri ? options.file.fsPath : optional(options.file, 'options.file', nonEmptyString);
}

async function importFixedRows(job: Job, options: unknown): Promise<unknown> {
  const data = jobData(job);
  const given = optional(options, 'options', object, {});
  const file = fileOption(given) ?? data.errorReport;
  if (file === undefined) throw new UserError(`Run "Show Errors" on ${job.label} first: it writes the rows to fix.`, []);
  const view = await readFirstView(file).catch(() => undefined);
  if (view === undefined) throw new UserError(`${file} is no longer there; run "Show Errors" again.`, []);
  // The report has the job's columns plus `error`; a file without that column is used as it is.
  const hasErrorColumn = view.headers.length === data.mapping.length + 1 && view.headers[view.headers.length - 1]?.trim() === ERROR_COLUMN;
  if (!hasErrorColumn && view.headers.length !== data.mapping.length) {
    throw new UserError(`${basename(file)} has ${view.headers.length} columns, but ${job.label} had ${data.mapping.length}: the same mapping cannot apply. Import it as a new file instead.`, []);
  }
  const mapping = hasErrorColumn ? [...data.mapping, null] : [...data.mapping];
  return vscode.commands.executeCommand(COMMANDS.import[job.entity], {
    file: vscode.Uri.file(file),
    mapping,
    ...(data.target.listUuid === undefined ? {} : { listUuid: data.target.listUuid }),
    listUuids: data.target.listUuids,
    tags: data.target.tags,
    updateExisting: data.target.updateExisting,
    interactive: optional(given.interactive, 'options.interactive', boolean, true),
  });
}
