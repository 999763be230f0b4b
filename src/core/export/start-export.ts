/**
 * Starts an export on GetSales and records it in the job store, where the poller follows
 * it to `done` and the Jobs view shows it. No `vscode` here, so the bench runs the same
 * code path as the commands.
 */
import type { RecordKind } from '../../shared/vocabulary';
import type { ExportFilter, GetSalesClient } from '../api';
import { type Job, type JobConnection, type JobStore, exportPatch } from '../jobs';
import { filterData } from './export-filter';

export interface ExportRequest {
  readonly entity: RecordKind;
  readonly filter: ExportFilter;
  /** The job's label in the tree (see describeExportFilter). */
  readonly label: string;
  readonly connection: JobConnection;
}

export type ExportStarter = Pick<GetSalesClient, 'exportContacts' | 'exportCompanies'>;

export async function startExport(client: ExportStarter, store: JobStore, request: ExportRequest, signal?: AbortSignal): Promise<Job> {
  const remote = request.entity === 'contacts'
    ? await client.exportContacts(request.filter, signal)
    : await client.exportCompanies(request.filter, signal);
  return store.addExport({
    entity: request.entity,
    connection: request.connection,
    remoteUuid: remote.uuid,
    label: request.label,
    remoteStatus: remote.rawStatus,
    // `filter` is what getsales.jobs.retry re-runs.
    data: { filter: filterData(request.filter) },
    state: exportPatch(remote),
  });
}
