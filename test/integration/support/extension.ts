// The extension under test as the extension host sees it, and what its manifest
// contributes (decoded, since `packageJSON` is untyped).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'getsales-csv.getsales-csv';

export function extensionUnderTest(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (extension === undefined) throw new Error(`Extension ${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository root?`);
  return extension;
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = extensionUnderTest();
  await extension.activate();
  return extension;
}

/** `contributes.commands[].command`. */
export function contributedCommands(extension: vscode.Extension<unknown>): string[] {
  return records(contributes(extension).commands).map((entry) => entry.command).filter(isString);
}

/** `contributes.views.<container>[].id`. */
export function contributedViews(extension: vscode.Extension<unknown>): string[] {
  const views = contributes(extension).views;
  if (typeof views !== 'object' || views === null) return [];
  return Object.values(views).flatMap((list) => records(list).map((entry) => entry.id).filter(isString));
}

function contributes(extension: vscode.Extension<unknown>): Record<string, unknown> {
  const manifest: unknown = extension.packageJSON;
  const value = typeof manifest === 'object' && manifest !== null ? (manifest as Record<string, unknown>).contributes : undefined;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
