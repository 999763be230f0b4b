/**
 * Where hand-picked UUIDs come from: the active CSV editor (its text as it stands), a CSV
 * file (Explorer selection or a file picker). Turns "no uuid column" and "no UUIDs" into
 * sentences that say what to do.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { UserError } from '../../core/user-error';
import { activeCsvDocument } from '../csv-editor';
import { type UuidColumn, readUuidColumnFromFile, readUuidColumnFromText } from '../../core/export/uuid-column';
import { messageOf } from '../../core/message-of';

export type UuidSource =
  | { readonly kind: 'file'; readonly uri: vscode.Uri; readonly name: string }
  | { readonly kind: 'editor'; readonly document: vscode.TextDocument; readonly name: string };

export function fileSource(uri: vscode.Uri): UuidSource {
  return { kind: 'file', uri, name: basename(uri.path) };
}

/** The active editor when it shows a CSV; its document may hold unsaved edits. */
export function activeCsvEditor(): UuidSource | undefined {
  const document = activeCsvDocument();
  return document === undefined ? undefined : { kind: 'editor', document, name: basename(document.uri.path) };
}

export async function pickCsvFile(): Promise<UuidSource | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Pick a CSV with a uuid column',
    canSelectMany: false,
    filters: { 'CSV files': ['csv'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Use its UUIDs',
  });
  const uri = picked?.[0];
  return uri ? fileSource(uri) : undefined;
}

async function readColumn(source: UuidSource): Promise<UuidColumn> {
  if (source.kind === 'editor') return readUuidColumnFromText(source.document.getText());
  if (source.uri.scheme === 'file') return readUuidColumnFromFile(source.uri.fsPath);
  // Files of virtual workspaces are small enough to read whole (the editor would too).
  return readUuidColumnFromText(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source.uri)));
}

/** The UUIDs of the source's `uuid` column; a UserError saying why when there are none. */
export async function uuidsFrom(source: UuidSource): Promise<{ ids: string[]; source: string }> {
  let column: UuidColumn;
  try {
    column = await readColumn(source);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot read ${source.name}: ${messageOf(error)}`);
  }
  if (!column.found) {
    throw new UserError(`${source.name} cannot say which records to export: ${column.reason}. Use a CSV exported from GetSales (exports start with a uuid column), or paste the UUIDs (Export Contacts… → Selected UUIDs…).`, []);
  }
  if (column.ids.length === 0) {
    const why = column.invalid > 0 ? `its ${column.invalid.toLocaleString('en-US')} uuid value(s) are not UUIDs` : 'the column is empty';
    throw new UserError(`${source.name} has a uuid column, but ${why}. Nothing was exported.`, []);
  }
  const skipped = column.invalid + column.empty;
  if (skipped > 0) {
    void vscode.window.showWarningMessage(`${source.name}: ${skipped.toLocaleString('en-US')} row(s) without a valid UUID were left out; exporting the other ${column.ids.length.toLocaleString('en-US')}.`);
  }
  return { ids: column.ids, source: source.name };
}
