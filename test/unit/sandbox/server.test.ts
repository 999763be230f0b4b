import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../src/sandbox/index';
import { assertEnvelope, assertInvalid, useSandbox, type Json } from './helpers';

describe('sandbox auth, envelope and routing', () => {
  const logLines: string[] = [];
  const api = useSandbox({ apiKey: 'sk-secret-123', teamId: '42', log: (line) => logLines.push(line) });

  it('rejects a missing, malformed or wrong key with the 401 envelope', async () => {
    const url = `${api().url}/leads/api/lists`;
    for (const authorization of [undefined, 'Token sk-secret-123', 'Bearer nope']) {
      const response = await fetch(url, { headers: authorization === undefined ? {} : { authorization } });
      const body = (await response.json()) as Json;
      assertEnvelope({ status: response.status, headers: response.headers, body }, 401, 'auth_exception');
      assert.ok(!JSON.stringify(body).includes('sk-secret-123'), 'the key must not be echoed');
    }
  });

  it('accepts the key, checks Team-ID only when sent, and answers 403 for another team', async () => {
    assert.equal((await api().get('/leads/api/lists')).status, 200);
    assert.equal((await api().call('GET', '/leads/api/lists', undefined, { 'team-id': '42' })).status, 200);
    const other = await api().call('GET', '/leads/api/lists', undefined, { 'team-id': '43' });
    assertEnvelope(other, 403, 'access_denied');
  });

  it('uses a numeric Team-ID as team_id in responses', async () => {
    const lists = await api().get('/leads/api/lists');
    assert.equal(((lists.body.data as Json[])[0] as Json).team_id, 42);
  });

  it('answers unknown routes with a 404 envelope and wrong methods with 405 + Allow', async () => {
    assertEnvelope(await api().get('/leads/api/nothing-here'), 404, 'not_found');
    assertEnvelope(await api().get('/'), 404, 'not_found');
    const wrong = await api().call('PUT', '/leads/api/lists', {});
    assertEnvelope(wrong, 405, 'method_not_allowed');
    assert.match(wrong.headers.get('allow') ?? '', /GET/);
  });

  it('answers malformed JSON and a non-JSON content type with 400 bad_request', async () => {
    assertEnvelope(await api().call('POST', '/leads/api/lists', '{"name": '), 400, 'bad_request');
    assertEnvelope(await api().call('POST', '/leads/api/lists', '[1,2]'), 400, 'bad_request');
    const plain = await fetch(`${api().url}/leads/api/lists`, { method: 'POST', headers: api().headers({ 'content-type': 'text/plain' }), body: '{"name":"x"}' });
    assertEnvelope({ status: plain.status, headers: plain.headers, body: (await plain.json()) as Json }, 400, 'bad_request');
  });

  it('hides the /__sandbox endpoints unless faults are enabled', async () => {
    assertEnvelope(await api().post('/__sandbox/reset'), 404, 'not_found');
  });

  it('logs one line per request with method, path, status and time, never the key', async () => {
    await api().get('/leads/api/lists?filter[q]=demo');
    const line = logLines.find((l) => l.startsWith('GET /leads/api/lists 200'));
    assert.ok(line, logLines.join('\n'));
    assert.match(line, /^GET \/leads\/api\/lists 200 \d+ms$/);
    assert.ok(logLines.every((l) => !l.includes('sk-secret-123')));
  });
});

