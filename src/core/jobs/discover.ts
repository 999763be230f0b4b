/**
 * "Refresh Jobs" also shows jobs started elsewhere (the web app, a colleague's script) or
 * whose start answer was lost (a dropped connection, a timeout): the most recent imports
 * (data sources) and exports (mass actions) from the API's lists are added to the store
 * when missing.
 */
import { recordKindOfImport } from '../../shared/vocabulary';
import type { ExportJob, FileImport, ListImportsQuery, Page, PageQuery } from '../api/models';
import { type JobConnection, jobId } from './job';
import type { JobStore } from './job-store';
import { exportPatch, importPatch } from './remote-state';

export interface ImportLister {
  listImports(query?: ListImportsQuery, signal?: AbortSignal): Promise<Page<FileImport>>;
}

export interface ExportLister {
  listExports(query?: PageQuery, signal?: AbortSignal): Promise<Page<ExportJob>>;
}

export const RECENT_IMPORTS_LIMIT = 20;
export const RECENT_EXPORTS_LIMIT = 20;

/** Adds recent imports the store does not know yet; returns how many were added. */
export async function discoverRecentImports(store: JobStore, lister: ImportLister, connection: JobConnection, signal?: AbortSignal): Promise<number> {
  const page = await lister.listImports({ limit: RECENT_IMPORTS_LIMIT }, signal);
  // A part's attempt that a Retry replaced is history of its parent, not a job of its own.
  const replaced = new Set(store.all().flatMap((job) => job.parts?.parts.flatMap((part) => part.replaced) ?? []));
  let added = 0;
  for (const remote of page.items) {
    if (store.get(jobId('import', remote.uuid)) || replaced.has(remote.uuid)) continue;
    // An upload that was never started is a mapping someone abandoned, not a job.
    if (remote.status === 'not_started') continue;
    store.addImport({
      entity: recordKindOfImport(remote.type ?? 'csv_leads'),
      connection,
      remoteUuid: remote.uuid,
      label: remote.fileName ?? `Import ${remote.uuid.slice(0, 8)}`,
      discovered: true,
      createdAt: epochMs(remote.createdAt),
      state: importPatch(remote, remote.metrics),
    });
    added += 1;
  }
  return added;
}

/** Adds recent exports the store does not know yet; returns how many were added. */
export async function discoverRecentExports(store: JobStore, lister: ExportLister, connection: JobConnection, signal?: AbortSignal): Promise<number> {
  const page = await lister.listExports({ limit: RECENT_EXPORTS_LIMIT }, signal);
  let added = 0;
  for (const remote of page.items) {
    if (store.get(jobId('export', remote.uuid))) continue;
    const entity = remote.type === 'account_export_csv' ? 'companies' : 'contacts';
    store.addExport({
      entity,
      connection,
      remoteUuid: remote.uuid,
      label: `${entity === 'companies' ? 'Companies' : 'Contacts'} export ${remote.uuid.slice(0, 8)}`,
      discovered: true,
      createdAt: epochMs(remote.createdAt),
      state: exportPatch(remote),
    });
    added += 1;
  }
  return added;
}

function epochMs(iso: string | undefined): number | undefined {
  const parsed = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isFinite(parsed) ? parsed : undefined;
}
