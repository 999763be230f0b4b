// The job store in the real extension host against the harness's sandbox: a started
// import is polled to its end and polling stops; jobs survive a simulated reload (a new
// store on the same globalState) and resume; a 401 while polling keeps the job's state
// and offers Sign In; Refresh All finds imports started elsewhere (and never a LinkedIn-type
// data source); an export whose start answer was lost is found by Refresh Jobs; an export
// cancelled on the server ends cancelled; Clear Finished. Runs against the doc and the
// sister sandbox (the real server's variants), same assertions.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { systemClock } from '../../src/core/api/clock';
import type { ImportStart } from '../../src/core/api/models';
import { type Job, JobPoller, JobStore, importStartPatch } from '../../src/core/jobs';
import type { GetSalesExtensionApi } from '../../src/host/api';
import { connectionEnv, sandboxEnv, sandboxModes } from './support/env';
import { extensionApi, eventually, switchSandbox } from './support/api';



for (const mode of sandboxModes()) describe(`jobs: store, polling and persistence in the extension host (${mode} sandbox)`, () => {
  let api: GetSalesExtensionApi;
  let dir: string;

  before(async () => {
    api = await extensionApi();
    dir = mkdtempSync(join(tmpdir(), 'getsales-jobs-'));
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await switchSandbox(api, mode);
  });

  afterEach(async () => {
    // Each test leaves the extension connected to the harness sandbox, polling.
    if (api.connection.state.mode !== 'sandbox' || api.connection.state.local || api.connection.state.baseUrl !== sandboxEnv().url) await api.connection.restore(connectionEnv());
    api.poller.resume();
  });

  after(async () => {
    await switchSandbox(api, 'doc'); // first: its wait for running jobs still polls every second
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Uploads a fresh contacts CSV and starts its import; returns the started import. */
  async function startImport(rows: number): Promise<{ remote: ImportStart; path: string }> {
    const client = api.connection.requireClient();
    const tag = randomBytes(4).toString('hex');
    const path = join(dir, `contacts-${tag}.csv`);
    const lines = ['First Name,Email'];
    for (let i = 0; i < rows; i += 1) lines.push(`Person ${i},person-${tag}-${i}@example.com`);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const upload = await client.uploadCsv({ filePath: path, type: 'csv_leads' });
    const lists = await client.listLists({ limit: 1 });
    const list = lists.items[0];
    assert.ok(list, 'the demo data has a list');
    const remote = await client.importContacts(upload.uuid, { columns: { first_name: 0, work_email: 1 }, listUuid: list.uuid });
    return { remote, path };
  }

  function addJob(started: { remote: ImportStart; path: string }, store: JobStore = api.jobs): Job {
    return store.addImport({
      entity: 'contacts',
      connection: 'sandbox',
      remoteUuid: started.remote.uuid,
      label: started.path.split('/').pop() ?? 'contacts.csv',
      sourcePath: started.path,
      state: importStartPatch(started.remote),
    });
  }

  it('polls a started import to its end, notifies once, and stops polling', async () => {
    const started = await startImport(1_500);
    const job = addJob(started);
    const finished = await eventually('the import to finish', () => {
      const current = api.jobs.get(job.id);
      return current && current.status !== 'queued' && current.status !== 'running' ? current : undefined;
    });
    assert.equal(finished.status, 'done');
    assert.equal(finished.counts?.saved, 1_500);
    assert.deepEqual(finished.progress, { done: 1_500, total: 1_500 });
    assert.ok(!api.poller.polling().includes(job.id), 'no loop left for a finished job');
    const notices = api.notifier.shown().filter((n) => n.jobId === job.id);
    assert.equal(notices.length, 1);
    assert.match(notices[0]?.message ?? '', /^Import of contacts-.*\.csv finished: 1,500 saved\.$/);
  });

  it('keeps jobs across a simulated reload, and a new store resumes polling them', async () => {
    api.poller.pause(); // the window "closes" before the job is polled
    const started = await startImport(800);
    const job = addJob(started);
    await api.jobs.flush();

    const reloaded = new JobStore({ storage: api.jobStorage });
    const poller = new JobPoller({ store: reloaded, target: () => api.connection.pollTarget(), clock: systemClock, intervalMs: () => 250 });
    try {
      const restored = reloaded.get(job.id);
      assert.ok(restored, 'the job is back after the reload');
      assert.equal(restored.sourcePath, started.path);
      assert.ok(restored.status === 'queued' || restored.status === 'running', 'still active');
      poller.resume();
      const done = await eventually('the reloaded job to finish', () => (reloaded.get(job.id)?.status === 'done' ? reloaded.get(job.id) : undefined));
      assert.equal(done.counts?.saved, 800);
      assert.deepEqual(poller.polling(), []);
    } finally {
      poller.dispose();
      reloaded.dispose();
    }
  });

  it('on 401 while polling keeps the job as it was, offers Sign In, and resumes after reconnecting', async () => {
    // Only this job may meet the 401, so the prompt is surely about it.
    await eventually('earlier jobs to finish', () => (api.jobs.active().length === 0 ? true : undefined));
    const started = await startImport(500);
    const { url } = sandboxEnv();
    await api.connection.restore({ GETSALES_SANDBOX_URL: url, GETSALES_SANDBOX_KEY: 'sandbox-revoked-key-4d2c' });
    const before = addJob(started);
    const blocked = await eventually('auth-needed for the job', () => api.notifier.shown().find((n) => n.jobId === before.id && n.actions.includes('Sign In')));
    assert.match(blocked.message, /Sign in again/);
    const kept = api.jobs.get(before.id);
    assert.equal(kept?.status, before.status, 'the job keeps its state');
    assert.deepEqual(kept?.progress, before.progress);
    assert.match(kept?.message ?? '', /Sign in/);
    assert.deepEqual(api.poller.polling(), [], 'polling stopped');

    await api.connection.restore(connectionEnv()); // a new sign-in
    const done = await eventually('the job to finish after reconnecting', () => (api.jobs.get(before.id)?.status === 'done' ? api.jobs.get(before.id) : undefined));
    assert.equal(done.message, undefined, 'the sign-in message is gone');
  });

  /** An API read of the current mode's sandbox, with its key. */
  async function sandboxGet(path: string): Promise<Record<string, unknown>[]> {
    const { url, apiKey } = sandboxEnv();
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
    assert.equal(response.status, 200, path);
    return ((await response.json()) as { data: Record<string, unknown>[] }).data;
  }

  /** A test-only endpoint of the current mode's sandbox (faults enabled). */
  async function sandboxAdmin(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${sandboxEnv().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
    return response.json();
  }

  it('Refresh All adds imports started elsewhere, from the API list', async () => {
    const started = await startImport(50); // not added to the store: "started in the web app"
    const added: unknown = await vscode.commands.executeCommand('getsales.jobs.refresh');
    assert.ok(typeof added === 'number' && added >= 1, `Refresh All reports what it added (got ${String(added)})`);
    const found = api.jobs.get(`import:${started.remote.uuid}`);
    assert.ok(found, 'the import is now a job');
    assert.equal(found.discovered, true);
    assert.equal(found.connection, 'sandbox');
    // The sister server lists LinkedIn / Sales Navigator searches among the imports: none becomes a job.
    const others = (await sandboxGet('/leads/api/data-sources?limit=100')).filter((item) => item.type !== 'csv_leads' && item.type !== 'csv_accounts');
    assert.equal(others.length, mode === 'sister' ? 12 : 0);
    assert.deepEqual(others.filter((item) => api.jobs.get(`import:${String(item.uuid)}`) !== undefined), []);
  });

  it('an export whose start answer was lost (the server started it) is found by Refresh Jobs and followed to done', async () => {
    await sandboxAdmin('/__sandbox/faults', { method: 'POST', path: '/leads/api/file-exports/leads', lose: true });
    await vscode.commands.executeCommand('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
    const [lost] = await sandboxGet('/leads/api/mass-actions?limit=1');
    assert.equal(lost?.type, 'contact_export_csv', 'the server started the export');
    const id = `export:${String(lost?.uuid)}`;
    assert.equal(api.jobs.get(id), undefined, 'no answer, so no job yet');
    await vscode.commands.executeCommand('getsales.jobs.refresh');
    const found = api.jobs.get(id);
    assert.ok(found, 'Refresh Jobs found the export');
    assert.equal(found.discovered, true);
    const done = await eventually('the found export to finish', () => (api.jobs.get(id)?.status === 'done' ? api.jobs.get(id) : undefined));
    assert.equal(done.files.length, 1);
  });

  it('an export cancelled on the server ends cancelled', async () => {
    const started: unknown = await vscode.commands.executeCommand('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
    assert.ok(typeof started === 'object' && started !== null && 'id' in started, `the export started (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    const job = started as Job;
    // 5,000 demo contacts at 20 ms a batch of 1,000: still running when this arrives.
    assert.deepEqual(await sandboxAdmin('/__sandbox/cancel-exports', { uuid: job.remoteUuid }), { cancelled: [job.remoteUuid] });
    const cancelled = await eventually('the job to show cancelled', () => (api.jobs.get(job.id)?.status === 'cancelled' ? api.jobs.get(job.id) : undefined));
    assert.equal(cancelled.remoteStatus, 'cancelled');
  });

  it('Clear Finished removes finished jobs and keeps running ones', async () => {
    await eventually('every job to finish', () => (api.jobs.active().length === 0 ? true : undefined));
    // A file imported in parts is one finished job: its parts go with it.
    const finished = api.jobs.all().filter((job) => job.parentId === undefined).length;
    assert.ok(finished > 0);
    api.poller.pause(); // keep the stand-in running job from being polled
    const running = api.jobs.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'still-running', label: 'big.csv', state: { status: 'running' } });
    const removed: unknown = await vscode.commands.executeCommand('getsales.jobs.clearFinished');
    assert.equal(removed, finished);
    assert.deepEqual(api.jobs.all().map((job) => job.id), [running.id]);
    api.jobs.remove(running.id);
  });
});
