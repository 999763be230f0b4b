// A file imported in parts with the real client, store, poller and runner against the
// real sandbox over 127.0.0.1 (small parts of a small file, so each test takes a second):
// every part imported once and summed on the parent; a failing second part leaves the
// others imported and Retry runs only it; Cancel lets the running part finish and starts
// no other; a "reload" (a new store, poller and runner on the same storage) carries on
// without sending anything twice, and an upload sent just before the window closed is
// started, not sent again; the rows refused in any part make one error report on the
// source file's lines.
import { after, before, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSalesClient, RateLimiter, systemClock } from '../../../../src/core/api';
import { type Job, JobPoller, JobStore, partRowErrors } from '../../../../src/core/jobs';
import { writeErrorReport } from '../../../../src/core/import/error-report';
import { prepareFile } from '../../../../src/core/import/preflight';
import { type PreparedParts, splitPreparedFile } from '../../../../src/core/import/parts/part-files';
import { PartsRunner } from '../../../../src/core/import/parts/parts-runner';
import { startParts } from '../../../../src/core/import/parts/start-parts';
import { startSandbox } from '../../../../src/sandbox/index';
import { sandboxControl } from '../api/client-helpers';
import { MemoryStorage } from '../jobs/helpers';

const KEY = 'sandbox-parts-test-key-4d7e';
const ROWS = 240;

