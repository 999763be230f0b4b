/**
 * "Show in Problems": a mapping's row problems as diagnostics on the CSV's lines, in one
 * DiagnosticCollection named "GetSales". A file's entries go when the file is edited
 * (the line numbers would drift) or when a new check replaces them.
 */
import * as vscode from 'vscode';
import type { RowIssue, ValidationReport } from '../../core/csv';

// Diagnostics cover the whole line; the editor clamps the end to the line's length.
const LINE_END = 100_000;

function severityOf(issue: RowIssue): vscode.DiagnosticSeverity {
  return issue.code === 'missing-identifier' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
}

function diagnosticOf(issue: RowIssue): vscode.Diagnostic {
  const line = Math.max(0, issue.line - 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, LINE_END), issue.message, severityOf(issue));
  diagnostic.source = 'GetSales';
  diagnostic.code = issue.code;
  return diagnostic;
}

export class ImportDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('GetSales');
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && this.collection.has(event.document.uri)) this.collection.delete(event.document.uri);
    });
  }

  /** Replaces the file's diagnostics with the report's issues; returns how many were set. */
  show(uri: vscode.Uri, report: ValidationReport, headerLine: number): number {
    const diagnostics = report.issues.map(diagnosticOf);
    if (report.truncated) {
      const line = Math.max(0, headerLine - 1);
      const more = new vscode.Diagnostic(
        new vscode.Range(line, 0, line, LINE_END),
        `Only the first ${report.issues.length.toLocaleString('en-US')} row problems are listed; the file has more (${report.rowsWithIssues.toLocaleString('en-US')} rows with problems).`,
        vscode.DiagnosticSeverity.Information,
      );
      more.source = 'GetSales';
      diagnostics.push(more);
    }
    this.collection.set(uri, diagnostics);
    return diagnostics.length;
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
