/**
 * The compatibility report against the sandbox in both modes: every probe answers, the
 * verdicts follow the mode (doc: as expected; sister: LinkedIn data sources skipped, the
 * undocumented poll paths 404), and the text holds no value from any answer — distinctive
 * values are seeded into lists, tags, an import and an export, and none may appear.
 */
import { describe, it, before, after } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../../src/sandbox';
import { compatibilityReport, runCompatibilityProbes } from '../../../../src/core/api/compatibility';
import { TEST_KEY, testClient } from './client-helpers';

const DISTINCT = {
  list: 'ZQX-list-Ottoline-Quibble',
  tag: 'ZQX-tag-Marmaduke',
  file: 'ZQX-file-Persimmon.csv',
  email: 'zqx.ada.lovelace@example.org',
  name: 'ZQXFirstname',
};

for (const compat of ['doc', 'sister'] as const) describe(`compatibility report against the ${compat} sandbox`, () => {
  let sandbox: RunningSandbox;
  let dir: string;
  const seenUuids: string[] = [];

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: TEST_KEY, seed: 'none', batchDelayMs: 0, faults: true, rateLimitPerMinute: 100_000, compat });
    dir = await mkdtemp(join(tmpdir(), 'gs-compat-'));
    const { client } = testClient(sandbox.url);
    const list = await client.createList(DISTINCT.list);
    seenUuids.push(list.uuid);
    const tag = await fetch(`${sandbox.url}/__sandbox/tags`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: DISTINCT.tag }) });
    assert.equal(tag.status, 200);
    const file = join(dir, DISTINCT.file);
    await writeFile(file, `First Name,Email\n${DISTINCT.name},${DISTINCT.email}\n`);
    const upload = await client.uploadCsv({ filePath: file, type: 'csv_leads' });
    seenUuids.push(upload.uuid);
    await client.importContacts(upload.uuid, { columns: { first_name: 0, work_email: 1 }, listUuid: list.uuid });
    const started = await client.exportContacts({ kind: 'list', listUuid: list.uuid });
    seenUuids.push(started.uuid);
  });

  after(async () => {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('probes every endpoint read-only and says per endpoint what it saw', async () => {
    const { client, log } = testClient(sandbox.url);
    const results = await runCompatibilityProbes(client);
    const byEndpoint = new Map(results.map((r) => [r.endpoint, r]));
    assert.deepEqual([...byEndpoint.keys()], [
      'GET /leads/api/lists', 'GET /leads/api/data-sources', 'GET /leads/api/mass-actions', 'GET /leads/api/tags',
      'GET /leads/api/data-sources/{unknown uuid}', 'GET /leads/api/file-imports/{unknown uuid}',
      'GET /leads/api/mass-actions/{unknown uuid}', 'GET /leads/api/file-exports/{unknown uuid}',
    ]);
    for (const r of results) assert.notEqual(r.verdict, 'differs', `${r.endpoint}: ${r.details.join('; ')}`);
    for (const r of results.slice(0, 4)) assert.equal(r.status, '200', r.endpoint);
    assert.match(byEndpoint.get('GET /leads/api/tags')?.shape ?? '', /\{uuid: string, .*name: string/);
    if (compat === 'sister') assert.equal(byEndpoint.get('GET /leads/api/data-sources')?.verdict, 'tolerated', 'LinkedIn-type data sources are skipped');
    assert.ok(log.every((line) => /^GET /.test(line.message) || line.level !== 'info'), 'only GET requests were made');

    const report = compatibilityReport(results, { extensionVersion: '9.9.9', server: 'http://127.0.0.1', when: new Date(0) });
    assert.match(report, /^# GetSales API compatibility report/);
    for (const value of [...Object.values(DISTINCT), 'Ottoline', 'Marmaduke', 'Persimmon', 'lovelace', ...seenUuids, TEST_KEY]) {
      assert.ok(!report.includes(value), `${value} appears in the report`);
    }
  });
});
