/**
 * Background processing of a started import, in batches of 1,000 rows (pausing
 * `batchDelayMs` before each, so progress is visible): saves new records, counts rows
 * matching a stored record by identifier as duplicates (updating / moving them as the
 * plan says), and counts rows without any identifier as errors, noting their line
 * numbers. The rows come from the upload's own parse when it kept them (see
 * UploadRowsCache), else from parsing the uploaded file again.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { createReadStream, promises as fs } from 'node:fs';
import type { Newline } from '../csv/papa-rows';
import { PackedRowsBuilder, cellSpan, lineOf, type PackedRows } from '../csv/packed-rows';
import { RowScanner } from '../csv/row-scanner';
import { KEY_SOURCES, type KeySource, type TextRange } from '../store/identity';
import { KeySet } from '../store/identity-index';
import type { RecordTable } from '../store/record-table';
import { mergeTags } from '../store/records';
import { TAGS_FIELD, rowValues, type RowSource } from '../store/row-values';
import type { TeamStore } from '../store/team-store';
import { isoNow, pause } from '../time';
import { BATCH_ROWS, MAX_ROW_ERRORS, type FileImportJob } from './file-import';
import type { ImportPlan } from './import-plan';
import { messageOf } from '../../core/message-of';

const NO_IDENTIFIER: Readonly<Record<RecordKind, string>> = {
  contacts: 'no identifier: linkedin_id, work_email or personal_email',
  companies: 'no identifier: linkedin_id or name',
};

type Outcome = 'saved' | 'duplicate' | 'error';

/** Index room made ahead of an import (32 bytes a record); a larger import grows the index as it goes. */
const MAX_RESERVED_RECORDS = 250_000;

/** One import's view of a batch: its rows, and the identity keys of the row in hand. */
class BatchRows {
  private sourceNumber = -1;
  private readonly keys: KeySet;
  private readonly span: TextRange = { start: 0, end: 0 };
  private readonly keySources: readonly KeySource[];
  readonly source: RowSource;

  constructor(readonly plan: ImportPlan, rows: PackedRows, private readonly keyColumns: readonly number[]) {
    this.source = { mapping: plan, rows };
    this.keys = new KeySet(plan.kind);
    this.keySources = KEY_SOURCES[plan.kind];
  }

  /**
   * The row's identity keys, from its identifier cells only (the other values are read
   * when needed); a plain identifier is hashed where it sits in the batch text.
   */
  readKeys(row: number): KeySet {
    const { rows } = this.source;
    const { keys, span } = this;
    for (let i = 0; i < this.keySources.length; i += 1) {
      const keySource = this.keySources[i];
      if (keySource === undefined || !cellSpan(rows, row, this.keyColumns[i] ?? -1, span)) keys.set(i, '');
      else if (keySource.plainKey(rows.text, span)) keys.setSpan(i, rows.text, span.start, span.end);
      else keys.set(i, keySource.normalize(rows.text.slice(span.start, span.end)));
    }
    return keys;
  }

  /** The batch as a row source of `table`, registered when its first record is saved. */
  sourceIn(table: RecordTable<unknown>): number {
    if (this.sourceNumber < 0) this.sourceNumber = table.addSource(this.source);
    return this.sourceNumber;
  }
}

/** For each identity key source of the kind, the CSV column mapped to its field, or -1. */
function keyColumnsOf(plan: ImportPlan): number[] {
  return KEY_SOURCES[plan.kind].map((keySource) => plan.columns.find(([field]) => field === keySource.index)?.[1] ?? -1);
}

/** Copies the row's non-empty values over the stored ones (tags are merged, not replaced). */
function overwrite(target: string[], values: readonly string[], tagsIndex: number): void {
  values.forEach((value, i) => {
    if (value === '') return;
    target[i] = i === tagsIndex ? mergeTags(target[i] ?? '', value.split(',')) : value;
  });
}

function applyContact(table: RecordTable<string>, plan: ImportPlan, batch: BatchRows, row: number, at: string): Outcome {
  const keys = batch.readKeys(row);
  if (!keys.any) return 'error';
  const existing = table.find(keys);
  if (existing < 0) {
    table.addFromRow(batch.sourceIn(table), row, at, plan.listUuid, keys);
    return 'saved';
  }
  if (plan.updateIfExists) {
    const updated = table.values(existing);
    overwrite(updated, rowValues(batch.source, row), TAGS_FIELD.contacts);
    table.setValues(existing, updated);
    table.touch(existing, at);
  }
  if (plan.moveToList && table.membership(existing) !== plan.listUuid) {
    table.setMembership(existing, plan.listUuid);
    table.touch(existing, at);
  }
  return 'duplicate';
}

