/**
 * "The CSV in the active editor", for import and export alike: VS Code's csv language, or
 * a .csv name (without a CSV extension installed the language is plain text). And the
 * documents the import works on, as the editor menus' `when` clauses put it
 * (`resourceExtname =~ /^\.csv$/i && resourceScheme == file`).
 */
import * as vscode from 'vscode';

export function activeCsvDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined) return undefined;
  return document.languageId === 'csv' || /\.csv$/i.test(document.uri.path) ? document : undefined;
}

/** Files on this machine named *.csv, in any case, whatever their language. */
export const IMPORTABLE_CSV_SELECTOR: vscode.DocumentSelector = { scheme: 'file', pattern: '**/*.[cC][sS][vV]' };
