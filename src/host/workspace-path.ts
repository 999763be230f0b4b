/** Where a local path stands in the workspace, for the Explorer and file watchers. */
import { isAbsolute, relative } from 'node:path';
import * as vscode from 'vscode';

/** The workspace folder holding `path` (strictly inside it) and the path relative to it; undefined outside every folder. */
export function workspaceFolderOf(path: string): { readonly folder: vscode.WorkspaceFolder; readonly relativePath: string } | undefined {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const relativePath = relative(folder.uri.fsPath, path);
    if (relativePath !== '' && !relativePath.startsWith('..') && !isAbsolute(relativePath)) return { folder, relativePath };
  }
  return undefined;
}
