/**
 * Cancel Export against the real sandbox (both modes): accepted → the job ends
 * `cancelled` at once; refused (405, 404, 422) → the job is left running and the error
 * says so plainly. Exports never get past `queued` here (a batch pause of a minute).
 */
import { describe, it, before, after, beforeEach } from 'node:test';
import { strict as assert } from 'node:assert';
import { request } from 'undici';
import { startSandbox } from '../../../../src/sandbox/index';
import { type Job, JobStore, exportPatch } from '../../../../src/core/jobs';
import { CANCELLED_BY_YOU, cancelExportJob } from '../../../../src/core/export/cancel-export';
import { UserError } from '../../../../src/core/user-error';
import { TEST_KEY, TEST_TEAM, testClient } from '../api/client-helpers';
import { MemoryStorage } from '../jobs/helpers';
import { sandboxCompats } from '../../sandbox-compat';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

for (const compat of sandboxCompats()) describe(`cancelling an export job against the ${compat} sandbox`, () => {
  let sandbox: Sandbox | undefined;

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: TEST_KEY, teamId: TEST_TEAM, batchDelayMs: 60_000, seed: 'demo', seedContacts: 20, seedCompanies: 5, faults: true, rateLimitPerMinute: 100_000, compat });
  });
  after(async () => { await sandbox?.close(); });
  beforeEach(async () => { await fault({}, '/__sandbox/reset'); });

  function base(): string {
    assert.ok(sandbox, 'sandbox started');
    return sandbox.url;
  }

  async function fault(body: Record<string, unknown>, path = '/__sandbox/faults'): Promise<void> {
    const response = await request(`${base()}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    await response.body.text();
    assert.ok(response.statusCode < 300, `${path} answered ${response.statusCode}`);
  }

  async function runningExport(): Promise<{ store: JobStore; job: Job; client: ReturnType<typeof testClient>['client'] }> {
    const { client } = testClient(base());
    const store = new JobStore({ storage: new MemoryStorage() });
    const remote = await client.exportContacts({ kind: 'all' });
    const job = store.addExport({ entity: 'contacts', connection: 'sandbox', remoteUuid: remote.uuid, label: 'All contacts', remoteStatus: remote.rawStatus, data: {}, state: { ...exportPatch(remote), status: 'running' } });
    return { store, job, client };
  }

  it('accepted: the job ends cancelled, with the server’s word and a message saying who cancelled it', async () => {
    const { store, job, client } = await runningExport();
    const cancelled = await cancelExportJob(client, store, job);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.remoteStatus, 'cancelled');
    assert.equal(cancelled.message, CANCELLED_BY_YOU);
    assert.ok(cancelled.finishedAt !== undefined);
    assert.equal(store.get(job.id)?.status, 'cancelled');
    assert.equal((await client.getExport(job.remoteUuid)).status, 'cancelled', 'the server stopped it too');
  });

  for (const status of [405, 404]) {
    it(`refused with ${status}: the job keeps running and the message says the account does not offer it`, async () => {
      const { store, job, client } = await runningExport();
      await fault({ method: 'DELETE', path: '/leads/api/mass-actions/*', status, count: 1 });
      await assert.rejects(cancelExportJob(client, store, job), (error: unknown) => error instanceof UserError
        && /did not cancel the export “All contacts”: this account does not offer cancelling exports\. The export keeps running/.test(error.message));
      assert.equal(store.get(job.id)?.status, 'running');
      assert.equal(store.get(job.id)?.message, undefined);
    });
  }

  it('refused with 422 (ended meanwhile): the server’s reason, and the job is left to the poller', async () => {
    const { store, job, client } = await runningExport();
    await client.cancelExport(job.remoteUuid); // ended behind our back
    await assert.rejects(cancelExportJob(client, store, job), (error: unknown) => error instanceof UserError
      && /did not cancel the export “All contacts”: .*already ended.* The export keeps running/.test(error.message));
    assert.equal(store.get(job.id)?.status, 'running');
  });

  it('an import or a finished export is not sent to the server at all', async () => {
    const { store, job, client } = await runningExport();
    const done = store.patch(job.id, { status: 'done' });
    assert.ok(done);
    await assert.rejects(cancelExportJob(client, store, done), /has already ended \(done\); there is nothing to cancel/);
    const imported = store.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'imp-1', label: 'leads.csv', state: { status: 'running' } });
    await assert.rejects(cancelExportJob(client, store, imported), /is an import; only a running export can be cancelled/);
  });
});
