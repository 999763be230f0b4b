/**
 * "The CSV in the active editor", for import and export alike: VS Code's csv language, or
 * a .csv name (without a CSV extension installed the language is plain text).
 */
import * as vscode from 'vscode';

export function activeCsvDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined) return undefined;
  return document.languageId === 'csv' || /\.csv$/i.test(document.uri.path) ? document : undefined;
}
