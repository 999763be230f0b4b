/**
 * Starting an uploaded import with the confirmed mapping and target, through the real
 * client and sandbox: what the server receives (columns, list, tags, update rule) and
 * what the job store records for the poller, "Show Errors" and "Import fixed rows".
 */
import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type FileImport, isImportFinished } from '../../../../src/core/api/models';
import type { CsvDialect } from '../../../../src/core/csv';
import { readImportJobData } from '../../../../src/core/import/import-job-data';
import { importTargetOf, startImport } from '../../../../src/core/import/start-import';
import { JobStore } from '../../../../src/core/jobs';
import { tempDir } from '../csv/helpers';
import { MemoryStorage } from '../jobs/helpers';
import { useSandbox } from '../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from '../api/client-helpers';

const DIALECT: CsvDialect = { encoding: 'windows-1252', delimiter: ';' };

describe('importTargetOf', () => {
  it('keeps the one list of a contacts target and no list of a companies one', () => {
    assert.deepEqual(importTargetOf({ kind: 'contacts', listUuid: 'l1', tags: ['a'], updateExisting: false }), { listUuid: 'l1', listUuids: [], tags: ['a'], updateExisting: false });
    assert.deepEqual(importTargetOf({ kind: 'contacts', listUuid: null, tags: [], updateExisting: true }), { listUuid: undefined, listUuids: [], tags: [], updateExisting: true });
    assert.deepEqual(importTargetOf({ kind: 'companies', listUuids: ['l1', 'l2'], tags: ['b'] }), { listUuid: undefined, listUuids: ['l1', 'l2'], tags: ['b'], updateExisting: true });
  });
});