describe('a file imported in parts, against the sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  let dir: string;
  let client: GetSalesClient;
  const logs: string[] = [];
  let run = 0;

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: KEY, seed: 'none', batchDelayMs: 10, faults: true });
    dir = mkdtempSync(join(tmpdir(), 'getsales-parts-unit-'));
    client = new GetSalesClient({
      baseUrl: sandbox.url,
      tokenProvider: async () => ({ apiKey: KEY }),
      userAgent: 'getsales-csv-test/1.0.0',
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
      limiter: new RateLimiter(),
      retry: { maxAttempts: 1 },
    });
  });

  after(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One window: a store on `storage`, its poller and its runner. */
  function window(storage: MemoryStorage): { store: JobStore; runner: PartsRunner; close(): void } {
    const store = new JobStore({ storage });
    const target = { client, connection: 'sandbox' } as const;
    const poller = new JobPoller({ store, target: () => ({ remote: client, connection: 'sandbox' }), clock: systemClock, intervalMs: () => 30 });
    const runner = new PartsRunner({ store, target: () => target, log: (line) => logs.push(line) });
    poller.resume();
    return { store, runner, close: () => { runner.dispose(); poller.dispose(); store.dispose(); } };
  }

  /**
   * A CSV of ROWS contacts (every tenth with a line break in a quoted cell), cut into parts
   * of about 4 KB, its first part uploaded. `withoutEmail` picks rows left with no identifier.
   */
  async function prepare(withoutEmail: (row: number) => boolean = () => false): Promise<{ path: string; parts: PreparedParts; upload: string; list: string }> {
    run += 1;
    const path = join(dir, `contacts-${run}.csv`);
    const rows = Array.from({ length: ROWS }, (_, i) => `P${i},${i % 10 === 0 ? '"two\nlines"' : 'one line'},${withoutEmail(i) ? '' : `parts-${run}-${i}@example.com`}`);
    writeFileSync(path, `First Name,Notes,Email\n${rows.join('\n')}\n`);
    const prepared = await prepareFile(path);
    try {
      const parts = await splitPreparedFile(prepared, { root: join(dir, 'parts'), maxPartBytes: 4 * 1024 });
      assert.ok(parts.parts.length >= 3, `${parts.parts.length} parts`);
      const first = parts.parts[0];
      assert.ok(first);
      const upload = await client.uploadCsv({ filePath: first.path, fileName: 'part-1.csv', type: 'csv_leads' });
      const list = (await client.createList(`Parts ${run}`)).uuid;
      return { path, parts, upload: upload.uuid, list };
    } finally {
      await prepared.fullPass.dispose();
    }
  }

  async function start(store: JobStore, runner: PartsRunner, file: Awaited<ReturnType<typeof prepare>>): Promise<Job> {
    const parent = await startParts(client, store, {
      kind: 'contacts', importUuid: file.upload, sourcePath: file.path, label: `contacts-${run}.csv`, connection: 'sandbox',
      headers: ['First Name', 'Notes', 'Email'], dialect: { encoding: 'utf-8', delimiter: ',' }, mapping: ['first_name', null, 'work_email'],
      target: { kind: 'contacts', listUuid: file.list, tags: [], updateExisting: true }, parts: file.parts,
    });
    runner.follow(parent.id);
    return parent;
  }

  function ended(store: JobStore, id: string): Promise<Job> {
    return new Promise((resolve) => {
      const now = store.get(id);
      if (now !== undefined && now.status !== 'queued' && now.status !== 'running') return resolve(now);
      const subscription = store.onDidFinish((job) => {
        if (job.id !== id) return;
        subscription.dispose();
        resolve(job);
      });
    });
  }

  async function contactsIn(list: string): Promise<number> {
    const response = await fetch(`${sandbox.url}/__sandbox/state?kind=contacts&list_uuid=${list}`);
    return ((await response.json()) as { total: number }).total;
  }

  function uploads(): number {
    return logs.filter((line) => line.includes('upload-csv')).length;
  }

  it('imports every part once, one after another, and sums them on the parent; the part files go', async () => {
    const file = await prepare();
    const { store, runner, close } = window(new MemoryStorage());
    try {
      const parent = await start(store, runner, file);
      assert.equal(parent.status, 'running');
      const done = await ended(store, parent.id);
      assert.equal(done.status, 'done', done.message);
      const children = store.children(parent.id);
      assert.equal(children.length, file.parts.parts.length, 'one child per part');
      assert.ok(children.every((child) => child.status === 'done'));
      assert.equal((done.counts?.saved ?? 0) + (done.counts?.duplicates ?? 0) + (done.counts?.errors ?? 0), ROWS, 'the summed counts are the file\'s rows');
      assert.deepEqual(done.progress, { done: ROWS, total: ROWS });
      assert.equal(await contactsIn(file.list), ROWS);
      // One at a time: each part started after the one before it ended.
      for (let i = 1; i < children.length; i += 1) assert.ok((children[i]?.createdAt ?? 0) >= (children[i - 1]?.finishedAt ?? Infinity), `part ${i + 1} started after part ${i} ended`);
      await waitFor(() => !existsSync(file.parts.folder), 'the parts folder to go');
    } finally {
      close();
    }
  });

  it('a failing second part does not lose the others; Retry runs only it', async () => {
    const file = await prepare();
    const { store, runner, close } = window(new MemoryStorage());
    try {
      await sandboxControl(sandbox.url, '/__sandbox/faults', { method: 'POST', path: '/leads/api/file-imports/upload-csv', count: 1, status: 500 });
      const parent = await start(store, runner, file);
      const failed = await ended(store, parent.id);
      assert.equal(failed.status, 'failed');
      assert.match(failed.message ?? '', /^Part 2 of \d+ failed: .*Retry imports only part 2\.$/);
      assert.deepEqual(failed.parts?.parts.map((part) => part.state), file.parts.parts.map((_, i) => (i === 1 ? 'failed' : 'done')));
      const csvFiles = (): string[] => readdirSync(file.parts.folder).filter((name) => name.endsWith('.csv'));
      await waitFor(() => csvFiles().length === 1, 'the imported parts\' files to go');
      assert.deepEqual(csvFiles(), ['part-2.csv'], 'only the failed part\'s file is kept');
      const before = store.children(parent.id).map((child) => child.id);
      const uploadsBefore = uploads();

      assert.deepEqual(runner.retry(parent.id), [1]);
      const done = await ended(store, parent.id);
      assert.equal(done.status, 'done', done.message);
      assert.equal(uploads() - uploadsBefore, 1, 'one upload: part 2');
      const after = store.children(parent.id).map((child) => child.id);
      assert.deepEqual(after.filter((id) => before.includes(id)), before, 'the other parts are the same jobs');
      assert.equal(after.length, before.length + 1);
      assert.equal(await contactsIn(file.list), ROWS);
      assert.equal((done.counts?.saved ?? 0) + (done.counts?.duplicates ?? 0), ROWS);
    } finally {
      close();
    }
  });

  it('Cancel lets the running part finish and starts no other', async () => {
    const file = await prepare();
    const { store, runner, close } = window(new MemoryStorage());
    try {
      const parent = await start(store, runner, file);
      const outcome = runner.stop(parent.id);
      assert.deepEqual(outcome, { running: 0, waiting: file.parts.parts.slice(1).map((_, i) => i + 1) });
      const stopped = await ended(store, parent.id);
      assert.equal(stopped.status, 'cancelled');
      assert.equal(store.children(parent.id).length, 1, 'only the first part ran');
      assert.equal(await contactsIn(file.list), file.parts.parts[0]?.rows);
      assert.equal(stopped.counts?.saved, file.parts.parts[0]?.rows);
      assert.ok(existsSync(join(file.parts.folder, 'part-2.csv')), 'the parts not started are kept for Retry');
    } finally {
      close();
    }
  });

  it('after a reload, carries on with the parts left and sends nothing twice', async () => {
    const file = await prepare();
    const storage = new MemoryStorage();
    const first = window(storage);
    const parent = await start(first.store, first.runner, file);
    await first.store.flush();
    first.close(); // the window reloads while part 1 imports

    const second = window(storage);
    try {
      assert.equal(second.store.get(parent.id)?.status, 'running');
      second.runner.resume();
      const done = await ended(second.store, parent.id);
      assert.equal(done.status, 'done', done.message);
      assert.equal(second.store.children(parent.id).length, file.parts.parts.length);
      assert.equal(await contactsIn(file.list), ROWS, 'every row once');
    } finally {
      second.close();
    }
  });

  it('a part sent just before the window closed is started, not sent again', async () => {
    const file = await prepare();
    const storage = new MemoryStorage();
    const first = window(storage);
    const parent = await start(first.store, first.runner, file);
    first.runner.stop(parent.id);
    // What the runner records between sending part 2 and starting it.
    const second = file.parts.parts[1];
    assert.ok(second);
    const sent = await client.uploadCsv({ filePath: second.path, fileName: 'part-2.csv', type: 'csv_leads' });
    first.store.updatePart(parent.id, 1, { uploadUuid: sent.uuid });
    await ended(first.store, parent.id);
    await first.store.flush();
    first.close();

    const reloaded = window(storage);
    try {
      const uploadsBefore = uploads();
      reloaded.runner.retry(parent.id);
      const done = await ended(reloaded.store, parent.id);
      assert.equal(done.status, 'done', done.message);
      assert.equal(uploads() - uploadsBefore, file.parts.parts.length - 2, 'every part but the two already sent');
      assert.ok(reloaded.store.get(`import:${sent.uuid}`), 'part 2 is the upload sent before');
      assert.equal(await contactsIn(file.list), ROWS);
    } finally {
      reloaded.close();
    }
  });
  it('Show Errors on the parent: one report of the rows GetSales refused in any part, found on the source file\'s lines', async () => {
    const refused = (row: number): boolean => row % 37 === 5;
    const file = await prepare(refused);
    const { store, runner, close } = window(new MemoryStorage());
    try {
      const parent = await start(store, runner, file);
      const done = await ended(store, parent.id);
      assert.equal(done.status, 'partial', 'finished with rejected rows');
      const expected = Array.from({ length: ROWS }, (_, i) => i).filter(refused).map((i) => `P${i}`);
      assert.equal(done.counts?.errors, expected.length);
      const report = await writeErrorReport({
        sourcePath: file.path, dialect: { encoding: 'utf-8', delimiter: ',' }, kind: 'contacts', mapping: ['first_name', null, 'work_email'],
        serverErrors: partRowErrors(done, (id) => store.get(id)),
      });
      assert.equal(report.serverRows, expected.length, 'every refused row was found by its line in the source');
      assert.equal(report.preflightRows, 0);
      const names = readFileSync(report.path, 'utf8').split('\r\n').slice(1).filter((line) => line !== '').map((line) => line.split(',')[0]);
      assert.deepEqual(names, expected, 'the rows of every part, in the file\'s order');
    } finally {
      close();
    }
  });
});

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
