/**
 * Background writing of an export: `queued` until the first batch, then `in_progress`
 * with `progress.processed` growing by up to 1,000 rows per batch (each after a
 * `batchDelayMs` pause), then `done`. The CSV (UTF-8, RFC 4180, CRLF; `uuid` then the
 * catalogue fields) is written under a hidden partial name and renamed when complete,
 * so a listed file is never half-written. A cancelled export stops at the next batch and
 * leaves no file.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { csvLine } from '../csv/csv-write';
import { exportHeader, exportRow, type RecordReader } from '../store/records';
import { isoNow, pause } from '../time';
import type { ExportJob } from './export-job';

const BATCH_ROWS = 1000;

/** `positions`: the records of `table` to write, in order (see selectContacts). */
export async function runExport(job: ExportJob, table: RecordReader<unknown>, positions: readonly number[], exportDir: string, batchDelayMs: number, sandboxSignal: AbortSignal): Promise<void> {
  const signal = AbortSignal.any([sandboxSignal, job.cancel.signal]);
  const partial = join(exportDir, `.${job.fileName}.partial`);
  job.partialPath = partial;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined); // observed below through Promise.race
  try {
    out.write(csvLine(exportHeader(job.kind)));
    let offset = 0;
    do {
      await pause(batchDelayMs, signal);
      job.status = 'in_progress';
      const batch = positions.slice(offset, offset + BATCH_ROWS);
      if (batch.length > 0 && !out.write(batch.map((position) => csvLine(exportRow(table, position))).join(''))) {
        await Promise.race([once(out, 'drain'), failed]);
      }
      offset += batch.length;
      job.progress.processed = offset;
      job.updated_at = isoNow();
    } while (offset < positions.length);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    signal.throwIfAborted(); // cancelled while the last bytes were flushed
    const final = join(exportDir, job.fileName);
    await fs.rename(partial, final);
    job.filePath = final;
    job.partialPath = undefined;
    job.status = 'done';
  } catch (error) {
    out.destroy();
    if (job.cancel.signal.aborted && !sandboxSignal.aborted) {
      await fs.rm(partial, { force: true });
      job.partialPath = undefined;
      return;
    }
    if (!signal.aborted) job.status = 'failed';
    throw error;
  } finally {
    job.updated_at = isoNow();
  }
}