describe('startImport with the sandbox', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'none', faults: true, rateLimitPerMinute: 100_000 });
  const dir = tempDir();

  async function upload(name: string, csv: string, type: 'csv_leads' | 'csv_accounts'): Promise<FileImport> {
    const path = join(dir, name);
    await writeFile(path, csv);
    return testClient(api().url).client.uploadCsv({ filePath: path, type });
  }

  async function finished(uuid: string): Promise<FileImport> {
    const { client } = testClient(api().url);
    for (let attempt = 0; attempt < 2000; attempt += 1) {
      const remote = await client.getImport(uuid);
      if (isImportFinished(remote.status)) return remote;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`import ${uuid} never finished`);
  }

  it('imports contacts into the chosen list with the tags, and records the job', async () => {
    const listUuid = await api().createList('Webinar');
    const uploaded = await upload('contacts.csv', 'Notes,First Name,Email\r\nmet at booth,Ada,ada@example.com\r\n,Grace,grace@example.com\r\n', 'csv_leads');
    const store = new JobStore({ storage: new MemoryStorage() });
    const { client } = testClient(api().url);
    const mapping = [null, 'first_name', 'work_email'];
    const job = await startImport(client, store, {
      kind: 'contacts', importUuid: uploaded.uuid, sourcePath: join(dir, 'contacts.csv'), label: 'contacts.csv', connection: 'sandbox',
      headers: ['Notes', 'First Name', 'Email'], dialect: DIALECT, mapping,
      target: { kind: 'contacts', listUuid, tags: ['webinar', '2026'], updateExisting: true },
      contentHash: 'e'.repeat(64), connectionKey: 'http://127.0.0.1 sandbox-key-digest',
    });

    assert.equal(store.get(job.id), job);
    assert.equal(job.kind, 'import');
    assert.equal(job.entity, 'contacts');
    assert.equal(job.connection, 'sandbox');
    assert.equal(job.remoteUuid, uploaded.uuid);
    assert.equal(job.label, 'contacts.csv');
    assert.equal(job.sourcePath, join(dir, 'contacts.csv'));
    assert.ok(job.remoteStatus !== undefined);
    assert.deepEqual(readImportJobData(job), {
      mapping, headers: ['Notes', 'First Name', 'Email'], encoding: 'windows-1252', delimiter: ';', sepLine: false,
      target: { listUuid, listUuids: [], tags: ['webinar', '2026'], updateExisting: true }, errorReport: undefined,
      contentHash: 'e'.repeat(64), connectionKey: 'http://127.0.0.1 sandbox-key-digest',
    });

    await finished(uploaded.uuid);
    const contacts = await api().state('contacts', listUuid);
    assert.deepEqual(contacts.map((c) => [c.first_name, c.work_email, c.tags]).sort(), [
      ['Ada', 'ada@example.com', 'webinar, 2026'],
      ['Grace', 'grace@example.com', 'webinar, 2026'],
    ]);
    assert.ok(contacts.every((c) => c.about === ''), 'an unmapped column is not imported');
  });

  it('leaves existing contacts alone when the user turned "update existing" off', async () => {
    const listUuid = await api().createList('Keep');
    const first = await upload('first.csv', 'First Name,Email\r\nAda,keep@example.com\r\n', 'csv_leads');
    const store = new JobStore({ storage: new MemoryStorage() });
    const { client } = testClient(api().url);
    const base = { sourcePath: join(dir, 'first.csv'), label: 'first.csv', connection: 'sandbox' as const, headers: ['First Name', 'Email'], dialect: DIALECT, mapping: ['first_name', 'work_email'] };
    await startImport(client, store, { ...base, kind: 'contacts', importUuid: first.uuid, target: { kind: 'contacts', listUuid, tags: [], updateExisting: true } });
    await finished(first.uuid);

    const second = await upload('second.csv', 'First Name,Email\r\nAugusta,keep@example.com\r\n', 'csv_leads');
    const job = await startImport(client, store, { ...base, kind: 'contacts', importUuid: second.uuid, target: { kind: 'contacts', listUuid, tags: [], updateExisting: false } });
    assert.equal(readImportJobData(job)?.target.updateExisting, false);
    await finished(second.uuid);
    const contacts = await api().state('contacts', listUuid);
    assert.deepEqual(contacts.map((c) => c.first_name), ['Ada']);
  });

  it('imports companies into every chosen list', async () => {
    const lists = [await api().createList('Targets A'), await api().createList('Targets B')];
    const uploaded = await upload('companies.csv', 'Company,Website\r\nAcme,https://acme.example\r\n', 'csv_accounts');
    const store = new JobStore({ storage: new MemoryStorage() });
    const { client } = testClient(api().url);
    const job = await startImport(client, store, {
      kind: 'companies', importUuid: uploaded.uuid, sourcePath: join(dir, 'companies.csv'), label: 'companies.csv', connection: 'account',
      headers: ['Company', 'Website'], dialect: { encoding: 'utf-8', delimiter: ',' }, mapping: ['name', 'website'],
      target: { kind: 'companies', listUuids: lists, tags: ['q4'] },
    });
    assert.equal(job.entity, 'companies');
    assert.equal(job.connection, 'account');
    assert.deepEqual(readImportJobData(job)?.target, { listUuid: undefined, listUuids: lists, tags: ['q4'], updateExisting: true });

    await finished(uploaded.uuid);
    const companies = await api().state('companies');
    const acme = companies.find((c) => c.name === 'Acme');
    assert.ok(acme, JSON.stringify(companies));
    assert.deepEqual([...(acme.list_uuids as string[])].sort(), [...lists].sort());
    assert.equal(acme.website, 'https://acme.example');
    assert.equal(acme.tags, 'q4');
  });

  it('records nothing when GetSales refuses the start', async () => {
    const store = new JobStore({ storage: new MemoryStorage() });
    const { client } = testClient(api().url);
    await assert.rejects(startImport(client, store, {
      kind: 'contacts', importUuid: '00000000-0000-4000-8000-000000000000', sourcePath: join(dir, 'x.csv'), label: 'x.csv', connection: 'sandbox',
      headers: ['Email'], dialect: DIALECT, mapping: ['work_email'], target: { kind: 'contacts', listUuid: null, tags: [], updateExisting: true },
    }));
    assert.deepEqual(store.all(), []);
  });
});
