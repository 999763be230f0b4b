/**
 * The count before an export, best effort (contract §8), against the real sandbox in both
 * modes: with the count endpoint it is the number of records; without it (a 404, or any
 * error) it is undefined with one log line, never an error. And the tooltip's line when
 * the finished export's rows differ from that count.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import { strict as assert } from 'node:assert';
import { startSandbox } from '../../../../src/sandbox/index';
import type { Job } from '../../../../src/core/jobs';
import { countExport, countMismatch, downloadedRowsOf, expectedCountOf } from '../../../../src/core/export/export-count';
import { TEST_KEY, TEST_TEAM, sandboxControl, testClient } from '../api/client-helpers';
import { sandboxCompats } from '../../sandbox-compat';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

for (const compat of sandboxCompats()) describe(`the export count against the ${compat} sandbox`, () => {
  let sandbox: Sandbox | undefined;

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: TEST_KEY, teamId: TEST_TEAM, batchDelayMs: 5, seed: 'demo', seedContacts: 12, seedCompanies: 4, faults: true, rateLimitPerMinute: 100_000, compat });
  });
  after(async () => { await sandbox?.close(); });
  beforeEach(async () => { await control('/__sandbox/reset', {}); });

  function base(): string {
    assert.ok(sandbox, 'sandbox started');
    return sandbox.url;
  }

  function control(path: string, body: unknown): Promise<void> {
    return sandboxControl(base(), path, body);
  }

  it('with the count endpoint: the number of contacts and of companies, and no log line', async () => {
    const { client } = testClient(base());
    const lines: string[] = [];
    assert.equal(await countExport(client, 'contacts', { kind: 'all' }, (line) => lines.push(line)), 12);
    assert.equal(await countExport(client, 'companies', { kind: 'all' }, (line) => lines.push(line)), 4);
    assert.deepEqual(lines, []);
  });

  it('without the count endpoint (404): undefined and one log line', async () => {
    const { client } = testClient(base());
    await control('/__sandbox/faults', { method: 'POST', path: '/leads/api/leads/count', status: 404, count: 1 });
    const lines: string[] = [];
    assert.equal(await countExport(client, 'contacts', { kind: 'all' }, (line) => lines.push(line)), undefined);
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /^Export count not available, going on without it: /);
  });

  it('any other error (a 500 on the companies list): undefined as well', async () => {
    const { client } = testClient(base(), { retry: { maxAttempts: 1 } });
    await control('/__sandbox/faults', { method: 'POST', path: '/leads/api/companies/list', status: 500, count: 5 });
    const lines: string[] = [];
    assert.equal(await countExport(client, 'companies', { kind: 'all' }, (line) => lines.push(line)), undefined);
    assert.equal(lines.length, 1);
  });
});

describe('the count beside the export’s rows', () => {
  const job = (data: Job['data'], total: number | undefined, status: Job['status'] = 'done', files = ['export.csv']): Pick<Job, 'kind' | 'entity' | 'status' | 'data' | 'progress' | 'files'> =>
    ({ kind: 'export', entity: 'contacts', status, data, progress: total === undefined ? undefined : { done: total, total }, files });

  it('says nothing when they agree, when either is unknown, or before the export is done', () => {
    assert.equal(countMismatch(job({ expectedCount: 5 }, 5)), undefined);
    assert.equal(countMismatch(job({}, 5)), undefined);
    assert.equal(countMismatch(job({ expectedCount: 5 }, undefined)), undefined);
    assert.equal(countMismatch(job({ expectedCount: 5 }, 3, 'running')), undefined);
  });

  it('names both numbers when they differ', () => {
    assert.equal(countMismatch(job({ expectedCount: 1_234 }, 1)), 'Expected 1,234 contacts when it started; the export has 1 row.');
  });

  it('once downloaded, compares the file’s data rows, not the server’s progress', () => {
    assert.equal(countMismatch(job({ expectedCount: 5, downloadedRows: 4 }, 5)), 'Expected 5 contacts when it started; the downloaded file has 4 data rows.');
    assert.equal(countMismatch(job({ expectedCount: 5, downloadedRows: 5 }, 7)), undefined, 'the file agrees: the progress does not matter');
    assert.equal(countMismatch(job({ expectedCount: 2, downloadedRows: 1 }, 2, 'done', ['a.csv', 'b.csv'])), 'Expected 2 contacts when it started; the downloaded files have 1 data row.');
    assert.equal(countMismatch(job({ downloadedRows: 4 }, 5)), undefined, 'nothing to compare without a count');
  });

  it('ignores a stored count that is not a whole number', () => {
    assert.equal(downloadedRowsOf({ data: { downloadedRows: 2.5 } }), undefined);
    assert.equal(downloadedRowsOf({ data: { downloadedRows: 0 } }), 0);
    assert.equal(expectedCountOf({ data: { expectedCount: '12' } }), undefined);
    assert.equal(expectedCountOf({ data: { expectedCount: -1 } }), undefined);
    assert.equal(expectedCountOf({ data: { expectedCount: 12 } }), 12);
  });
});
