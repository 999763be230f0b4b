import type * as vscode from 'vscode';

// Composition root: builds the services and registers them. Filled in by the host issues.
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
