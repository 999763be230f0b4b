/**
 * Maps a job to its tree item: stable id, codicon by state, progress or duration as the
 * description, counts and times in a Markdown tooltip, and a contextValue the menus
 * match on: `job:<kind>:<status>` followed by flags, e.g. `job:import:partial:source:errors`.
 *   flags: `parts` (a file imported in parts: the parent), `source` (import with a source
 *          CSV), `errors` (rows refused), `files` (export with result files), `downloaded`,
 *          `elsewhere` (other connection).
 * A part's job starts with `part:` instead, so the job menus (Show Errors, Retry, Remove)
 * stay on its parent, which acts for all its parts; a part not started yet is `waiting-part`.
 */
import * as vscode from 'vscode';
import { type Job, type JobConnection, describeCounts, describeJob, describeParts, isJobActive, statusLabel } from '../../core/jobs';
import { formatCount } from '../../shared/format';
import { countMismatch, describeRecordCount, expectedCountOf } from '../../core/export/export-count';

export function jobContextValue(job: Job, current: JobConnection | undefined): string {
  const flags: string[] = [];
  if (job.parts !== undefined) flags.push('parts');
  if (job.sourcePath) flags.push('source');
  if (job.rowErrors.length > 0 || (job.counts?.errors ?? 0) > 0) flags.push('errors');
  if (job.files.length > 0) flags.push('files');
  if (job.downloads.length > 0) flags.push('downloaded');
  if (job.connection !== current) flags.push('elsewhere');
  return [job.parentId === undefined ? 'job' : 'part', job.kind, job.status, ...flags].join(':');
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

/** `partName`: a part's job under its parent is named by its place ("Part 2 of 3"); its own label names the file too. */
export function jobTreeItem(job: Job, current: JobConnection | undefined, partName?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(partName ?? job.label, job.parts === undefined ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded);
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

const PART_ICONS = {
  waiting: new vscode.ThemeIcon('clock'),
  uploading: new vscode.ThemeIcon('loading~spin'),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
} as const;

/** A part that has no job of its own yet: waiting, being sent, or refused before GetSales started it. */
export function partTreeItem(parent: Job | undefined, index: number, name: string): vscode.TreeItem {
  const part = parent?.parts?.parts[index];
  const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
  item.id = `${parent?.id ?? 'orphan'}:part:${index + 1}`;
  item.contextValue = 'waiting-part';
  const state = part?.state ?? 'waiting';
  item.iconPath = state === 'failed' ? PART_ICONS.failed : state === 'uploading' ? PART_ICONS.uploading : PART_ICONS.waiting;
  const words = state === 'failed' ? 'failed' : state === 'uploading' ? 'uploading…' : parent?.parts?.stopped === true ? 'not started (cancelled)' : 'waiting';
  item.description = part === undefined ? words : `${words} · ${formatCount(part.rows)} rows`;
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendText(`${name} of ${parent?.label ?? 'an import'}: ${formatCount(part?.rows ?? 0)} rows from line ${formatCount(part?.firstLine ?? 0)}`);
  if (part?.error !== undefined) {
    tooltip.appendMarkdown('  \n');
    tooltip.appendText(`⚠ ${part.error}`);
  }
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: `${name}, ${item.description}` };
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
  // A file imported in parts is known only here: its parts carry the uuids.
  if (job.parts === undefined) lines.push(`${job.connection === 'sandbox' ? 'Sandbox' : 'GetSales'} uuid: ${job.remoteUuid}`);
  else lines.push(...describeParts(job));
  if (job.message) lines.push(`⚠ ${job.message}`);
  // Text, not Markdown: file names and server messages must not render as links or HTML.
  for (const line of lines) {
    md.appendText(line);
    md.appendMarkdown('  \n');
  }
  return md;
}
