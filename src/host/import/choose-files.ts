/**
 * Which CSV files an import command works on when none were given: the CSV in the active
 * editor, else the files the user picks (several at once: each is imported in turn).
 */
import * as vscode from 'vscode';
import { activeCsvDocument } from '../csv-editor';
import type { RecordKind } from '../../shared/protocol';

/** Only files on this machine can be uploaded. */
function activeCsvFile(): vscode.Uri | undefined {
  const document = activeCsvDocument();
  return document?.uri.scheme === 'file' ? document.uri : undefined;
}

export async function chooseCsvFiles(kind: RecordKind, interactive: boolean): Promise<vscode.Uri[]> {
  const active = activeCsvFile();
  if (active !== undefined) return [active];
  if (!interactive) return [];
  const picked = await vscode.window.showOpenDialog({
    title: `Import ${kind === 'contacts' ? 'Contacts' : 'Companies'} to GetSales`,
    canSelectMany: true,
    filters: { 'CSV files': ['csv'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Import',
  });
  return picked ?? [];
}