describe('sandbox lists', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 30, seedCompanies: 5 });

  it('lists the three seeded lists, newest first, with the pagination envelope', async () => {
    const reply = await api().get('/leads/api/lists');
    assert.equal(reply.status, 200);
    const names = (reply.body.data as Json[]).map((l) => l.name);
    assert.deepEqual(names, ['Demo: SaaS Founders (US)', 'Demo: London Marketing Leads', 'Demo: Berlin CTOs']);
    assert.deepEqual({ ...reply.body, data: undefined }, { data: undefined, limit: 20, offset: 0, total: 3, has_more: false });
  });

  it('filters by filter[q] on the name, case-insensitively', async () => {
    const reply = await api().get('/leads/api/lists?filter[q]=berlin');
    assert.deepEqual((reply.body.data as Json[]).map((l) => l.name), ['Demo: Berlin CTOs']);
  });

  it('creates a list, which then pages with limit/offset/order', async () => {
    const created = await api().post('/leads/api/lists', { name: '  Webinar leads  ' });
    assert.equal(created.status, 200);
    assert.equal(created.body.name, 'Webinar leads');
    assert.match(String(created.body.uuid), /^[0-9a-f-]{36}$/);
    const page = await api().get('/leads/api/lists?limit=2&offset=1&order_field=created_at&order_type=asc');
    assert.deepEqual((page.body.data as Json[]).map((l) => l.name), ['Demo: London Marketing Leads', 'Demo: SaaS Founders (US)']);
    assert.equal(page.body.total, 4);
    assert.equal(page.body.has_more, true);
  });

  it('validates the list name and the paging parameters, naming the field', async () => {
    assertInvalid(await api().post('/leads/api/lists', {}), 'name');
    assertInvalid(await api().post('/leads/api/lists', { name: 'x'.repeat(256) }), 'name');
    assertInvalid(await api().get('/leads/api/lists?limit=101'), 'limit');
    assertInvalid(await api().get('/leads/api/lists?limit=0'), 'limit');
    assertInvalid(await api().get('/leads/api/lists?offset=-1'), 'offset');
    assertInvalid(await api().get('/leads/api/lists?order_type=up'), 'order_type');
    assertInvalid(await api().get('/leads/api/lists?order_field=name'), 'order_field');
  });
});

describe('sandbox rate limit', () => {
  const api = useSandbox({ rateLimitPerMinute: 3, faults: true });

  it('answers 429 with Retry-After once a key used its requests for the minute; test endpoints do not count', async () => {
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await api().get('/leads/api/lists')).status, 200);
      assert.equal((await api().get('/__sandbox/faults')).status, 200);
    }
    const limited = await api().get('/leads/api/lists');
    assertEnvelope(limited, 429, 'too_many_requests');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal((await api().post('/__sandbox/reset')).status, 200);
    assert.equal((await api().get('/leads/api/lists')).status, 200, 'reset clears the counters');
  });
});

describe('sandbox lifecycle', () => {
  it('close() stops the server and a second close is harmless', async () => {
    const sandbox = await startSandbox({ seed: 'none' });
    assert.equal(sandbox.apiKey, 'sandbox-demo-key');
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    await sandbox.close();
    await sandbox.close();
    await assert.rejects(fetch(`${sandbox.url}/leads/api/lists`));
  });

  it('rejects a port in use and leaves no work folder behind', async () => {
    const first = await startSandbox({ seed: 'none' });
    const temp = mkdtempSync(join(tmpdir(), 'getsales-sandbox-port-'));
    const tmpdirBefore = process.env.TMPDIR;
    try {
      process.env.TMPDIR = temp; // where the second sandbox makes its work folder
      await assert.rejects(startSandbox({ seed: 'none', port: Number(new URL(first.url).port) }), { code: 'EADDRINUSE' });
      assert.deepEqual(readdirSync(temp), []);
    } finally {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
      rmSync(temp, { recursive: true, force: true });
      await first.close();
    }
  });

  it('seeds 100,000 contacts when asked', async () => {
    const sandbox = await startSandbox({ seedContacts: 100_000, faults: true });
    try {
      const response = await fetch(`${sandbox.url}/__sandbox/state?kind=contacts`);
      const body = (await response.json()) as { total: number; data: Json[] };
      assert.equal(body.total, 100_000);
      assert.equal(new Set(body.data.map((c) => c.work_email)).size, 100_000, 'emails are unique');
    } finally {
      await sandbox.close();
    }
  });
});
