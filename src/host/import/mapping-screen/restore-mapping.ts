/**
 * Rebuilds a mapping screen after a window reload from the state the webview saved: the
 * file is read again, the upload is asked for again (its headers and matches), the lists
 * are fetched, and the import's job (if it was started) is found in the store. When that
 * cannot work (file gone, not connected, upload gone), the user is told and the tab closes.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { NotFoundError } from '../../../core/api';
import { jobId } from '../../../core/jobs';
import type { ColumnMapping, WebviewState } from '../../../shared/protocol';
import type { Connected, ConnectionService } from '../../connection/connection-service';
import { fetchAllLists, fetchAllTags } from '../../../core/api/account-lists';
import { type ImportDeps, rereadForScreen } from '../import-flow';
import { importScreenCallbacks } from './import-screen';
import { jobProgressOf } from './job-progress';
import { type UploadFacts, buildMappingModel, importColumns } from '../../../core/import/mapping-screen/mapping-model';
import { MappingReviewer } from '../../../core/import/mapping-screen/mapping-reviewer';
import type { RestoredMapping } from './mapping-panel-serializer';
import { prepareFile } from '../../../core/import/preflight';
import { type PreparedParts, splitPreparedFile } from '../../../core/import/parts/part-files';
import { COMMANDS } from '../../ids';

const CONNECT_WAIT_MS = 5_000;

/** The connection is restored during activation; a tab may ask a moment before. */
async function connectedSoon(connection: ConnectionService): Promise<Connected | undefined> {
  const now = connection.connected();
  if (now !== undefined) return now;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(connection.connected());
    }, CONNECT_WAIT_MS);
    const subscription = connection.onDidChange(() => {
      const connected = connection.connected();
      if (connected === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(connected);
    });
  });
}

export async function restoreMappingScreen(deps: ImportDeps, connection: ConnectionService, state: WebviewState): Promise<RestoredMapping | undefined> {
  try {
    return await rebuild(deps, connection, state);
  } catch (error) {
    // Worded and logged like every command's error (a 401 offers Sign In); the tab closes.
    deps.runner.report(COMMANDS.import[state.restore.kind], error);
    return undefined;
  }
}

async function rebuild(deps: ImportDeps, connection: ConnectionService, state: WebviewState): Promise<RestoredMapping | undefined> {
  const { fileUri, kind, importUuid, reading, partsId } = state.restore;
  const uri = vscode.Uri.parse(fileUri);
  const name = basename(uri.fsPath);
  const tell = (why: string): undefined => {
    void vscode.window.showInformationMessage(`The import screen of ${name} was closed after the reload: ${why}`);
    return undefined;
  };
  if (uri.scheme !== 'file') return tell('it is not a file on this machine.');
  const connected = await connectedSoon(connection);
  if (connected === undefined) return tell('GetSales is not connected. Sign in and import the file again.');
  const { client } = connected;
  // A file in parts that was started shows its parent job; one not started yet is cut into parts again.
  const parentId = partsId === undefined ? undefined : jobId('import', partsId);
  const job = (parentId === undefined ? undefined : deps.store.get(parentId)) ?? deps.store.get(jobId('import', importUuid));

  let upload: UploadFacts | undefined;
  try {
    upload = await client.getImport(importUuid);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    if (job === undefined) return tell('GetSales no longer has the upload. Import the file again.');
  }
  const prepared = await prepareFile(uri.fsPath, { encoding: reading?.encoding, neutraliseFormulas: reading?.neutraliseFormulas, allowParts: partsId !== undefined });
  let parts: PreparedParts | undefined;
  try {
    if (partsId !== undefined && prepared.needsParts && job === undefined) parts = await splitPreparedFile(prepared, { root: deps.partsRoot, id: partsId });
  } finally {
    // Only the facts (and the parts) are needed again; the upload copy is not.
    await prepared.fullPass.dispose();
  }
  const facts: UploadFacts = upload ?? { uuid: importUuid, csvHeaders: prepared.fullPass.headers, matches: {} };
  const headers = importColumns(prepared, facts);
  const reviewer = new MappingReviewer(uri.fsPath, prepared.fullPass.dialect, kind, headers);
  const lists = await fetchAllLists(client).catch(() => []);
  const tags = await fetchAllTags(client, undefined, (line) => deps.log.info(line));
  const saved: ColumnMapping = state.mapping;
  const model = buildMappingModel({
    fileUri, kind, prepared, upload: facts, lists, tags,
    remembered: deps.memory.recall(kind, headers),
    // The webview re-applies the saved edits itself; the saved mapping is the best prefill if it still fits.
    requested: saved.length === headers.length ? saved : undefined,
    target: state.target,
    saveMapping: state.saveMapping,
    reading,
    ...(parts === undefined ? {} : { parts }),
  });
  const callbacks = importScreenCallbacks({
    client,
    connection: connected.connection,
    store: deps.store, memory: deps.memory, diagnostics: deps.diagnostics, runner: deps.runner, reviewer,
    kind, uri, importUuid, headers, dialect: prepared.fullPass.dialect, headerLine: prepared.fullPass.headerLine,
    // Of the file as it is now: the upload itself was hashed before the reload, by a copy that is gone.
    contentHash: prepared.fullPass.contentHash, again: deps,
    parts, partsRunner: deps.parts,
  }, (next) => rereadForScreen(deps, client, connected.connection, kind, uri, next, model));
  return { model, callbacks, job: job === undefined ? null : jobProgressOf(job) };
}
