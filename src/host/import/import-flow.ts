/**
 * One file's import: pre-flight → upload → either the mapping screen (interactive) or,
 * for scripted callers, a direct start with the given or proposed mapping. Nothing is
 * started on GetSales before the mapping passes the rules.
 *
 * A file over the upload limit is offered "Import in N parts" (scripted callers get it
 * unless they pass `parts: false`): the mapping is made once, on the first part (the
 * file's own headers), and serves every part; Start makes one parent job whose parts the
 * PartsRunner uploads and imports one after another.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { GetSalesClient } from '../../core/api';
import { type MappingMemory, proposeMapping } from '../../core/mapping';
import type { Job, JobConnection, JobStore } from '../../core/jobs';
import type { ColumnMapping, FileReading, RecordKind, MappingModel, MappingReview, TargetState } from '../../shared/protocol';
import { UserError } from '../../core/user-error';
import { importBlocker } from '../../shared/import-blocker';
import type { CommandRunner } from '../command-runner';
import type { Log } from '../log';
import { fetchAllLists, fetchAllTags } from '../../core/api/account-lists';
import type { ImportOptions } from './import-args';
import type { ImportDiagnostics } from './import-diagnostics';
import { type ImportScreenContext, importScreenCallbacks } from './mapping-screen/import-screen';
import { type UploadFacts, buildMappingModel, describeDialect, importColumns, resolveMapping } from '../../core/import/mapping-screen/mapping-model';
import type { PreparedFile } from '../../core/import/preflight';
import { MappingReviewer } from '../../core/import/mapping-screen/mapping-reviewer';
import { MappingPanel } from './mapping-screen/mapping-panel';
import type { ModalQuestions } from '../modal-questions';
import { startImportAsking } from './import-again';
import { type PreparedParts, removePartsFolder } from '../../core/import/parts/part-files';
import type { PartsRunner } from '../../core/import/parts/parts-runner';
import { startParts } from '../../core/import/parts/start-parts';
import { type PartsChoice, prepareAndUpload } from './upload-file';

export interface ImportDeps {
  readonly store: JobStore;
  readonly memory: MappingMemory;
  readonly diagnostics: ImportDiagnostics;
  readonly log: Log;
  /** The mapping screen reports its failures through it, like every command. */
  readonly runner: CommandRunner;
  readonly extensionUri: vscode.Uri;
  /** Asks before importing identical content again. */
  readonly questions: ModalQuestions;
  /** The current connection's key, kept on each import job (ConnectionService.connectionKey). */
  readonly connectionKey: () => Promise<string | undefined>;
  readonly parts: PartsRunner;
  /** Where part files are kept (the extension's storage). */
  readonly partsRoot: string;
}

/** What one file's import came to (the command returns one per file). */
export interface ImportOutcome {
  readonly file: string;
  /** The upload's uuid on GetSales, once uploaded. */
  readonly importUuid?: string;
  /** True when the mapping screen opened for the file. */
  readonly screen?: boolean;
  /** Scripted imports: the job started, and the review of the mapping used. */
  readonly job?: Job;
  readonly review?: MappingReview;
  /** Scripted imports with `showProblems`: diagnostics put on the file. */
  readonly diagnostics?: number;
  /** Why this file was not imported (already shown to the user). */
  readonly error?: string;
  readonly cancelled?: boolean;
  /** Not imported because the user kept this earlier import of identical content (its job id). */
  readonly keptImport?: string;
}

