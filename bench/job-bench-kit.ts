/**
 * What the job benchmarks share: a client on the in-process sandbox that counts its
 * requests, and short imports and exports started the way the extension starts them.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { GetSalesClient, type RateLimiter } from '../src/core/api';
import type { JobConnection, JobStore } from '../src/core/jobs';
import { startImport } from '../src/core/import/start-import';
import { startExport } from '../src/core/export/start-export';
import type { Job } from '../src/core/jobs';

export const quietLogger = { info: (): void => undefined, warn: (): void => undefined, error: (): void => undefined };

export function benchClient(url: string, apiKey: string, limiter?: RateLimiter): GetSalesClient {
  return new GetSalesClient({ baseUrl: url, tokenProvider: async () => ({ apiKey }), userAgent: 'getsales-csv-bench/1', logger: quietLogger, ...(limiter ? { limiter } : {}) });
}

/** A contacts CSV of `rows` rows with unique emails, in `dir`. */
export async function contactsCsv(dir: string, name: string, rows: number): Promise<string> {
  const lines = ['First Name,Email'];
  for (let i = 0; i < rows; i += 1) lines.push(`P${i},${name}-${i}@example.com`);
  const path = join(dir, name);
  await fs.writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** Upload + import-leads, recorded in the store as the mapping screen records it. */
export async function importJob(client: GetSalesClient, store: JobStore, connection: JobConnection, path: string, listUuid: string): Promise<Job> {
  const upload = await client.uploadCsv({ filePath: path, type: 'csv_leads' });
  return startImport(client, store, {
    kind: 'contacts',
    importUuid: upload.uuid,
    sourcePath: path,
    label: upload.fileName ?? 'bench.csv',
    connection,
    headers: ['First Name', 'Email'],
    dialect: { encoding: 'utf-8', delimiter: ',' },
    mapping: ['first_name', 'work_email'],
    target: { kind: 'contacts', listUuid, tags: [], updateExisting: true },
  });
}

export function exportJob(client: GetSalesClient, store: JobStore, connection: JobConnection, listUuid?: string): Promise<Job> {
  return startExport(client, store, { entity: 'contacts', filter: listUuid ? { kind: 'list', listUuid } : { kind: 'all' }, label: 'bench export', connection });
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
