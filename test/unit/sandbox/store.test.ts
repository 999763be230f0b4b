import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackedRowsBuilder, cellAt, lineOf, type PackedRows } from '../../../src/sandbox/csv/packed-rows';
import { RowScanner, type DataRow } from '../../../src/sandbox/csv/row-scanner';
import { emptyMetrics, type FileImportJob } from '../../../src/sandbox/imports/file-import';
import type { ImportPlan } from '../../../src/sandbox/imports/import-plan';
import { runImport } from '../../../src/sandbox/imports/import-runner';
import { UploadRowsCache } from '../../../src/sandbox/imports/upload-rows-cache';
import { UploadScan } from '../../../src/sandbox/imports/upload-scan';
import { KEY_SOURCES, identityKeys, linkedinKey, linkedinKeyByPattern } from '../../../src/sandbox/store/identity';
import { hashSpan, KeySet } from '../../../src/sandbox/store/identity-index';
import { RecordTable } from '../../../src/sandbox/store/record-table';
import { CONTACT_FIELD_NAMES, contactView, fieldIndex } from '../../../src/sandbox/store/records';
import { TeamStore } from '../../../src/sandbox/store/team-store';

const STARTS = ['', 'https://', 'http://', 'https://www.', 'www.', 'http://www.', 'https://de.', 'HTTPS://WWW.', ' https://www.', 'ftp://'];
const HOSTS = ['linkedin.com/', 'linkedin.com', 'lnkd.in/', ''];
const KINDS = ['in/', 'company/', 'pub/', 'sales/people/', 'in', 'IN/', ''];
const NAMES = ['ada', 'Ada-L', 'ab.cd', 'ada/', 'ada//', 'ada/x', 'ada?x=1', 'ada/?x', 'ada#h', '', '/', 'in/ada', 'a b', 'jürgen-1', 'ada ', 'ada\t/'];
const REFERENCES = STARTS.flatMap((s) => HOSTS.flatMap((h) => KINDS.flatMap((k) => NAMES.map((n) => s + h + k + n))));
const EMAILS = ['Ada@X.io', 'ada@x.io', ' ada@x.io', 'ada @x.io', 'jürgen@x.io', 'JÜRGEN@x.io', 'a\u00a0b@x.io', 'acme  gmbh', 'ß@x.io', 'ÿ', 'İ@x.io', ''];

function contactValues(fields: Record<string, string>): string[] {
  return CONTACT_FIELD_NAMES.map((name) => fields[name] ?? '');
}

/** Two different keys with the same index hash, found by brute force (the hash has 30 bits). */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i += 1) {
    const key = `user${i}@collide.io`;
    const hash = hashSpan(key, 0, key.length);
    const other = seen.get(hash);
    if (other !== undefined) return [other, key];
    seen.set(hash, key);
  }
}

/** The identity keys of a contact with these values, as a row lookup would make them. */
function keysOf(fields: Record<string, string>): KeySet {
  return KeySet.of('contacts', identityKeys('contacts', contactValues(fields)));
}

function rowsOf(text: string, chunk: number): DataRow[] {
  const scanner = new RowScanner(',', '\n');
  const rows: DataRow[] = [];
  for (let at = 0; at < text.length; at += chunk) rows.push(...scanner.push(text.slice(at, at + chunk)));
  return rows.concat(scanner.end());
}

describe('sandbox store: identity keys', () => {
  it('takes the LinkedIn fast path only where it gives what the pattern gives', () => {
    for (const reference of REFERENCES) {
      assert.equal(linkedinKey(reference), linkedinKeyByPattern(reference.trim().toLowerCase()), JSON.stringify(reference));
    }
  });

  it('cuts a plain key out of the batch text exactly as normalize would, and leaves other values to normalize', () => {
    let fast = 0;
    for (const source of [...KEY_SOURCES.contacts, ...KEY_SOURCES.companies]) {
      for (const value of [...REFERENCES, ...EMAILS]) {
        const text = `x\u0100${value}y/`; // other cells around it, and a two-byte character
        const span = { start: 2, end: 2 + value.length };
        if (source.plainKey(text, span)) {
          fast += 1;
          assert.equal(text.slice(span.start, span.end), source.normalize(value), JSON.stringify(value));
        } else {
          assert.deepEqual(span, { start: 2, end: 2 + value.length }, `span left alone for ${JSON.stringify(value)}`);
        }
      }
    }
    assert.ok(fast > 1000, 'the fast path is taken for plain values');
  });
});