/** A known company gains the plan's lists and tags; its other values stay. */
function applyCompany(table: RecordTable<readonly string[]>, plan: ImportPlan, lists: readonly string[], batch: BatchRows, row: number, at: string): Outcome {
  const keys = batch.readKeys(row);
  if (!keys.any) return 'error';
  const existing = table.find(keys);
  if (existing < 0) {
    table.addFromRow(batch.sourceIn(table), row, at, lists, keys);
    return 'saved';
  }
  const own = [...table.membership(existing)];
  for (const list of plan.listUuids) if (!own.includes(list)) own.push(list);
  table.setMembership(existing, own);
  if (plan.tags.length > 0) {
    const updated = table.values(existing);
    updated[TAGS_FIELD.companies] = mergeTags(updated[TAGS_FIELD.companies] ?? '', plan.tags);
    table.setValues(existing, updated);
  }
  table.touch(existing, at);
  return 'duplicate';
}

function processBatch(job: FileImportJob, plan: ImportPlan, store: TeamStore, rows: PackedRows, keyColumns: readonly number[], companyLists: readonly string[]): void {
  const at = isoNow();
  const message = NO_IDENTIFIER[plan.kind];
  const batch = new BatchRows(plan, rows, keyColumns);
  for (let row = 0; row < rows.rowCount; row += 1) {
    const outcome = plan.kind === 'contacts'
      ? applyContact(store.contacts, plan, batch, row, at)
      : applyCompany(store.companies, plan, companyLists, batch, row, at);
    if (outcome === 'saved') job.metrics.saved_records += 1;
    else if (outcome === 'duplicate') job.metrics.duplicate_records += 1;
    else {
      job.metrics.error_records += 1;
      if (job.errors.length < MAX_ROW_ERRORS) job.errors.push({ row: lineOf(rows, row), message });
    }
  }
  job.metrics.queued_records = Math.max(0, job.metrics.queued_records - rows.rowCount);
  job.updated_at = at;
}

/** Parses the uploaded copy again, into the same batches the upload would have kept. */
async function* readBatches(path: string, delimiter: string, newline: Newline): AsyncGenerator<PackedRows> {
  const scanner = new RowScanner(delimiter, newline);
  const packer = new PackedRowsBuilder(BATCH_ROWS);
  const ready: PackedRows[] = [];
  const pack = (line: number, cells: readonly string[]): void => {
    const batch = packer.add(line, cells);
    if (batch !== undefined) ready.push(batch);
  };
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      scanner.pushEach(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk, pack);
      first = false;
      yield* ready.splice(0);
    }
    scanner.endEach(pack);
    const last = packer.flush();
    if (last !== undefined) ready.push(last);
    yield* ready.splice(0);
  } finally {
    stream.destroy();
  }
}

/** `rows`: the upload's parsed rows when they were kept; else the uploaded file is parsed again. */
export async function runImport(job: FileImportJob, plan: ImportPlan, store: TeamStore, rows: readonly PackedRows[] | undefined, batchDelayMs: number, signal: AbortSignal): Promise<void> {
  const path = job.filePath;
  if (path === undefined) throw new Error(`import ${job.uuid} has no uploaded file`);
  // Sized for the rows up front, but not without bound: a file of tiny rows may be mostly duplicates.
  (plan.kind === 'contacts' ? store.contacts : store.companies).reserve(Math.min(job.rows_count, MAX_RESERVED_RECORDS));
  const keyColumns = keyColumnsOf(plan);
  const companyLists = [...plan.listUuids]; // shared by the new companies; replaced, never changed in place
  try {
    for await (const batch of rows ?? readBatches(path, job.delimiter, job.newline)) {
      await pause(batchDelayMs, signal);
      processBatch(job, plan, store, batch, keyColumns, companyLists);
    }
    job.metrics.queued_records = 0;
    job.status = 'completed';
  } catch (error) {
    if (signal.aborted) return;
    job.status = 'failed';
    job.errors.push({ row: 0, message: `The import failed: ${messageOf(error)}` });
    throw error;
  } finally {
    job.updated_at = isoNow();
    if (!signal.aborted) {
      job.filePath = undefined;
      await fs.rm(path, { force: true });
    }
  }
}
