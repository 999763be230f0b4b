/**
 * Starting an export through the real client and sandbox: the server exports what the
 * filter names, and the job store records what the poller and Retry need.
 */
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { decodeExportFilter } from '../../../../src/core/export/export-filter';
import { startExport } from '../../../../src/core/export/start-export';
import { JobStore } from '../../../../src/core/jobs';
import { tempDir } from '../csv/helpers';
import { MemoryStorage } from '../jobs/helpers';
import { useSandbox, parseCsv } from '../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from '../api/client-helpers';
import { waitForExport } from './helpers';

describe('startExport with the sandbox', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'demo', seedContacts: 60, seedCompanies: 12, faults: true, rateLimitPerMinute: 100_000 });
  const dir = tempDir();

  /** The exported file's rows (header first). */
  async function exportedRows(uuid: string): Promise<string[][]> {
    const { client } = testClient(api().url);
    const ready = await waitForExport(client, uuid);
    const [file] = ready.files;
    assert.ok(file);
    const { path } = await client.downloadExport(file, dir);
    return parseCsv(await readFile(path, 'utf8')).filter((row) => row.some((cell) => cell !== ''));
  }

  it('exports the contacts of a list and records the job with its filter for Retry', async () => {
    const [list] = (await api().get('/leads/api/lists?limit=1')).body.data as { uuid: string; name: string }[];
    assert.ok(list);
    const inList = await api().state('contacts', list.uuid);
    assert.ok(inList.length > 0 && inList.length < 60, `the seed puts some contacts in ${list.name}`);
    const store = new JobStore({ storage: new MemoryStorage() });
    const { client } = testClient(api().url);
    const job = await startExport(client, store, { entity: 'contacts', filter: { kind: 'list', listUuid: list.uuid }, label: `Contacts in ${list.name}`, connection: 'sandbox' });

    assert.equal(store.get(job.id), job);
    assert.equal(job.kind, 'export');
    assert.equal(job.entity, 'contacts');
    assert.equal(job.connection, 'sandbox');
    assert.equal(job.label, `Contacts in ${list.name}`);
    assert.ok(job.remoteStatus !== undefined);
    assert.ok(job.status === 'queued' || job.status === 'running' || job.status === 'done', job.status);
    assert.deepEqual(decodeExportFilter(job.data.filter), { kind: 'list', listUuid: list.uuid });

    const [header, ...rows] = await exportedRows(job.remoteUuid);
    assert.ok(header);
    const uuidColumn = header.indexOf('uuid');
    assert.ok(uuidColumn >= 0, header.join(','));
    assert.deepEqual(rows.map((row) => row[uuidColumn]).sort(), inList.map((c) => String(c.uuid)).sort());
  });

  it('exports companies when the entity is companies', async () => {
    const companies = await api().state('companies');
    const picked = companies.slice(0, 3).map((c) => String(c.uuid));
    const store = new JobStore({ storage: new MemoryStorage() });
    const { client } = testClient(api().url);
    const job = await startExport(client, store, { entity: 'companies', filter: { kind: 'ids', ids: picked }, label: '3 companies by UUID', connection: 'account' });
    assert.equal(job.entity, 'companies');
    assert.equal(job.connection, 'account');
    assert.deepEqual(decodeExportFilter(job.data.filter), { kind: 'ids', ids: picked });

    const [header, ...rows] = await exportedRows(job.remoteUuid);
    assert.ok(header);
    const uuidColumn = header.indexOf('uuid');
    assert.deepEqual(rows.map((row) => row[uuidColumn]).sort(), [...picked].sort());
  });

  it('records nothing when GetSales refuses the export', async () => {
    const store = new JobStore({ storage: new MemoryStorage() });
    const { client } = testClient(api().url, { retry: { maxAttempts: 1 } });
    await api().post('/__sandbox/faults', { method: 'POST', path: '/leads/api/file-exports/leads', status: 402, count: 1 });
    await assert.rejects(startExport(client, store, { entity: 'contacts', filter: { kind: 'all' }, label: 'All contacts', connection: 'sandbox' }), /out of credits/);
    assert.deepEqual(store.all(), []);
  });
});