describe('sandbox store: record table and identity index', () => {
  it('finds records by any key, the first claimer keeping a key, even for keys with the same hash', () => {
    const [a, b] = collidingKeys();
    assert.equal(hashSpan(a, 0, a.length), hashSpan(b, 0, b.length));
    const table = new RecordTable<string>('contacts');
    const first = table.addWithValues(contactValues({ work_email: a }), 'T1', 'L');
    const second = table.addWithValues(contactValues({ work_email: b, linkedin_id: 'linkedin.com/in/bee' }), 'T1', 'L');
    const third = table.addWithValues(contactValues({ personal_email: a.toUpperCase(), linkedin_id: 'https://www.linkedin.com/in/cee/' }), 'T1', 'L');
    const find = (fields: Record<string, string>): number => table.find(keysOf(fields));
    assert.equal(find({ work_email: a }), first);
    assert.equal(find({ personal_email: ` ${b.toUpperCase()}` }), second);
    assert.equal(find({ linkedin_id: 'bee' }), second);
    assert.equal(find({ linkedin_id: 'cee' }), third);
    assert.equal(find({ work_email: a, linkedin_id: 'cee' }), third, 'LinkedIn is looked up first');
    assert.equal(find({ work_email: 'nobody@collide.io' }), -1);
  });

  it('still finds a record by an identifier it had before an update, and by the new one', () => {
    const table = new RecordTable<string>('contacts');
    const ada = table.addWithValues(contactValues({ first_name: 'Ada', work_email: 'ada@old.io' }), 'T1', 'L');
    table.setValues(ada, contactValues({ first_name: 'Ada', work_email: 'ada@new.io' }));
    const other = table.addWithValues(contactValues({ work_email: 'grace@x.io' }), 'T1', 'L');
    assert.equal(table.find(keysOf({ work_email: 'ada@old.io' })), ada);
    assert.equal(table.find(keysOf({ work_email: 'ADA@new.io' })), ada);
    table.setValues(other, contactValues({ work_email: 'ada@old.io' })); // taken: it stays Ada's
    assert.equal(table.find(keysOf({ work_email: 'ada@old.io' })), ada);
    assert.equal(table.values(ada)[fieldIndex('contacts', 'work_email')], 'ada@new.io');
  });

  it('reads an imported record’s values from its row, with fresh v4 uuids', () => {
    const builder = new PackedRowsBuilder(10);
    builder.add(2, [' Ada ', 'ada@x.io', 'vip, new']);
    builder.add(3, ['Short']);
    const rows = builder.flush();
    assert.ok(rows);
    const table = new RecordTable<string>('contacts');
    const mapping = { kind: 'contacts' as const, columns: [[0, 0], [8, 1], [15, 2]] as const, tags: ['webinar'] };
    const source = table.addSource({ mapping, rows });
    const keys = keysOf({ work_email: 'ada@x.io' });
    const ada = table.addFromRow(source, 0, 'T2', 'L1', keys);
    const short = table.addFromRow(source, 1, 'T2', 'L1', keysOf({}));
    assert.deepEqual(contactView(table, ada), {
      ...Object.fromEntries(CONTACT_FIELD_NAMES.map((name) => [name, ''])),
      uuid: table.uuid(ada), list_uuid: 'L1', created_at: 'T2', updated_at: 'T2',
      first_name: 'Ada', work_email: 'ada@x.io', tags: 'vip, new, webinar',
    });
    assert.equal(table.values(short)[0], 'Short');
    assert.equal(table.values(short)[8], '');
    assert.match(table.uuid(ada), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(table.uuid(ada), table.uuid(short));
    assert.equal(table.find(keysOf({ work_email: 'ADA@x.io' })), ada);
  });

  it('gives 3,000 uuids, across blocks, each once', () => {
    const table = new RecordTable<string>('contacts');
    for (let i = 0; i < 3000; i += 1) table.addWithValues(contactValues({ work_email: `p${i}@x.io` }), 'T', 'L');
    const uuids = new Set(Array.from({ length: table.size }, (_, i) => table.uuid(i)));
    assert.equal(uuids.size, 3000);
  });
});

describe('sandbox store: packed rows and the upload cache', () => {
  const text = 'h1,h2,h3\nA,"two\nlines",x\n\n"B ""q""",2,\nC\n"D\r\nE",4,5\nF,"a,b",6';

  it('numbers rows the same whichever way the text is cut into chunks', () => {
    const whole = rowsOf(text, text.length);
    assert.deepEqual(whole.map((row) => row.line), [2, 5, 6, 7, 9]);
    assert.deepEqual(whole.map((row) => row.cells), [['A', 'two\nlines', 'x'], ['B "q"', '2', ''], ['C'], ['D\r\nE', '4', '5'], ['F', 'a,b', '6']]);
    for (const chunk of [1, 2, 3, 5, 8, 13]) assert.deepEqual(rowsOf(text, chunk), whole, `chunks of ${chunk}`);
  });

  it('keeps every cell and line through packing, batch by batch', () => {
    const rows = rowsOf(text, 4);
    const builder = new PackedRowsBuilder(2);
    const batches: PackedRows[] = [];
    for (const row of rows) {
      const batch = builder.add(row.line, row.cells);
      if (batch) batches.push(batch);
    }
    const last = builder.flush();
    if (last) batches.push(last);
    assert.deepEqual(batches.map((b) => b.rowCount), [2, 2, 1]);
    const unpacked = batches.flatMap((batch) => Array.from({ length: batch.rowCount }, (_, r) => ({
      line: lineOf(batch, r),
      cells: Array.from({ length: (batch.rowStarts[r + 1] ?? 0) - (batch.rowStarts[r] ?? 0) }, (_, c) => cellAt(batch, r, c)),
    })));
    assert.deepEqual(unpacked, rows);
    assert.equal(cellAt(batches[1] as PackedRows, 1, 5), '', 'past the end of a short row');
  });

  it('keeps uploads within its budget, dropping the oldest, and hands each out once', () => {
    const batch = (chars: number): PackedRows => {
      const builder = new PackedRowsBuilder(1);
      return builder.add(2, ['x'.repeat(chars)]) as PackedRows;
    };
    const cache = new UploadRowsCache(1000);
    cache.keep('a', [batch(200)]);
    cache.keep('b', [batch(200)]);
    cache.keep('huge', [batch(600)]); // more than the budget alone: not kept, nothing dropped
    assert.equal(cache.take('huge'), undefined);
    cache.keep('c', [batch(200)]); // a (oldest) gives way
    assert.equal(cache.take('a'), undefined);
    assert.equal(cache.take('b')?.length, 1);
    assert.equal(cache.take('b'), undefined, 'an import takes the rows once');
    assert.equal(cache.take('c')?.length, 1);
  });
});

describe('sandbox upload scan: the disk copy', () => {
  it('lets a reader that waits for the disk go on, and writes every byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-scan-test-'));
    try {
      const path = join(dir, 'upload.csv');
      const scan = new UploadScan(path, 64 * 1024 * 1024);
      const line = 'first_name,work_email\n';
      // ~330 KB chunks: the disk copy goes out in batches of 1 MB, so the reader is asked to
      // wait while part of the next batch is still held back, unwritten.
      const chunk = Buffer.from(`${line}${'Ada,ada@x.io\n'.repeat(25_400)}`);
      let waits = 0;
      for (let i = 0; i < 40; i += 1) {
        scan.data(i === 0 ? chunk : chunk.subarray(line.length));
        if (scan.needsDrain) {
          waits += 1;
          await scan.drained(); // must come back even with bytes still held for the next batch
        }
      }
      scan.end();
      const summary = await scan.finish();
      assert.ok(waits > 0, 'the reader was asked to wait at least once');
      assert.equal(summary.rowsCount, 40 * 25_400);
      const written = await readFile(path);
      assert.equal(written.length, summary.bytes);
      assert.equal(written.subarray(0, line.length).toString(), line);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('sandbox import: kept rows and a re-read of the file give the same result', () => {
  it('saves, dedupes and numbers errors identically on both paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-store-test-'));
    try {
      const lines = ['\uFEFFFirst,Email,LinkedIn,Tags'];
      for (let i = 0; i < 2600; i += 1) {
        if (i % 97 === 5) lines.push(`NoId${i},,,`);
        else if (i % 50 === 7) lines.push(`Dup${i},USER${i - 1}@X.io,,"a, b"`);
        else if (i % 33 === 1) lines.push(`Multi${i},"m${i}@x.io",https://www.linkedin.com/in/m-${i}/,"line\nbreak"`);
        else lines.push(`User${i},user${i}@x.io,linkedin.com/in/u-${i},`);
      }
      const csv = `${lines.join('\n')}\n`;
      const results = [];
      for (const keep of [true, false]) {
        const path = join(dir, `upload-${String(keep)}.csv`);
        const scan = new UploadScan(path, 64 * 1024 * 1024);
        const bytes = Buffer.from(csv);
        for (let at = 0; at < bytes.length; at += 4096) scan.data(bytes.subarray(at, at + 4096));
        scan.end();
        const summary = await scan.finish();
        assert.ok(summary.rows !== undefined && summary.headers !== undefined);
        await writeFile(path, bytes); // the copy the disk path reads
        const store = new TeamStore();
        const job: FileImportJob = {
          uuid: 'u', ordinal: 0, seq: 1, type: 'csv_leads', status: 'in_progress', list_uuid: 'L', file_name: 'f.csv', delimiter: summary.delimiter,
          newline: summary.newline, rows_count: summary.rowsCount, csv_headers: summary.headers, csv_preview: summary.preview, matches: {},
          created_at: 'T', updated_at: 'T', metrics: emptyMetrics(summary.rowsCount), errors: [], filePath: path,
        };
        const plan: ImportPlan = {
          kind: 'contacts', columns: [[0, 0], [8, 1], [12, 2], [15, 3]], listUuid: 'L', listUuids: [], tags: ['t'], updateIfExists: true, moveToList: false,
        };
        await runImport(job, plan, store, keep ? summary.rows : undefined, 0, new AbortController().signal);
        const contacts = Array.from({ length: store.contacts.size }, (_, p) => {
          const { uuid: _uuid, created_at: _c, updated_at: _u, ...rest } = contactView(store.contacts, p);
          return rest;
        });
        results.push({ status: job.status, metrics: job.metrics, errors: job.errors, contacts });
      }
      const [kept, reread] = results;
      assert.equal(kept?.status, 'completed');
      assert.deepEqual(kept, reread);
      assert.equal(kept?.errors.length, 27);
      assert.ok((kept?.metrics.duplicate_records ?? 0) > 40);
      const multi = kept?.contacts.find((c) => c.first_name === 'Multi1');
      assert.equal(multi?.tags, 'line\nbreak, t');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
