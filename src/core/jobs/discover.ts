/**
 * "Refresh All" also shows imports started elsewhere (the web app, a colleague's script):
 * the most recent imports from the API's list are added to the store when missing.
 */
import { recordKindOfImport } from '../../shared/vocabulary';
import type { FileImport, ListImportsQuery, Page } from '../api/models';
import { type JobConnection, jobId } from './job';
import type { JobStore } from './job-store';
import { importPatch } from './remote-state';

export interface ImportLister {
  listImports(query?: ListImportsQuery, signal?: AbortSignal): Promise<Page<FileImport>>;
}

export const RECENT_IMPORTS_LIMIT = 20;

/** Adds recent imports the store does not know yet; returns how many were added. */
export async function discoverRecentImports(store: JobStore, lister: ImportLister, connection: JobConnection, signal?: AbortSignal): Promise<number> {
  const page = await lister.listImports({ limit: RECENT_IMPORTS_LIMIT }, signal);
  let added = 0;
  for (const remote of page.items) {
    if (store.get(jobId('import', remote.uuid))) continue;
    // An upload that was never started is a mapping someone abandoned, not a job.
    if (remote.status === 'not_started') continue;
    const createdAt = Date.parse(remote.createdAt);
    store.addImport({
      entity: recordKindOfImport(remote.type),
      connection,
      remoteUuid: remote.uuid,
      label: remote.fileName ?? `Import ${remote.uuid.slice(0, 8)}`,
      discovered: true,
      createdAt: Number.isFinite(createdAt) ? createdAt : undefined,
      state: importPatch(remote, remote.metrics),
    });
    added += 1;
  }
  return added;
}
