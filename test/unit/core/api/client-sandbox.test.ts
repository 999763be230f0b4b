/**
 * The client against the real sandbox over 127.0.0.1: every operation, every error class
 * through the sandbox's fault injection, cancellation, the shared limiter, and a log of a
 * full import + export flow that must not contain the key or the Team ID. The whole file
 * runs against both sandbox modes (doc and sister, see test/unit/sandbox-compat.ts).
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startSandbox } from '../../../../src/sandbox/index';
import {
  ApiError, AuthError, CancelledError, NetworkError, PaymentRequiredError, ServerError, ValidationError,
} from '../../../../src/core/api/errors';
import { isExportReady, isImportFinished, type ExportJob, type FileImport } from '../../../../src/core/api/models';
import { RateLimiter } from '../../../../src/core/api/limiter';
import { TEST_KEY, TEST_TEAM, sandboxControl, testClient, type LogLine } from './client-helpers';
import { ManualClock } from './manual-clock';
import { sandboxCompats } from '../../sandbox-compat';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

for (const compat of sandboxCompats()) describe(`client against the ${compat} sandbox`, () => {
  let sandbox: Sandbox | undefined;
  let dir: string;

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: TEST_KEY, teamId: TEST_TEAM, batchDelayMs: 5, seed: 'none', faults: true, rateLimitPerMinute: 100_000, compat });
  });
  after(async () => { await sandbox?.close(); });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gs-sandbox-client-'));
    await control('/__sandbox/reset', {});
  });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  function base(): string {
    assert.ok(sandbox, 'sandbox started');
    return sandbox.url;
  }

  function control(path: string, body: unknown): Promise<void> {
    return sandboxControl(base(), path, body);
  }

  interface Fault {
    method: 'GET' | 'POST' | 'PUT' | '*';
    path: string;
    count?: number;
    status?: number;
    retryAfter?: number;
    body?: string;
    delayMs?: number;
    drop?: boolean;
    truncate?: number;
  }

  function fault(spec: Fault): Promise<void> {
    return control('/__sandbox/faults', { count: 1, ...spec });
  }

  /** A tag of the team (an empty team has none): imports name tags by uuid (contract §7). */
  async function tagUuid(name: string): Promise<string> {
    const response = await request(`${base()}/__sandbox/tags`, { method: 'POST', body: JSON.stringify({ name }), headers: { 'content-type': 'application/json' } });
    const tag = (await response.body.json()) as { uuid?: unknown };
    assert.equal(typeof tag.uuid, 'string');
    return String(tag.uuid);
  }

  const CSV = [
    'First Name,Email,LinkedIn',
    'Ada,ada@example.com,linkedin.com/in/ada',
    'Grace,grace@example.com,',
    'Alan,,linkedin.com/in/alan-turing',
    'Nobody,,',
  ].join('\r\n');

  async function csvFile(name = 'contacts.csv', text = CSV): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  function secretsIn(lines: readonly LogLine[], extra: readonly string[] = []): string[] {
    return [...lines.map((l) => l.message), ...extra].filter((text) => text.includes(TEST_KEY) || text.includes(TEST_TEAM));
  }

  describe('client against the sandbox: operations', () => {
    it('runs a full contact import and export, and logs no secret', async () => {
      const { client, log } = testClient(base());
      const list = await client.createList('Webinar 2026');
      assert.equal(list.name, 'Webinar 2026');
      assert.ok((await client.listLists({ q: 'Webinar' })).items.some((l) => l.uuid === list.uuid));

      const progress: number[] = [];
      const uploaded = await client.uploadCsv({ filePath: await csvFile(), type: 'csv_leads' }, undefined, (sent) => progress.push(sent));
      assert.deepEqual(uploaded.csvHeaders, ['First Name', 'Email', 'LinkedIn']);
      assert.equal(uploaded.csvPreview[0]?.[1], 'ada@example.com');
      if (compat === 'doc') {
        assert.equal(uploaded.status, 'not_started');
        assert.equal(uploaded.matches.work_email, 1);
      } else {
        // No status in the answer, and `matches` as {"Header": field}: the same suggestion, or none (§7).
        assert.ok([1, undefined].includes(uploaded.matches.work_email), JSON.stringify(uploaded.matches));
      }
      assert.ok(progress.length > 0 && progress.at(-1) === progress.reduce((a, b) => Math.max(a, b), 0));

      const started = await client.importContacts(uploaded.uuid, { columns: { first_name: 0, work_email: 1, linkedin_id: 2 }, listUuid: list.uuid, tags: [await tagUuid('webinar')] });
      assert.equal(started.uuid, uploaded.uuid);
      const finished = await until(() => client.getImport(uploaded.uuid), (i: FileImport) => isImportFinished(i.status), 'the import');
      assert.equal(finished.status, 'completed');
      assert.ok(finished.errors.some((e) => e.row === 5), `the row without an identifier is reported (line 5 of the file): ${JSON.stringify(finished.errors)}`);

      const metrics = await client.importMetrics([uploaded.uuid]);
      assert.equal(metrics[uploaded.uuid]?.savedRecords, 3);
      assert.equal(metrics[uploaded.uuid]?.errorRecords, 1);
      const imports = await client.listImports({ type: 'csv_leads', limit: 10 });
      assert.ok(imports.items.some((i) => i.uuid === uploaded.uuid));

      const job = await client.exportContacts({ kind: 'list', listUuid: list.uuid });
      const ready = await until(() => client.getExport(job.uuid), (e: ExportJob) => isExportReady(e) || e.status === 'failed', 'the export');
      assert.ok(isExportReady(ready));
      const downloaded = await client.downloadExport(ready.files[0] ?? '', join(dir, 'out'));
      const text = await readFile(downloaded.path, 'utf8');
      assert.equal(downloaded.bytes, Buffer.byteLength(text));
      assert.match(text, /^uuid,/);
      assert.match(text, /ada@example\.com/);
      assert.match(text, /grace@example\.com/);

      assert.ok(log.length >= 10, `expected a log line per request, got ${log.length}`);
      assert.ok(log.some((l) => l.message.includes('POST /leads/api/file-imports/upload-csv → 200')));
      assert.deepEqual(secretsIn(log), []);
    });

    it('runs a company import and export', async () => {
      const { client, log } = testClient(base());
      const list = await client.createList('Accounts');
      const uploaded = await client.uploadCsv({ filePath: await csvFile('companies.csv', 'Company,Domain\r\nAcme,acme.io\r\nGlobex,globex.com\r\n'), type: 'csv_accounts' });
      // The sister server's upload answer names no type (§7): absent is fine, another type is not.
      assert.ok(uploaded.type === 'csv_accounts' || (compat === 'sister' && uploaded.type === undefined), String(uploaded.type));
      await client.importCompanies(uploaded.uuid, { columns: { name: 0, domain: 1 }, listUuids: [list.uuid] });
      const finished = await until(() => client.getImport(uploaded.uuid), (i: FileImport) => isImportFinished(i.status), 'the company import');
      assert.equal(finished.status, 'completed');
      const job = await client.exportCompanies({ kind: 'all' });
      assert.equal(job.type, 'account_export_csv');
      const ready = await until(() => client.getExport(job.uuid), (e: ExportJob) => isExportReady(e) || e.status === 'failed', 'the company export');
      const downloaded = await client.downloadExport(ready.files[0] ?? '', dir);
      assert.match(await readFile(downloaded.path, 'utf8'), /Globex/);
      assert.deepEqual(secretsIn(log), []);
    });
  });

  describe('client against the sandbox: errors', () => {
    it('401: a wrong key is an AuthError, and the key is in no message or log', async () => {
      const { client, log } = testClient(base(), { tokenProvider: async () => ({ apiKey: 'gs_wrong_key_000', teamId: TEST_TEAM }) });
      const error = await client.listLists().catch((e: unknown) => e);
      assert.ok(error instanceof AuthError && error.status === 401, String(error));
      assert.deepEqual(secretsIn(log, [error.message]), []);
      assert.ok(!log.some((l) => l.message.includes('gs_wrong_key_000')));
    });

    it('401 and 402 injected', async () => {
      const { client } = testClient(base());
      await fault({ method: 'GET', path: '/leads/api/lists', status: 401 });
      await assert.rejects(client.listLists(), AuthError);
      await fault({ method: 'POST', path: '/leads/api/file-exports/leads', status: 402 });
      await assert.rejects(client.exportContacts({ kind: 'all' }), (e: unknown) => e instanceof PaymentRequiredError && /out of credits/.test(e.message));
    });

    it('422: the field messages of a rejected mapping', async () => {
      const { client } = testClient(base());
      const list = await client.createList('L');
      const uploaded = await client.uploadCsv({ filePath: await csvFile(), type: 'csv_leads' });
      const error = await client.importContacts(uploaded.uuid, { columns: { first_name: 0 }, listUuid: list.uuid }).catch((e: unknown) => e);
      assert.ok(error instanceof ValidationError, String(error));
      assert.equal(error.status, 422);
      assert.ok(Object.keys(error.fields).length > 0, 'names the offending field');
      await assert.rejects(client.exportContacts({ kind: 'ids', ids: [] }), ValidationError);
    });

    it('429 with Retry-After: waits that long, then succeeds', async () => {
      const { client, clock } = testClient(base());
      await fault({ method: 'GET', path: '/leads/api/lists', status: 429, retryAfter: 2 });
      await client.listLists();
      assert.ok((clock.sleeps[0] ?? 0) >= 2_000, `slept ${clock.sleeps[0]}`);
    });

    it('500 on an upload: not repeated, and says it may have gone through', async () => {
      const { client } = testClient(base());
      await fault({ method: 'POST', path: '/leads/api/file-imports/upload-csv', status: 500 });
      // count 1: had the client repeated the upload, the second attempt would have succeeded
      await assert.rejects(client.uploadCsv({ filePath: await csvFile(), type: 'csv_leads' }), (e: unknown) => e instanceof ServerError && e.status === 500 && e.mayHaveActed);
    });

    it('503 with an HTML body: reads are repeated; past the retry budget it is a ServerError', async () => {
      const { client, clock } = testClient(base());
      await fault({ method: 'GET', path: '/leads/api/lists', status: 503, body: '<html><h1>Service Unavailable</h1></html>' });
      await client.listLists();
      assert.equal(clock.sleeps.length, 1);
      await fault({ method: 'GET', path: '/leads/api/lists', status: 503, body: '<html>down</html>', count: 10 });
      await assert.rejects(client.listLists(), (e: unknown) => e instanceof ServerError && e.status === 503 && /Try again/.test(e.message));
    });

    it('a dropped connection: a read is repeated, an export start is not', async () => {
      const { client } = testClient(base());
      await fault({ method: 'GET', path: '/leads/api/lists', drop: true });
      await client.listLists();
      await fault({ method: 'POST', path: '/leads/api/file-exports/leads', drop: true });
      await assert.rejects(client.exportContacts({ kind: 'all' }), (e: unknown) => e instanceof NetworkError && e.failure === 'reset' && e.mayHaveActed);
    });

    it('a slow response past the timeout is a NetworkError timeout', async () => {
      const { client } = testClient(base(), { timeoutMs: 200, retry: { maxAttempts: 1 } });
      await fault({ method: 'GET', path: '/leads/api/lists', delayMs: 1_500 });
      await assert.rejects(client.listLists(), (e: unknown) => e instanceof NetworkError && e.failure === 'timeout');
    });

    it('a truncated download: repeated once and completed; past the budget nothing is left', async () => {
      const { client } = testClient(base(), { retry: { maxAttempts: 2 } });
      await client.uploadCsv({ filePath: await csvFile(), type: 'csv_leads' }).then((u) => client.createList('T').then((l) =>
        client.importContacts(u.uuid, { columns: { work_email: 1, linkedin_id: 2 }, listUuid: l.uuid }).then(() =>
          until(() => client.getImport(u.uuid), (i: FileImport) => isImportFinished(i.status), 'import'))));
      const job = await client.exportContacts({ kind: 'all' });
      const ready = await until(() => client.getExport(job.uuid), (e: ExportJob) => isExportReady(e) || e.status === 'failed', 'export');
      const name = ready.files[0] ?? '';
      await fault({ method: 'POST', path: '/leads/api/file-exports/download', truncate: 10 });
      const complete = await client.downloadExport(name, join(dir, 'ok'));
      assert.match(await readFile(complete.path, 'utf8'), /ada@example\.com/);
      await fault({ method: 'POST', path: '/leads/api/file-exports/download', truncate: 10, count: 5 });
      await assert.rejects(client.downloadExport(name, join(dir, 'cut')), (e: unknown) => e instanceof NetworkError && e.failure === 'truncated');
      assert.deepEqual(await readdir(join(dir, 'cut')), []);
    });

    it('an unknown export file is NotFound', async () => {
      const { client } = testClient(base());
      await assert.rejects(client.downloadExport('no-such-export.csv', dir), (e: unknown) => e instanceof ApiError && e.kind === 'not_found');
      assert.deepEqual(await readdir(dir), []);
    });
  });

  describe('client against the sandbox: cancellation and limits', () => {
    it('cancelling mid-upload stops it and creates no import', async () => {
      const { client } = testClient(base());
      const before = (await client.listImports({ limit: 100 })).total;
      const big = await csvFile('big.csv', `Email\r\n${'someone@example.com\r\n'.repeat(500_000)}`);
      const controller = new AbortController();
      await assert.rejects(client.uploadCsv({ filePath: big, type: 'csv_leads' }, controller.signal, (sent) => {
        if (sent > 0) controller.abort();
      }), CancelledError);
      assert.equal((await client.listImports({ limit: 100 })).total, before);
    });

    it('cancelling mid-download leaves nothing on disk', async () => {
      const { client } = testClient(base());
      const job = await client.exportContacts({ kind: 'all' });
      const ready = await until(() => client.getExport(job.uuid), (e: ExportJob) => isExportReady(e) || e.status === 'failed', 'export');
      const controller = new AbortController();
      await assert.rejects(client.downloadExport(ready.files[0] ?? '', dir, controller.signal, (bytes) => {
        if (bytes > 0) controller.abort();
      }), CancelledError);
      assert.deepEqual(await readdir(dir), []);
    });

    it('50 jobs polling through two clients share one limiter: a small burst, then one request per interval', async () => {
      const clock = new ManualClock(Date.now());
      const limiter = new RateLimiter({ limit: 20, windowMs: 60_000, burst: 5, clock });
      assert.equal(limiter.intervalMs, 4_000);
      const a = testClient(base(), { limiter });
      const b = testClient(base(), { limiter });
      const done = (): number => a.log.length + b.log.length;
      const polls = Array.from({ length: 50 }, (_, n) => (n % 2 === 0 ? a : b).client.listLists({ limit: 1 }));
      const waitForRequests = async (expected: number): Promise<void> => {
        const deadline = Date.now() + 5_000;
        while (done() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        await new Promise((resolve) => setTimeout(resolve, 50)); // and nothing beyond
      };
      await waitForRequests(5);
      assert.equal(done(), 5, 'the burst goes at once');
      await clock.advance(3_999);
      await waitForRequests(5);
      assert.equal(done(), 5, 'nobody starts before the next interval');
      await clock.advance(1);
      await waitForRequests(6);
      assert.equal(done(), 6, 'then one per interval, not a minute of silence');
      for (let i = 0; i < 44; i += 1) await clock.advance(4_000);
      await Promise.all(polls);
      assert.equal(done(), 50);
      assert.ok([...a.log, ...b.log].every((l) => l.level === 'info'), 'no request was refused by the server');
    });
  });
});
