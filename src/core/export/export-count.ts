/**
 * "How many records will this export hold?" asked before it starts (contract §8: best
 * effort, a 404 or any error means the account cannot tell), kept on the job as
 * `data.expectedCount`, and compared with the rows the export turned out to have: the
 * downloaded file's data rows once it is downloaded (`data.downloadedRows`), the
 * server's progress total before that.
 */
import type { ExportFilter, GetSalesClient } from '../api';
import type { Job } from '../jobs';
import type { RecordKind } from '../../shared/vocabulary';
import { plural } from '../../shared/format';

export type ExportCounter = Pick<GetSalesClient, 'countForExport'>;

/** The count, or undefined when the account cannot tell (one log line says why). */
export async function countExport(client: ExportCounter, entity: RecordKind, filter: ExportFilter, log: (line: string) => void, signal?: AbortSignal): Promise<number | undefined> {
  try {
    return await client.countForExport(entity, filter, signal);
  } catch (error) {
    log(`Export count not available, going on without it: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** "1,234 contacts" / "1 company". */
export function describeRecordCount(count: number, entity: RecordKind): string {
  return entity === 'contacts' ? plural(count, 'contact') : plural(count, 'company', 'companies');
}

function wholeCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

export function expectedCountOf(job: Pick<Job, 'data'>): number | undefined {
  return wholeCount(job.data.expectedCount);
}

/** The data rows of the last download (all its files), counted with the CSV engine; undefined before one. */
export function downloadedRowsOf(job: Pick<Job, 'data'>): number | undefined {
  return wholeCount(job.data.downloadedRows);
}

/**
 * For the tooltip of a finished export whose rows differ from the count asked before it
 * started (records added or removed meanwhile, or a count that is only an estimate).
 */
export function countMismatch(job: Pick<Job, 'kind' | 'entity' | 'status' | 'data' | 'progress' | 'files'>): string | undefined {
  if (job.kind !== 'export' || job.status !== 'done') return undefined;
  const expected = expectedCountOf(job);
  if (expected === undefined) return undefined;
  const expectedWords = `Expected ${describeRecordCount(expected, job.entity)} when it started`;
  const downloaded = downloadedRowsOf(job);
  if (downloaded !== undefined) {
    if (downloaded === expected) return undefined;
    const file = job.files.length > 1 ? 'the downloaded files have' : 'the downloaded file has';
    return `${expectedWords}; ${file} ${plural(downloaded, 'data row')}.`;
  }
  // Not downloaded yet: the rows as the server's progress counted them while writing the file.
  const rows = job.progress?.total;
  if (rows === undefined || expected === rows) return undefined;
  return `${expectedWords}; the export has ${plural(rows, 'row')}.`;
}