function initialTarget(kind: RecordKind, options: ImportOptions): TargetState {
  return kind === 'contacts'
    ? { kind, listUuid: options.listUuid ?? null, tags: options.tags ?? [], updateExisting: options.updateExisting ?? true }
    : { kind, listUuids: options.listUuids ?? (options.listUuid !== undefined ? [options.listUuid] : []), tags: options.tags ?? [] };
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The question before a file goes up in parts: nothing has been sent yet. */
async function askParts(offer: string, count: number): Promise<boolean> {
  const answer = `Import in ${count} Parts`;
  const picked = await vscode.window.showWarningMessage(offer, {
    modal: true,
    detail: 'Each part is whole rows under the limit, with the header row. You map the columns once; the parts are uploaded and imported one after another and show as one job in the Jobs view, where Cancel stops the parts not yet started. Nothing has been sent yet.',
  }, answer);
  return picked === answer;
}

function partsChoice(deps: ImportDeps, options: Pick<ImportOptions, 'parts' | 'interactive'>): PartsChoice | undefined {
  if (!options.parts) return undefined;
  return { root: deps.partsRoot, confirm: options.interactive ? askParts : async () => true };
}

export async function importFile(deps: ImportDeps, client: GetSalesClient, connection: JobConnection, kind: RecordKind, uri: vscode.Uri, options: ImportOptions): Promise<ImportOutcome> {
  if (uri.scheme !== 'file') throw new UserError(`Only files on this machine can be imported (${uri.toString(true)} is not).`, []);
  const path = uri.fsPath;
  const { prepared, upload, parts } = await prepareAndUpload(client, path, kind, options.signal, undefined, partsChoice(deps, options));
  // Until an import starts with them (or the screen that shows them closes), the parts are this call's to remove.
  let handedOver = false;
  try {
    return await importUploaded(deps, client, connection, kind, uri, options, { prepared, upload, parts }, () => {
      handedOver = true;
    });
  } finally {
    if (parts !== undefined && !handedOver) await removePartsFolder(parts.folder).catch(() => undefined);
  }
}

async function importUploaded(
  deps: ImportDeps, client: GetSalesClient, connection: JobConnection, kind: RecordKind, uri: vscode.Uri, options: ImportOptions,
  { prepared, upload, parts }: { prepared: PreparedFile; upload: UploadFacts; parts: PreparedParts | undefined }, handOver: () => void,
): Promise<ImportOutcome> {
  const path = uri.fsPath;
  const headers = importColumns(prepared, upload);
  const inParts = parts === undefined ? '' : ` in ${parts.parts.length} parts (the first one uploaded)`;
  deps.log.info(`Import: uploaded ${basename(path)}${inParts} (${describeDialect(prepared)}, ${prepared.fullPass.rowCount} rows) as ${upload.uuid}`);
  if (headers.length !== prepared.fullPass.headers.length) {
    deps.log.warn(`Import: GetSales sees ${headers.length} columns in ${basename(path)}, pre-flight saw ${prepared.fullPass.headers.length}; the mapping follows GetSales.`);
  }
  const reviewer = new MappingReviewer(path, prepared.fullPass.dialect, kind, headers);
  const requested: ColumnMapping | undefined = options.mapping === undefined ? undefined : resolveMapping(kind, headers, options.mapping);
  const remembered = deps.memory.recall(kind, headers);
  const target = initialTarget(kind, options);
  const screenContext = {
    client, connection, store: deps.store, memory: deps.memory, diagnostics: deps.diagnostics, runner: deps.runner, reviewer,
    kind, uri, importUuid: upload.uuid, headers, dialect: prepared.fullPass.dialect, headerLine: prepared.fullPass.headerLine,
    contentHash: prepared.fullPass.contentHash, again: deps,
    parts, partsRunner: deps.parts,
  };

  if (!options.interactive) {
    try {
      const previewRows = prepared.firstView.previewRows.map((row) => row.cells);
      const mapping = requested ?? proposeMapping({ kind, headers, previewRows, serverMatches: upload.matches, remembered }).mapping;
      const { review, report } = await reviewer.reviewWithReport(mapping);
      const diagnostics = options.showProblems ? deps.diagnostics.show(uri, report, prepared.fullPass.headerLine) : undefined;
      const blocker = importBlocker(review, target);
      if (blocker !== null) throw new UserError(`${basename(path)} was not imported: ${asSentence(blocker)} Nothing was started on GetSales.`, []);
      const input = {
        kind, importUuid: upload.uuid, sourcePath: path, label: basename(path), connection,
        headers, dialect: prepared.fullPass.dialect, mapping, target, contentHash: prepared.fullPass.contentHash,
      };
      const start = await startImportAsking(deps, client, input, options.askIfImportedBefore, options.signal, parts === undefined ? undefined : async (keyed) => {
        const job = await startParts(client, deps.store, { ...keyed, parts }, options.signal);
        handOver();
        deps.parts.follow(job.id);
        return job;
      });
      if ('kept' in start) return { file: path, importUuid: upload.uuid, cancelled: true, keptImport: start.kept.id, review };
      if (options.saveMapping === true) await deps.memory.remember(kind, headers, mapping);
      return { file: path, importUuid: upload.uuid, job: start.started, review, ...(diagnostics === undefined ? {} : { diagnostics }) };
    } finally {
      reviewer.dispose();
    }
  }

  const lists = await fetchAllLists(client, options.signal);
  const tags = await fetchAllTags(client, options.signal, (line) => deps.log.info(line));
  const model = buildMappingModel({
    fileUri: uri.toString(), kind, prepared, upload, lists, tags, remembered, requested, target,
    saveMapping: options.saveMapping ?? remembered === undefined,
    ...(parts === undefined ? {} : { parts }),
  });
  const callbacks = importScreenCallbacks(screenContext, (reading) => rereadForScreen(deps, client, connection, kind, uri, reading, model));
  const panel = MappingPanel.open(model, callbacks, {
    extensionUri: deps.extensionUri,
    log: (line) => deps.log.info(line),
  });
  // The screen holds the parts from here: it removes them if it closes before Start.
  handOver();
  panel.onDidDispose(() => callbacks.dispose());
  return { file: path, importUuid: upload.uuid, screen: true };
}

/** The screen's context and model for one upload of the file (a first one, or one read another way). */
export function screenForUpload(
  deps: ImportDeps, client: GetSalesClient, connection: JobConnection, kind: RecordKind, uri: vscode.Uri,
  prepared: PreparedFile, upload: UploadFacts, parts: PreparedParts | undefined,
  model: Omit<Parameters<typeof buildMappingModel>[0], 'fileUri' | 'kind' | 'prepared' | 'upload' | 'remembered' | 'requested' | 'parts'>,
): { context: ImportScreenContext; model: MappingModel } {
  const headers = importColumns(prepared, upload);
  const reviewer = new MappingReviewer(uri.fsPath, prepared.fullPass.dialect, kind, headers);
  return {
    context: {
      client, connection, store: deps.store, memory: deps.memory, diagnostics: deps.diagnostics, runner: deps.runner, reviewer,
      kind, uri, importUuid: upload.uuid, headers, dialect: prepared.fullPass.dialect, headerLine: prepared.fullPass.headerLine,
      contentHash: prepared.fullPass.contentHash, again: deps,
      parts, partsRunner: deps.parts,
    },
    model: buildMappingModel({ ...model, fileUri: uri.toString(), kind, prepared, upload, remembered: deps.memory.recall(kind, headers), requested: undefined, ...(parts === undefined ? {} : { parts }) }),
  };
}

/**
 * "Encoding" or "Neutralise" changed on the screen: read the file again that way and upload
 * it again (cut into parts again, without asking twice, when it is over the limit).
 */
export async function rereadForScreen(deps: ImportDeps, client: GetSalesClient, connection: JobConnection, kind: RecordKind, uri: vscode.Uri, reading: FileReading, current: Pick<MappingModel, 'lists' | 'tags' | 'target' | 'saveMapping'>): Promise<{ context: ImportScreenContext; model: MappingModel }> {
  const { prepared, upload, parts } = await prepareAndUpload(client, uri.fsPath, kind, undefined, reading, { root: deps.partsRoot, confirm: async () => true });
  deps.log.info(`Import: read ${basename(uri.fsPath)} again as ${describeDialect(prepared)}${reading.neutraliseFormulas ? ', formulas neutralised' : ''}; uploaded as ${upload.uuid}`);
  return screenForUpload(deps, client, connection, kind, uri, prepared, upload, parts, { lists: current.lists, tags: current.tags, target: current.target, saveMapping: current.saveMapping, reading });
}
