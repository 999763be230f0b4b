/**
 * Background processing of a started import: re-reads the uploaded file, and in
 * batches of 1,000 rows (pausing `batchDelayMs` before each, so progress is visible)
 * saves new records, counts rows matching a stored record by identifier as duplicates
 * (updating / moving them as the plan says), and counts rows without any identifier
 * as errors, noting their line numbers.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { ImportKind } from '../../core/csv/catalogue';
import { RowScanner, type DataRow } from '../csv/row-scanner';
import { identityKeys } from '../store/identity';
import { CONTACT_FIELD_NAMES, COMPANY_FIELD_NAMES, fieldIndex, mergeTags } from '../store/records';
import type { TeamStore } from '../store/team-store';
import { isoNow, pause } from '../time';
import { MAX_ROW_ERRORS, type FileImportJob } from './file-import';
import type { ImportPlan } from './import-plan';

const BATCH_ROWS = 1000;

const NO_IDENTIFIER: Readonly<Record<ImportKind, string>> = {
  contacts: 'no identifier: linkedin_id, work_email or personal_email',
  companies: 'no identifier: linkedin_id or name',
};

type Outcome = 'saved' | 'duplicate' | 'error';

/** Catalogue values of one row: mapped cells trimmed, tags merged with the plan's. */
function rowValues(plan: ImportPlan, cells: readonly string[]): string[] {
  const values = new Array<string>(plan.kind === 'contacts' ? CONTACT_FIELD_NAMES.length : COMPANY_FIELD_NAMES.length).fill('');
  for (const [field, column] of plan.columns) values[field] = (cells[column] ?? '').trim();
  const tags = fieldIndex(plan.kind, 'tags');
  if (plan.tags.length > 0 || values[tags] !== '') values[tags] = mergeTags(values[tags] ?? '', plan.tags);
  return values;
}

/** Copies the row's non-empty values over the stored ones (tags are merged, not replaced). */
function overwrite(target: string[], values: readonly string[], tagsIndex: number): void {
  values.forEach((value, i) => {
    if (value === '') return;
    target[i] = i === tagsIndex ? mergeTags(target[i] ?? '', value.split(',')) : value;
  });
}

function applyContact(store: TeamStore, plan: ImportPlan, values: string[], at: string): Outcome {
  const keys = identityKeys('contacts', values);
  if (keys.length === 0) return 'error';
  const existing = store.findContact(keys);
  if (existing === undefined) {
    store.addContact({ uuid: randomUUID(), seq: store.nextSeq(), created_at: at, updated_at: at, list_uuid: plan.listUuid, values });
    return 'saved';
  }
  if (plan.updateIfExists) {
    overwrite(existing.values, values, fieldIndex('contacts', 'tags'));
    store.reindexContact(existing);
    existing.updated_at = at;
  }
  if (plan.moveToList && existing.list_uuid !== plan.listUuid) {
    existing.list_uuid = plan.listUuid;
    existing.updated_at = at;
  }
  return 'duplicate';
}

/** A known company gains the plan's lists and tags; its other values stay. */
function applyCompany(store: TeamStore, plan: ImportPlan, values: string[], at: string): Outcome {
  const keys = identityKeys('companies', values);
  if (keys.length === 0) return 'error';
  const existing = store.findCompany(keys);
  if (existing === undefined) {
    store.addCompany({ uuid: randomUUID(), seq: store.nextSeq(), created_at: at, updated_at: at, list_uuids: [...plan.listUuids], values });
    return 'saved';
  }
  for (const list of plan.listUuids) if (!existing.list_uuids.includes(list)) existing.list_uuids.push(list);
  const tags = fieldIndex('companies', 'tags');
  if (plan.tags.length > 0) existing.values[tags] = mergeTags(existing.values[tags] ?? '', plan.tags);
  existing.updated_at = at;
  return 'duplicate';
}

function processBatch(job: FileImportJob, plan: ImportPlan, store: TeamStore, rows: readonly DataRow[]): void {
  const at = isoNow();
  const message = NO_IDENTIFIER[plan.kind];
  for (const row of rows) {
    const values = rowValues(plan, row.cells);
    const outcome = plan.kind === 'contacts' ? applyContact(store, plan, values, at) : applyCompany(store, plan, values, at);
    if (outcome === 'saved') job.metrics.saved_records += 1;
    else if (outcome === 'duplicate') job.metrics.duplicate_records += 1;
    else {
      job.metrics.error_records += 1;
      if (job.errors.length < MAX_ROW_ERRORS) job.errors.push({ row: row.line, message });
    }
  }
  job.metrics.queued_records = Math.max(0, job.metrics.queued_records - rows.length);
  job.updated_at = at;
}

export async function runImport(job: FileImportJob, plan: ImportPlan, store: TeamStore, batchDelayMs: number, signal: AbortSignal): Promise<void> {
  const path = job.filePath;
  if (path === undefined) throw new Error(`import ${job.uuid} has no uploaded file`);
  const scanner = new RowScanner(job.delimiter, job.newline);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let pending: DataRow[] = [];
  let first = true;
  const drain = async (all: boolean): Promise<void> => {
    while (pending.length >= BATCH_ROWS || (all && pending.length > 0)) {
      const batch = pending.slice(0, BATCH_ROWS);
      pending = pending.slice(BATCH_ROWS);
      await pause(batchDelayMs, signal);
      processBatch(job, plan, store, batch);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
      first = false;
      for (const row of scanner.push(text)) pending.push(row);
      await drain(false);
    }
    for (const row of scanner.end()) pending.push(row);
    await drain(true);
    job.metrics.queued_records = 0;
    job.status = 'completed';
  } catch (error) {
    if (signal.aborted) return;
    job.status = 'failed';
    job.errors.push({ row: 0, message: `The import failed: ${error instanceof Error ? error.message : String(error)}` });
    throw error;
  } finally {
    stream.destroy();
    job.updated_at = isoNow();
    if (!signal.aborted) {
      job.filePath = undefined;
      await fs.rm(path, { force: true });
    }
  }
}
