/**
 * Maps a job to its tree item: stable id, codicon by state, progress or duration as the
 * description, counts and times in a Markdown tooltip, and a contextValue the menus
 * match on: `job:<kind>:<status>` followed by flags, e.g. `job:import:partial:source:errors`.
 *   flags: `source` (import with a source CSV), `errors` (rows refused),
 *          `files` (export with result files), `downloaded`, `elsewhere` (other connection).
 */
import * as vscode from 'vscode';
import { type Job, type JobConnection, describeCounts, describeJob, isJobActive, statusLabel } from '../../core/jobs';
import { formatCount } from '../../shared/format';
import { countMismatch, describeRecordCount, expectedCountOf } from '../../core/export/export-count';

export function jobContextValue(job: Job, current: JobConnection | undefined): string {
  const flags: string[] = [];
  if (job.sourcePath) flags.push('source');
  if (job.rowErrors.length > 0 || (job.counts?.errors ?? 0) > 0) flags.push('errors');
  if (job.files.length > 0) flags.push('files');
  if (job.downloads.length > 0) flags.push('downloaded');
  if (job.connection !== current) flags.push('elsewhere');
  return ['job', job.kind, job.status, ...flags].join(':');
}

export function jobIcon(job: Job): vscode.ThemeIcon {
  if (isJobActive(job)) {
    // A running job with a message is stuck (sign-in needed, server unreachable).
    return job.message ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('loading~spin');
  }
  switch (job.status) {
    case 'done':
      return new vscode.ThemeIcon('check', new vscode.ThemeColor('testing.iconPassed'));
    case 'partial':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'cancelled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    case 'gone':
      return new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
    default:
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
}

export function jobTreeItem(job: Job, current: JobConnection | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(job.label, vscode.TreeItemCollapsibleState.None);
  item.id = job.id;
  item.iconPath = jobIcon(job);
  const where = job.connection === 'sandbox' && current !== 'sandbox' ? ' · sandbox' : '';
  const lastDownload = job.downloads[job.downloads.length - 1];
  const saved = lastDownload === undefined ? '' : ` · ${vscode.workspace.asRelativePath(lastDownload)}`;
  item.description = `${describeJob(job)}${where}${saved}`;
  item.tooltip = jobTooltip(job);
  item.contextValue = jobContextValue(job, current);
  item.accessibilityInformation = { label: `${job.kind} ${job.label}, ${item.description}` };
  return item;
}

export function jobTooltip(job: Job): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  md.appendMarkdown(`**${job.kind === 'import' ? 'Import' : 'Export'} of ${job.entity}** — `);
  md.appendText(job.label);
  md.appendMarkdown('\n\n');
  const lines: string[] = [`Status: ${statusLabel(job)}`];
  if (job.progress) lines.push(`Progress: ${formatCount(job.progress.done)}${job.progress.total !== undefined ? ` / ${formatCount(job.progress.total)}` : ''}`);
  const counts = describeCounts(job);
  if (counts) lines.push(`Counts: ${counts}`);
  const expected = expectedCountOf(job);
  if (expected !== undefined) lines.push(`Expected when started: ${describeRecordCount(expected, job.entity)}`);
  const mismatch = countMismatch(job);
  if (mismatch) lines.push(`⚠ ${mismatch}`);
  lines.push(`Started: ${new Date(job.createdAt).toLocaleString()}`);
  if (job.finishedAt !== undefined) lines.push(`Finished: ${new Date(job.finishedAt).toLocaleString()}`);
  if (job.sourcePath) lines.push(`Source: ${job.sourcePath}`);
  if (job.files.length > 0) lines.push(`Files: ${job.files.join(', ')}`);
  if (job.downloads.length > 0) lines.push(`Downloaded to: ${job.downloads.join(', ')}`);
  lines.push(`${job.connection === 'sandbox' ? 'Sandbox' : 'GetSales'} uuid: ${job.remoteUuid}`);
  if (job.message) lines.push(`⚠ ${job.message}`);
  // Text, not Markdown: file names and server messages must not render as links or HTML.
  for (const line of lines) {
    md.appendText(line);
    md.appendMarkdown('  \n');
  }
  return md;
}
