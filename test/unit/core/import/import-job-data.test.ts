/** What an import job keeps for "Show Errors" and "Import fixed rows", and how it is read back after a reload. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { importJobData, readImportJobData, type ImportJobData } from '../../../../src/core/import/import-job-data';
import { type Job, type JsonValue, JobStore } from '../../../../src/core/jobs';
import { MemoryStorage } from '../jobs/helpers';

const HASH = 'a'.repeat(64);
const KEY = 'https://amazing.getsales.io 0123456789abcdef01234567';

const DATA: Omit<ImportJobData, 'errorReport'> = {
  mapping: ['first_name', null, 'work_email'],
  headers: ['First Name', 'Notes', 'Email'],
  encoding: 'windows-1252',
  delimiter: ';',
  sepLine: false,
  target: { listUuid: 'list-1', listUuids: [], tags: ['webinar'], updateExisting: false },
  contentHash: HASH,
  connectionKey: KEY,
};

/** A job as the store keeps it, reloaded from storage like after a window reload. */
async function reloadedJob(data: Readonly<Record<string, JsonValue>>): Promise<Job> {
  const storage = new MemoryStorage();
  const store = new JobStore({ storage });
  const job = store.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'imp-1', label: 'contacts.csv', data });
  await store.flush();
  const reloaded = new JobStore({ storage }).get(job.id);
  assert.ok(reloaded);
  return reloaded;
}

/** A job whose data was changed on disk by hand or by an older version. */
function withData(data: Record<string, unknown>): Job {
  const storage = new MemoryStorage();
  const job = new JobStore({ storage }).addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'imp-1', label: 'contacts.csv' });
  return { ...job, data: data as Record<string, JsonValue> };
}

describe('import job data', () => {
  it('survives the job store and a reload unchanged', async () => {
    assert.deepEqual(readImportJobData(await reloadedJob(importJobData(DATA))), { ...DATA, errorReport: undefined });
  });

  it('keeps a companies target with several lists and no single list', async () => {
    const companies = { ...DATA, mapping: ['name'], headers: ['Company'], target: { listUuid: undefined, listUuids: ['l1', 'l2'], tags: [], updateExisting: true } };
    const stored = importJobData(companies);
    assert.ok(!('listUuid' in (stored.target as Record<string, JsonValue>)), 'no listUuid key when there is none');
    assert.deepEqual(readImportJobData(await reloadedJob(stored)), { ...companies, errorReport: undefined });
  });

  it('reads back the last error report path when one was added', async () => {
    const job = await reloadedJob({ ...importJobData(DATA), errorReport: '/work/contacts.errors.csv' });
    assert.equal(readImportJobData(job)?.errorReport, '/work/contacts.errors.csv');
    assert.equal(readImportJobData(withData({ ...importJobData(DATA), errorReport: 7 }))?.errorReport, undefined);
  });

  it('copies arrays, so later edits of the caller do not leak into the job', () => {
    const mapping = ['first_name', null];
    const stored = importJobData({ ...DATA, mapping, headers: ['a', 'b'] });
    mapping[1] = 'work_email';
    assert.deepEqual(stored.mapping, ['first_name', null]);
  });

  it('is undefined for jobs without import data (found on the server, older versions)', async () => {
    assert.equal(readImportJobData(await reloadedJob({})), undefined);
  });

  it('is undefined when the stored data is damaged, instead of trusting it', () => {
    const good = importJobData(DATA);
    const damaged: Record<string, unknown>[] = [
      { ...good, mapping: 'first_name' },
      { ...good, mapping: ['first_name', 3, 'work_email'] },
      { ...good, headers: ['First Name', 'Email'] },
      { ...good, headers: ['First Name', null, 'Email'] },
      { ...good, encoding: 'latin-1' },
      { ...good, delimiter: ':' },
      { ...good, target: null },
      { ...good, target: 'list-1' },
    ];
    for (const data of damaged) assert.equal(readImportJobData(withData(data)), undefined, JSON.stringify(data));
  });

  it('reads every encoding and delimiter the CSV engine produces', () => {
    for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const) {
      for (const delimiter of [',', ';', '|', '\t'] as const) {
        const read = readImportJobData(withData(importJobData({ ...DATA, encoding, delimiter })));
        assert.equal(read?.encoding, encoding);
        assert.equal(read?.delimiter, delimiter);
      }
    }
  });

  it('reads jobs stored before imports were hashed: no content hash, no connection key, the rest intact', () => {
    const { contentHash: _hash, connectionKey: _key, ...older } = importJobData(DATA);
    const read = readImportJobData(withData(older));
    assert.equal(read?.contentHash, undefined);
    assert.equal(read?.connectionKey, undefined);
    assert.deepEqual(read?.mapping, DATA.mapping);
    const stored = importJobData({ ...DATA, contentHash: undefined, connectionKey: undefined });
    assert.ok(!('contentHash' in stored) && !('connectionKey' in stored), 'no keys for an origin not known');
  });

  it('drops a damaged content hash or connection key instead of the job: it only means "never the same content"', () => {
    for (const contentHash of ['A'.repeat(64), 'a'.repeat(63), 42, ['x']]) {
      const read = readImportJobData(withData({ ...importJobData(DATA), contentHash }));
      assert.equal(read?.contentHash, undefined, JSON.stringify(contentHash));
      assert.equal(read?.connectionKey, KEY);
    }
    assert.equal(readImportJobData(withData({ ...importJobData(DATA), connectionKey: '' }))?.connectionKey, undefined);
  });

  it('fills a damaged target with safe defaults: no lists, no tags, update existing', () => {
    const read = readImportJobData(withData({ ...importJobData(DATA), target: { listUuid: 5, listUuids: 'l1', tags: [1], updateExisting: 'no' } }));
    assert.deepEqual(read?.target, { listUuid: undefined, listUuids: [], tags: [], updateExisting: true });
    assert.equal(readImportJobData(withData({ ...importJobData(DATA), target: {} }))?.target.updateExisting, true);
  });
});
