// A kept sandbox (dataDir): closed and started again on the same folder, it has the same
// lists, contacts, jobs and export files; a broken data file is set aside, not half-used.
import { after, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSalesClient, isExportReady } from '../../../src/core/api';
import { startSandbox } from '../../../src/sandbox/index';
import { SNAPSHOT_FILE } from '../../../src/sandbox/persist';

const KEY = 'persist-test-key';
const root = mkdtempSync(join(tmpdir(), 'getsales-sandbox-persist-'));
after(() => rmSync(root, { recursive: true, force: true }));

function client(url: string): GetSalesClient {
  return new GetSalesClient({ baseUrl: url, tokenProvider: async () => ({ apiKey: KEY }), userAgent: 'test/1', logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('timed out');
}

describe('a sandbox kept in a data folder', () => {
  it('comes back after close with its lists, contacts, imports and downloadable exports', async () => {
    const dataDir = join(root, 'kept');
    const first = await startSandbox({ apiKey: KEY, seed: 'demo', seedContacts: 50, seedCompanies: 5, batchDelayMs: 0, dataDir });
    const a = client(first.url);
    const list = await a.createList('Kept list');
    const csv = join(root, 'people.csv');
    writeFileSync(csv, 'First Name,Email\nAda,ada@kept.example\n');
    const upload = await a.uploadCsv({ filePath: csv, type: 'csv_leads' });
    await a.importContacts(upload.uuid, { columns: { first_name: 0, work_email: 1 }, listUuid: list.uuid });
    await until(() => a.getImport(upload.uuid), (i) => i.status === 'completed');
    const exported = await a.exportContacts({ kind: 'list', listUuid: list.uuid });
    const ready = await until(() => a.getExport(exported.uuid), isExportReady);
    await first.close();

    const second = await startSandbox({ apiKey: KEY, seed: 'demo', seedContacts: 50, seedCompanies: 5, batchDelayMs: 0, dataDir });
    try {
      const b = client(second.url);
      assert.equal((await b.getImport(upload.uuid)).status, 'completed');
      assert.ok((await b.listLists({ q: 'Kept list' })).items.some((l) => l.uuid === list.uuid));
      const again = await b.getExport(exported.uuid);
      assert.deepEqual(again.files, ready.files);
      const target = join(root, 'downloads');
      const saved = await b.downloadExport(again.files[0] ?? '', target);
      assert.ok(saved.path.endsWith('.csv'));
      assert.ok(readdirSync(target).length === 1);
    } finally {
      await second.close();
    }
  });

  it('sets a broken data file aside and starts from the seed', async () => {
    const dataDir = join(root, 'broken');
    const lines: string[] = [];
    const first = await startSandbox({ apiKey: KEY, seedContacts: 5, seedCompanies: 1, dataDir });
    await first.close();
    writeFileSync(join(dataDir, SNAPSHOT_FILE), '{"version": 1, "lists": [');
    const second = await startSandbox({ apiKey: KEY, seedContacts: 5, seedCompanies: 1, dataDir, log: (line) => lines.push(line) });
    try {
      assert.ok((await client(second.url).listLists()).items.length > 0, 'seeded');
      assert.match(lines.join('\n'), /could not be read/);
      assert.ok(readdirSync(dataDir).some((name) => name.startsWith(`${SNAPSHOT_FILE}.unreadable-`)));
    } finally {
      await second.close();
    }
  });

  it('refuses a data file whose job has a field of the wrong type, naming the field, and starts from the seed', async () => {
    const dataDir = join(root, 'wrong-type');
    const first = await startSandbox({ apiKey: KEY, seedContacts: 5, seedCompanies: 1, batchDelayMs: 0, dataDir });
    const a = client(first.url);
    const csv = join(root, 'one.csv');
    writeFileSync(csv, 'Email\nada@one.example\n');
    const upload = await a.uploadCsv({ filePath: csv, type: 'csv_leads' });
    await a.importContacts(upload.uuid, { columns: { work_email: 0 }, listUuid: (await a.createList('One')).uuid });
    await until(() => a.getImport(upload.uuid), (i) => i.status === 'completed');
    await first.close();

    const file = join(dataDir, SNAPSHOT_FILE);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { imports: { metrics: Record<string, unknown> }[] };
    const [job] = saved.imports;
    assert.ok(job, 'the import was kept');
    job.metrics.saved_records = 'one';
    writeFileSync(file, JSON.stringify(saved));

    const lines: string[] = [];
    const second = await startSandbox({ apiKey: KEY, seedContacts: 5, seedCompanies: 1, dataDir, log: (line) => lines.push(line) });
    try {
      assert.match(lines.join('\n'), /could not be read \(snapshot\.imports\[0\]\.metrics\.saved_records: expected/);
      await assert.rejects(client(second.url).getImport(upload.uuid), 'the refused file is not half-used');
      assert.ok(readdirSync(dataDir).some((name) => name.startsWith(`${SNAPSHOT_FILE}.unreadable-`)));
    } finally {
      await second.close();
    }
  });
});
