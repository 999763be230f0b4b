/**
 * The two optional export helpers of contract §8 against the real sandbox, in both modes:
 * the count before an export (`leads/count`, the companies list's `total`) and cancelling
 * a running export (`DELETE mass-actions/{uuid}`). Exports here never get past `queued`
 * (a batch pause of a minute), so a cancel always finds them running.
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import { strict as assert } from 'node:assert';
import { request } from 'undici';
import { startSandbox } from '../../../../src/sandbox/index';
import { ApiError, NotFoundError } from '../../../../src/core/api/errors';
import { TEST_KEY, TEST_TEAM, testClient } from './client-helpers';
import { sandboxCompats } from '../../sandbox-compat';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const CONTACTS = 30;
const COMPANIES = 7;

for (const compat of sandboxCompats()) describe(`export count and cancel against the ${compat} sandbox`, () => {
  let sandbox: Sandbox | undefined;

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: TEST_KEY, teamId: TEST_TEAM, batchDelayMs: 60_000, seed: 'demo', seedContacts: CONTACTS, seedCompanies: COMPANIES, faults: true, rateLimitPerMinute: 100_000, compat });
  });
  after(async () => { await sandbox?.close(); });
  beforeEach(async () => { await admin('POST', '/__sandbox/reset', {}); });

  function base(): string {
    assert.ok(sandbox, 'sandbox started');
    return sandbox.url;
  }

  async function admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await request(`${base()}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const value: unknown = await response.body.json();
    assert.ok(response.statusCode < 300, `${path} answered ${response.statusCode}`);
    return value;
  }

  async function someContactUuids(n: number): Promise<string[]> {
    const state = (await admin('GET', '/__sandbox/state?kind=contacts')) as { data: { uuid: string }[] };
    return state.data.slice(0, n).map((record) => record.uuid);
  }

  it('counts the contacts of a filter with leads/count', async () => {
    const { client } = testClient(base());
    assert.equal(await client.countForExport('contacts', { kind: 'all' }), CONTACTS);
    const ids = await someContactUuids(3);
    assert.equal(await client.countForExport('contacts', { kind: 'ids', ids }), 3);
  });

  it('counts the companies of a filter with the companies list total', async () => {
    const { client } = testClient(base());
    assert.equal(await client.countForExport('companies', { kind: 'all' }), COMPANIES);
    assert.equal(await client.countForExport('companies', { kind: 'search', q: 'no company is called this 7f3a' }), 0);
  });

  it('a count endpoint that is not there is a NotFoundError', async () => {
    const { client } = testClient(base());
    await admin('POST', '/__sandbox/faults', { method: 'POST', path: '/leads/api/leads/count', status: 404, count: 1 });
    await assert.rejects(client.countForExport('contacts', { kind: 'all' }), NotFoundError);
  });

  it('cancels a running export: the answer and the next poll say cancelled', async () => {
    const { client } = testClient(base());
    const started = await client.exportContacts({ kind: 'all' });
    const answer = await client.cancelExport(started.uuid);
    assert.equal(answer?.status, 'cancelled');
    assert.equal((await client.getExport(started.uuid)).status, 'cancelled');
  });

  it('an export that has already ended cannot be cancelled (422), an unknown one is NotFound', async () => {
    const { client } = testClient(base());
    const started = await client.exportContacts({ kind: 'all' });
    await client.cancelExport(started.uuid);
    await assert.rejects(client.cancelExport(started.uuid), (error: unknown) => error instanceof ApiError && error.status === 422);
    await assert.rejects(client.cancelExport('00000000-0000-4000-8000-000000000000'), NotFoundError);
  });
});
