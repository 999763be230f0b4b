// The store and poller with the real client against the real sandbox over 127.0.0.1:
// an import runs to completion through polling, an export to done (or cancelled when
// the server cancels it), and a 401 (the key revoked mid-run) leaves the job as it was
// and raises auth-needed. Runs against both sandbox modes (see test/unit/sandbox-compat.ts);
// the sister server's status outside the known enum has a test of its own at the end.
import { after, before, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSalesClient, RateLimiter, systemClock } from '../../../../src/core/api';
import { type Job, JobPoller, JobStore, exportPatch, importStartPatch } from '../../../../src/core/jobs';
import { startSandbox } from '../../../../src/sandbox/index';
import { MemoryStorage } from './helpers';
import { sandboxCompats } from '../../sandbox-compat';

const KEY = 'sandbox-jobs-test-key-91c2';

for (const compat of sandboxCompats()) describe(`JobPoller with the real client and the ${compat} sandbox`, () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let dir: string;
  let key = KEY;
  const log: string[] = [];
  let client: GetSalesClient;

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: KEY, seed: 'demo', batchDelayMs: 20, faults: true, compat });
    dir = mkdtempSync(join(tmpdir(), 'getsales-jobs-unit-'));
    client = new GetSalesClient({
      baseUrl: sandbox.url,
      tokenProvider: async () => ({ apiKey: key }),
      userAgent: 'getsales-csv-test/1.0.0',
      logger: { info: (m) => log.push(m), warn: (m) => log.push(m), error: (m) => log.push(m) },
      limiter: new RateLimiter(),
      retry: { maxAttempts: 1 },
    });
  });

  after(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startImport(name: string, rows: number): Promise<Job> {
    const path = join(dir, name);
    const lines = ['First Name,Email'];
    for (let i = 0; i < rows; i += 1) lines.push(`P${i},${name}-${i}@example.com`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const upload = await client.uploadCsv({ filePath: path, type: 'csv_leads' });
    const list = (await client.listLists({ limit: 1 })).items[0];
    assert.ok(list);
    const remote = await client.importContacts(upload.uuid, { columns: { first_name: 0, work_email: 1 }, listUuid: list.uuid });
    return store.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: remote.uuid, label: name, sourcePath: path, state: importStartPatch(remote) });
  }

  let store: JobStore;
  function newPoller(): JobPoller {
    return new JobPoller({ store, target: () => ({ remote: client, connection: 'sandbox' }), clock: systemClock, intervalMs: () => 30 });
  }

  function finished(id: string): Promise<Job> {
    return new Promise((resolve) => {
      const subscription = store.onDidFinish((job) => {
        if (job.id !== id) return;
        subscription.dispose();
        resolve(job);
      });
    });
  }

  it('polls an import to completed, with the counts, then stops', async () => {
    store = new JobStore({ storage: new MemoryStorage() });
    const poller = newPoller();
    poller.pause(); // subscribe to the finish before the first poll
    const job = await startImport('a.csv', 2_500);
    const done = finished(job.id);
    poller.resume();
    const result = await done;
    assert.equal(result.status, 'done');
    assert.equal(result.remoteStatus, 'completed');
    assert.equal(result.counts?.saved, 2_500);
    assert.deepEqual(poller.polling(), []);
    poller.dispose();
  });

  it('on 401 keeps the job state and raises auth-needed; the key never reaches the log', async () => {
    store = new JobStore({ storage: new MemoryStorage() });
    const poller = newPoller();
    poller.pause();
    const job = await startImport('b.csv', 10);
    key = 'revoked-key-aaaa-bbbb';
    const auth = new Promise<Job>((resolve) => store.onAuthNeeded(resolve));
    poller.resume();
    const raised = await auth;
    assert.equal(raised.id, job.id);
    assert.equal(store.get(job.id)?.status, job.status);
    assert.deepEqual(poller.polling(), []);
    key = KEY;
    const done = finished(job.id);
    poller.resume();
    assert.equal((await done).status, 'done');
    poller.dispose();
    const text = log.join('\n');
    assert.match(text, /→ 401/);
    assert.ok(!text.includes(KEY) && !text.includes('revoked-key-aaaa-bbbb'));
  });

  /** Resolves when the job leaves queued/running, whichever way (cancelled included). */
  function settled(id: string): Promise<Job> {
    return new Promise((resolve) => {
      const subscription = store.onDidChange((change) => {
        if (change.job.id !== id || change.type === 'removed' || ['queued', 'running'].includes(change.job.status)) return;
        subscription.dispose();
        resolve(change.job);
      });
    });
  }

  async function startExport(): Promise<Job> {
    const remote = await client.exportContacts({ kind: 'all' });
    return store.addExport({ entity: 'contacts', connection: 'sandbox', remoteUuid: remote.uuid, label: 'All contacts', state: exportPatch(remote) });
  }

  it('polls an export to done, with its file', async () => {
    store = new JobStore({ storage: new MemoryStorage() });
    const poller = newPoller();
    poller.pause();
    const job = await startExport();
    const done = settled(job.id);
    poller.resume();
    const result = await done;
    assert.equal(result.status, 'done');
    assert.equal(result.remoteStatus, compat === 'sister' ? 'completed' : 'done');
    assert.equal(result.files.length, 1);
    assert.match(result.files[0] ?? '', /^contacts-export-.*\.csv$/);
    poller.dispose();
  });

  it('an export cancelled on the server ends cancelled, not failed, and polling stops', async () => {
    store = new JobStore({ storage: new MemoryStorage() });
    const poller = newPoller();
    poller.pause();
    const job = await startExport();
    const response = await fetch(`${sandbox.url}/__sandbox/cancel-exports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uuid: job.remoteUuid }) });
    assert.deepEqual(await response.json(), { cancelled: [job.remoteUuid] });
    const ended = settled(job.id);
    poller.resume();
    const result = await ended;
    assert.equal(result.status, 'cancelled');
    assert.equal(result.remoteStatus, 'cancelled');
    assert.deepEqual(poller.polling(), []);
    poller.dispose();
  });
});

describe('JobPoller and an import status outside the known enum (sister sandbox)', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let dir: string;

  before(async () => {
    // Slow batches: the server says queued_for_processing until its first batch, which must
    // outlast the poller's first look (about 1 s after the start, poll-delay.ts).
    sandbox = await startSandbox({ port: 0, apiKey: KEY, seed: 'demo', seedContacts: 10, seedCompanies: 5, batchDelayMs: 2_000, compat: 'sister' });
    dir = mkdtempSync(join(tmpdir(), 'getsales-jobs-unit-'));
  });

  after(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the raw status, keeps polling as running, and ends done', async () => {
    const client = new GetSalesClient({
      baseUrl: sandbox.url, tokenProvider: async () => ({ apiKey: KEY }), userAgent: 'getsales-csv-test/1.0.0',
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined }, limiter: new RateLimiter(), retry: { maxAttempts: 1 },
    });
    const store = new JobStore({ storage: new MemoryStorage() });
    const poller = new JobPoller({ store, target: () => ({ remote: client, connection: 'sandbox' }), clock: systemClock, intervalMs: () => 30 });
    poller.pause();
    const path = join(dir, 'slow.csv');
    writeFileSync(path, 'Email\nslow-1@example.com\nslow-2@example.com\n');
    const upload = await client.uploadCsv({ filePath: path, type: 'csv_leads' });
    const list = (await client.listLists({ limit: 1 })).items[0];
    assert.ok(list);
    const remote = await client.importContacts(upload.uuid, { columns: { work_email: 0 }, listUuid: list.uuid });
    const job = store.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: remote.uuid, label: 'slow.csv', sourcePath: path, state: importStartPatch(remote) });
    const seen: { status: string; remoteStatus: string | undefined }[] = [];
    store.onDidChange((change) => { if (change.type === 'updated') seen.push({ status: change.job.status, remoteStatus: change.job.remoteStatus }); });
    const done = new Promise<Job>((resolve) => store.onDidFinish(resolve));
    poller.resume();
    const result = await done;
    assert.equal(result.id, job.id);
    assert.equal(result.status, 'done');
    const unknown = seen.find((entry) => entry.remoteStatus === 'queued_for_processing');
    assert.ok(unknown, `the raw status was kept: ${JSON.stringify(seen)}`);
    assert.equal(unknown.status, 'running');
    poller.dispose();
  });
});
