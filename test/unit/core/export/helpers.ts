/** Exports on the sandbox for the export and download tests: start one and wait until its files are ready. */
import type { ExportFilter, GetSalesClient } from '../../../../src/core/api';
import { type ExportJob, isExportReady } from '../../../../src/core/api/models';

/** Polls until the export is done with files; a stuck export fails the test after a long while, not a timing check. */
export async function waitForExport(client: Pick<GetSalesClient, 'getExport'>, uuid: string): Promise<ExportJob> {
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    const job = await client.getExport(uuid);
    if (isExportReady(job)) return job;
    if (job.status === 'failed') throw new Error(`export ${uuid} failed`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`export ${uuid} never got ready`);
}

/** Starts a contacts export and resolves with the names of its files once they can be downloaded. */
export async function exportedFiles(client: Pick<GetSalesClient, 'exportContacts' | 'getExport'>, filter: ExportFilter = { kind: 'all' }): Promise<string[]> {
  const started = await client.exportContacts(filter);
  return [...(await waitForExport(client, started.uuid)).files];
}
