/**
 * What crosses the client's boundary from the server's side: a server that echoes the
 * key (error page, JSON message, a field of a 200 answer) never gets it into a message,
 * the log or a decoded value; a JSON answer past the cap is refused with a clear error;
 * an answer missing a required field is logged by its shape, never its values.
 */
import { describe, it, before, after } from 'node:test';
import { strict as assert } from 'node:assert';
import { UnexpectedResponseError, ValidationError, ServerError } from '../../../../src/core/api/errors';
import { MAX_JSON_BODY_BYTES } from '../../../../src/core/api/client';
import { sendJson, startScriptedServer, type Script, type ScriptedServer } from './scripted-server';
import { TEST_KEY, TEST_TEAM, testClient } from './client-helpers';

let server: ScriptedServer | undefined;
let script: Script = (_req, res) => sendJson(res, 404, {});

before(async () => { server = await startScriptedServer((req, res, seen) => script(req, res, seen)); });
after(async () => { await server?.close(); });

function url(): string {
  assert.ok(server);
  return server.url;
}

function assertNoSecret(where: string, text: string): void {
  assert.ok(!text.includes(TEST_KEY), `the key leaked into ${where}: ${text}`);
  assert.ok(!text.includes(TEST_TEAM), `the Team ID leaked into ${where}: ${text}`);
}

describe('client boundary: a server that echoes the key', () => {
  it('redacts an HTML error page and a JSON message that quote the Authorization header', async () => {
    script = (req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end(`<html>Bad request, headers: authorization=${String(req.headers.authorization)} team=${String(req.headers['team-id'])}</html>`);
    };
    const { client, log } = testClient(url(), { retry: { maxAttempts: 1 } });
    const error = await client.listLists().catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assertNoSecret('the message', error.message);
    script = (req, res) => sendJson(res, 422, { error: { reason: 'validation_error', message: `Key ${String(req.headers.authorization)} is not allowed`, data: { key: [`${String(req.headers.authorization)} unknown`] } } });
    const validation = await client.listLists().catch((e: unknown) => e);
    assert.ok(validation instanceof ValidationError);
    assert.match(validation.message, /Bearer \*\*\*/);
    assertNoSecret('the message', validation.message);
    assertNoSecret('the field messages', JSON.stringify(validation.fields));
    assertNoSecret('the log', log.map((l) => l.message).join('\n'));
  });

  it('redacts a 200 answer that carries the key in a field the extension keeps (row errors, file names)', async () => {
    script = (req, res) => sendJson(res, 200, {
      uuid: 'imp-1', status: 'completed',
      errors: [{ row: 2, message: `rejected by ${String(req.headers.authorization)}` }, `team ${String(req.headers['team-id'])}`],
    });
    const { client, log } = testClient(url());
    const answer = await client.getImport('imp-1');
    assertNoSecret('the decoded answer', JSON.stringify(answer));
    assert.equal(answer.errors[0]?.message, 'rejected by Bearer ***');
    assertNoSecret('the log', log.map((l) => l.message).join('\n'));
  });

  it('redacts the key when it is echoed as a JSON-escaped string', async () => {
    script = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"uuid":"e1","status":"queued","note":"${TEST_KEY.replace(/_/g, '\\u005f')}"}`);
    };
    const { client } = testClient(url());
    assertNoSecret('the decoded export', JSON.stringify(await client.getExport('e1')));
  });
});

describe('client boundary: size and shape of answers', () => {
  it('refuses a JSON answer larger than the cap with a clear error, without reading it all', async () => {
    let written = 0;
    script = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const pump = (): void => {
        while (written <= MAX_JSON_BODY_BYTES * 2) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    };
    const { client } = testClient(url(), { retry: { maxAttempts: 1 } });
    const error = await client.listLists().catch((e: unknown) => e);
    assert.ok(error instanceof UnexpectedResponseError, String(error));
    assert.match(error.message, /larger than 16 MB/);
    assert.ok(written < MAX_JSON_BODY_BYTES * 2, 'the client stopped reading');
  });

  it('names the endpoint and the field, and logs the shape of the answer without its values', async () => {
    script = (_req, res) => sendJson(res, 200, { id: 'ZZ-distinct-uuid-77', state: 'ZZ-distinct-status', owner: { email: 'ZZ-ada@example.com' } });
    const { client, log } = testClient(url());
    const error = await client.getExport('e1').catch((e: unknown) => e);
    assert.ok(error instanceof UnexpectedResponseError);
    assert.match(error.message, /GET \/leads\/api\/mass-actions\/e1/);
    assert.match(error.message, /export\.(uuid|status)/);
    assert.equal(error.shape, '{id: string, state: string, owner: {email: string}}');
    const logged = log.map((l) => l.message).join('\n');
    assert.match(logged, /\{id: string, state: string, owner: \{email: string\}\}/);
    assert.doesNotMatch(`${logged}\n${error.message}`, /ZZ-/);
  });

  it('logs one line for advisory data it ignored, and goes on', async () => {
    script = (_req, res) => sendJson(res, 200, { uuid: 'u1', csv_headers: ['Email'], matches: 'Email=work_email' });
    const { client, log } = testClient(url());
    const upload = await client.getImport('u1').catch((e: unknown) => e);
    assert.ok(upload instanceof UnexpectedResponseError, 'a poll without a status is an error');
    script = (_req, res) => sendJson(res, 200, { uuid: 'u1', status: 'in_progress', matches: 'Email=work_email' });
    log.splice(0);
    const polled = await client.getImport('u1');
    assert.deepEqual(polled.matches, {});
    assert.equal(log.filter((l) => l.level === 'warn' && /import\.matches/.test(l.message)).length, 1);
  });
});
