/**
 * The client against a scripted local server: what the sandbox cannot stage — a hostile
 * file name, a stalled socket, exact headers — plus retry and timeout mechanics.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, UnexpectedResponseError, NetworkError, ServerError, AuthError, RateLimitedError } from '../../../../src/core/api/errors';
import { GetSalesClient } from '../../../../src/core/api/client';
import { fileImportJson, sendJson, startScriptedServer, type Script, type ScriptedServer } from './scripted-server';
import { TEST_KEY, TEST_TEAM, testClient } from './client-helpers';

let dir: string;
let server: ScriptedServer | undefined;
let script: Script = (_req, res) => sendJson(res, 404, {});

before(async () => { server = await startScriptedServer((req, res, seen) => script(req, res, seen)); });
after(async () => { await server?.close(); });
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gs-client-'));
  server?.seen.splice(0);
});
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

function url(): string {
  assert.ok(server);
  return server.url;
}

function csvBody(size: number): string {
  const row = 'ada@example.com\n';
  return `Email\n${row.repeat(Math.ceil(size / row.length))}`;
}

describe('client over a scripted server', () => {
  it('sends the key, Team-ID, User-Agent and JSON body', async () => {
    let body = '';
    script = (req, res) => {
      req.setEncoding('utf8');
      req.on('data', (c: string) => { body += c; });
      req.on('end', () => sendJson(res, 200, fileImportJson({ status: 'in_progress' })));
    };
    const { client } = testClient(url());
    const result = await client.importContacts('imp-1', { columns: { work_email: 0 }, listUuid: 'l1' });
    assert.equal(result.status, 'in_progress');
    const seen = server?.seen[0];
    assert.equal(seen?.headers.authorization, `Bearer ${TEST_KEY}`);
    assert.equal(seen?.headers['team-id'], TEST_TEAM);
    assert.equal(seen?.headers['user-agent'], 'getsales-csv-test/1.0.0');
    assert.match(String(seen?.headers['content-type']), /application\/json/);
    assert.equal(seen?.url, '/leads/api/file-imports/imp-1/import-leads');
    assert.deepEqual(JSON.parse(body), { columns: { work_email: 0 }, list_uuid: 'l1' });
  });

  it('keeps a path prefix of the base URL', async () => {
    script = (_req, res) => sendJson(res, 200, { data: [], limit: 20, offset: 0, total: 0, has_more: false });
    const { client } = testClient(`${url()}/proxy/`);
    await client.listLists({ q: 'web' });
    assert.equal(server?.seen[0]?.url, '/proxy/leads/api/lists?filter%5Bq%5D=web');
  });

  it('refuses to start without an API key, before any request', async () => {
    const { client } = testClient(url(), { tokenProvider: async () => undefined });
    await assert.rejects(client.listLists(), (error: unknown) => error instanceof AuthError && /No GetSales API key/.test(error.message));
    assert.equal(server?.seen.length, 0);
  });

  it('saves a download named ../../evil.csv inside the target folder only, and never overwrites', async () => {
    script = (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '8', 'content-disposition': 'attachment; filename="../../evil.csv"' });
        res.end('uuid\r\nx\r\n');
      });
    };
    const target = join(dir, 'inner', 'downloads');
    const { client } = testClient(url());
    const first = await client.downloadExport('export.csv', target);
    assert.equal(first.path, join(target, 'evil.csv'));
    const second = await client.downloadExport('export.csv', target);
    assert.equal(second.path, join(target, 'evil (1).csv'));
    assert.deepEqual((await readdir(dir)).sort(), ['inner']);
    assert.deepEqual((await readdir(join(dir, 'inner'))).sort(), ['downloads']);
    assert.deepEqual((await readdir(target)).sort(), ['evil (1).csv', 'evil.csv']);
  });

  it('leaves no file when a download is cut short, after retrying it', async () => {
    script = (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '1000' });
        res.write('uuid\r\n'.repeat(20));
        setTimeout(() => res.socket?.destroy(), 10);
      });
    };
    const { client, clock } = testClient(url(), { retry: { maxAttempts: 2 } });
    await assert.rejects(client.downloadExport('export.csv', dir), (error: unknown) =>
      error instanceof NetworkError && error.failure === 'truncated' && /nothing was saved/.test(error.message));
    assert.equal(server?.seen.length, 2, 'a download is safe to repeat');
    assert.equal(clock.sleeps.length, 1);
    assert.deepEqual(await readdir(dir), []);
  });

  it('stops a download at once when cancelled and leaves nothing on disk', async () => {
    script = (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(10 * 1024 * 1024) });
        res.write(Buffer.alloc(64 * 1024, 0x61)); // then stall
      });
    };
    const { client } = testClient(url());
    const controller = new AbortController();
    const started = Date.now();
    await assert.rejects(client.downloadExport('export.csv', dir, controller.signal, (bytes) => {
      if (bytes > 0) controller.abort();
    }), CancelledError);
    assert.ok(Date.now() - started < 4_000, 'cancel did not wait for the timeout');
    assert.deepEqual(await readdir(dir), []);
  });

  it('stops an upload at once when cancelled, and does not retry it', async () => {
    script = (req) => { req.pause(); }; // never reads: the upload stalls once socket buffers fill
    const file = join(dir, 'big.csv');
    await writeFile(file, csvBody(8 * 1024 * 1024));
    const { client } = testClient(url());
    const controller = new AbortController();
    let reported = 0;
    await assert.rejects(client.uploadCsv({ filePath: file, type: 'csv_leads' }, controller.signal, (sent, total) => {
      reported = sent;
      assert.ok(total > 8 * 1024 * 1024);
      if (sent > 0) controller.abort();
    }), CancelledError);
    assert.ok(reported > 0);
    // Give a (wrong) second attempt the time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok((server?.seen.length ?? 0) <= 1, 'a cancelled upload is not sent again');
    assert.deepEqual(await readdir(dir), ['big.csv']);
  });

  it('times out a slow answer: reads are retried, an import start is not', async () => {
    script = () => undefined; // never answers
    const { client } = testClient(url(), { timeoutMs: 150, retry: { maxAttempts: 2 } });
    await assert.rejects(client.listLists(), (error: unknown) => error instanceof NetworkError && error.failure === 'timeout' && !error.mayHaveActed);
    assert.equal(server?.seen.length, 2);
    server?.seen.splice(0);
    await assert.rejects(client.importContacts('imp-1', { columns: { work_email: 0 } }), (error: unknown) =>
      error instanceof NetworkError && error.failure === 'timeout' && error.mayHaveActed && /Refresh Jobs in the GetSales Jobs view/.test(error.message));
    assert.equal(server?.seen.length, 1);
  });

  it('does not repeat an upload the server failed on, and says it may have gone through', async () => {
    script = (req, res) => {
      req.resume();
      req.on('end', () => { res.writeHead(500, { 'content-type': 'text/html' }); res.end('<html>oops</html>'); });
    };
    const file = join(dir, 'c.csv');
    await writeFile(file, csvBody(100));
    const { client } = testClient(url());
    await assert.rejects(client.uploadCsv({ filePath: file, type: 'csv_leads' }), (error: unknown) =>
      error instanceof ServerError && error.status === 500 && error.mayHaveActed);
    assert.equal(server?.seen.length, 1);
  });

  it('repeats an upload answered 429, after the Retry-After wait', async () => {
    script = (req, res, seen) => {
      req.resume();
      req.on('end', () => {
        if (seen.length === 1) sendJson(res, 429, { error: { reason: 'too_many_requests', message: 'Slow down' } }, { 'retry-after': '3' });
        else sendJson(res, 200, fileImportJson());
      });
    };
    const file = join(dir, 'c.csv');
    await writeFile(file, csvBody(100));
    const { client, clock } = testClient(url());
    const result = await client.uploadCsv({ filePath: file, type: 'csv_leads', fileName: 'renamed.csv' });
    assert.equal(result.uuid, 'imp-1');
    assert.equal(server?.seen.length, 2);
    assert.ok((clock.sleeps[0] ?? 0) >= 3_000);
  });

  it('gives up on a Retry-After longer than the policy allows, with the wait in the message', async () => {
    script = (_req, res) => sendJson(res, 429, {}, { 'retry-after': '3600' });
    const { client } = testClient(url());
    await assert.rejects(client.listLists(), (error: unknown) => error instanceof RateLimitedError && error.retryAfterMs === 3_600_000 && /3600 s/.test(error.message));
    assert.equal(server?.seen.length, 1);
  });

  it('turns a 200 with an HTML body into an UnexpectedResponseError, and a wrong field into its path', async () => {
    script = (_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>login</html>'); };
    const { client } = testClient(url());
    await assert.rejects(client.getExport('e1'), (error: unknown) => error instanceof UnexpectedResponseError && error.path === 'response' && error.status === 200);
    script = (_req, res) => sendJson(res, 200, { uuid: 'e1', type: 'contact_export_csv', status: 'done', result: { files: [null] }, created_at: 'x', updated_at: 'y' });
    await assert.rejects(client.getExport('e1'), (error: unknown) => error instanceof UnexpectedResponseError && error.path === 'export.result.files[0]');
  });

  it('falls back from data-sources/{uuid} to file-imports/{uuid} on 404', async () => {
    script = (req, res) => {
      if (req.url?.startsWith('/leads/api/data-sources/')) sendJson(res, 404, { error: { reason: 'not_found', message: 'Not found' } });
      else sendJson(res, 200, fileImportJson({ status: 'completed' }));
    };
    const { client } = testClient(url());
    assert.equal((await client.getImport('imp-1')).status, 'completed');
    assert.deepEqual(server?.seen.map((s) => s.url), ['/leads/api/data-sources/imp-1', '/leads/api/file-imports/imp-1']);
  });

  it('reports a refused connection as such and repeats it even for a start', async () => {
    const closed = await startScriptedServer(() => undefined);
    const deadUrl = closed.url;
    await closed.close();
    const { client, clock } = testClient(deadUrl, { retry: { maxAttempts: 2 } });
    await assert.rejects(client.exportContacts({ kind: 'all' }), (error: unknown) => error instanceof NetworkError && error.failure === 'refused' && !error.mayHaveActed);
    assert.equal(clock.sleeps.length, 1);
  });

  it('rejects a base URL that is not http(s)', () => {
    assert.throws(() => new GetSalesClient({ baseUrl: 'file:///etc', tokenProvider: async () => undefined, userAgent: 'x', logger: console }), /https:\/\//);
  });
});
