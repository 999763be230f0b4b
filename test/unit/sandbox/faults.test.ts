import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { assertEnvelope, assertInvalid, importCsv, useSandbox, type Api, type Json } from './helpers';

/** A raw GET that reports how many body bytes arrived and whether the response ended cleanly. */
function rawGet(api: Api, path: string): Promise<{ status: number; declared: number; received: number; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.url}${path}`, { headers: api.headers() }, (res) => {
      let received = 0;
      res.on('data', (chunk: Buffer) => { received += chunk.length; });
      const finish = (complete: boolean): void => resolve({ status: res.statusCode ?? 0, declared: Number(res.headers['content-length']), received, complete });
      res.on('end', () => finish(res.complete));
      res.on('error', () => finish(false));
      res.on('aborted', () => finish(false));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox faults', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 50, seedCompanies: 5, faults: true });
  const addFault = (fault: Json) => api().call('POST', '/__sandbox/faults', fault, { authorization: '' });

  it('answers the next matching request with a status, Retry-After and the envelope, then behaves again', async () => {
    const added = await addFault({ method: 'GET', path: '/leads/api/lists', count: 2, status: 503, retryAfter: 2 });
    assert.equal(added.status, 200);
    assert.deepEqual(added.body.faults, [{ method: 'GET', path: '/leads/api/lists', count: 2, status: 503, retryAfter: 2 }]);
    for (let i = 0; i < 2; i += 1) {
      const reply = await api().get('/leads/api/lists');
      assertEnvelope(reply, 503, 'server_error');
      assert.equal(reply.headers.get('retry-after'), '2');
    }
    assert.equal((await api().get('/leads/api/lists')).status, 200);
    assert.deepEqual((await api().get('/__sandbox/faults')).body.faults, []);
  });

  it('serves a raw HTML body when asked, as a proxy would', async () => {
    await addFault({ method: 'POST', path: '/leads/api/file-exports/*', status: 502, body: '<html><body>Bad Gateway</body></html>' });
    const response = await fetch(`${api().url}/leads/api/file-exports/leads`, { method: 'POST', headers: api().headers({ 'content-type': 'application/json' }), body: '{"filter":{"all":true}}' });
    assert.equal(response.status, 502);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(await response.text(), '<html><body>Bad Gateway</body></html>');
  });

  it('matches method and wildcard path, consuming faults in the order they were added', async () => {
    await addFault({ method: 'PUT', path: '/leads/api/lists', status: 500 });
    await addFault({ path: '/leads/api/*', status: 429, retryAfter: 7 });
    await addFault({ path: '/leads/api/lists', status: 500 });
    const first = await api().get('/leads/api/lists'); // PUT fault does not match a GET
    assertEnvelope(first, 429, 'too_many_requests');
    assert.equal(first.headers.get('retry-after'), '7');
    assertEnvelope(await api().get('/leads/api/lists'), 500, 'server_error');
    assert.deepEqual((await api().get('/__sandbox/faults')).body.faults, [{ method: 'PUT', path: '/leads/api/lists', count: 1, status: 500 }]);
  });

  it('lets `skip` matching requests through first, so a test can fail the second upload and not the first', async () => {
    const added = await addFault({ method: 'GET', path: '/leads/api/lists', skip: 2, status: 500 });
    assert.deepEqual((added.body.faults as Json[]).at(-1), { method: 'GET', path: '/leads/api/lists', count: 1, skip: 2, status: 500 });
    assert.equal((await api().get('/leads/api/lists')).status, 200);
    assert.equal((await api().get('/leads/api/lists')).status, 200);
    assertEnvelope(await api().get('/leads/api/lists'), 500, 'server_error');
    assert.equal((await api().get('/leads/api/lists')).status, 200, 'used up');
  });

  it('delays a request by at least delayMs and then answers normally', async () => {
    await addFault({ method: 'GET', path: '/leads/api/lists', delayMs: 300 });
    const started = performance.now();
    const reply = await api().get('/leads/api/lists');
    assert.equal(reply.status, 200);
    assert.ok(performance.now() - started >= 290, 'the answer waited for the delay');
  });

  it('drops the connection after the headers and part of the body', async () => {
    await addFault({ method: 'GET', path: '/leads/api/lists', drop: true });
    const outcome = await rawGet(api(), '/leads/api/lists');
    assert.equal(outcome.status, 200);
    assert.equal(outcome.complete, false);
    assert.ok(outcome.received > 0 && outcome.received < outcome.declared, `${outcome.received} of ${outcome.declared}`);
    await assert.rejects(async () => {
      await addFault({ method: 'GET', path: '/leads/api/lists', drop: true });
      const response = await fetch(`${api().url}/leads/api/lists`, { headers: api().headers() });
      await response.json();
    });
  });

  it('truncates a download after N bytes while announcing the full length', async () => {
    const started = await api().post('/leads/api/file-exports/leads', { filter: { all: true } });
    const job = await api().waitFor(`/leads/api/mass-actions/${String(started.body.uuid)}`, ['done']);
    const fileName = (job.result as { files: string[] }).files[0];
    await addFault({ method: 'POST', path: '/leads/api/file-exports/download', truncate: 100 });
    const outcome = await new Promise<{ declared: number; received: number; complete: boolean }>((resolve, reject) => {
      const req = request(`${api().url}/leads/api/file-exports/download`, { method: 'POST', headers: api().headers({ 'content-type': 'application/json' }) }, (res) => {
        let received = 0;
        res.on('data', (chunk: Buffer) => { received += chunk.length; });
        const finish = (): void => resolve({ declared: Number(res.headers['content-length']), received, complete: res.complete });
        res.on('end', finish);
        res.on('aborted', finish);
        res.on('error', finish);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ file_name: fileName }));
    });
    assert.equal(outcome.received, 100);
    assert.ok(outcome.declared > 100);
    assert.equal(outcome.complete, false);
    const whole = await fetch(`${api().url}/leads/api/file-exports/download`, { method: 'POST', headers: api().headers({ 'content-type': 'application/json' }), body: JSON.stringify({ file_name: fileName }) });
    assert.equal((await whole.arrayBuffer()).byteLength, outcome.declared, 'the next download is whole');
  });

  it('applies faults before auth and validates fault requests', async () => {
    await addFault({ path: '/leads/api/lists', status: 503 });
    const response = await fetch(`${api().url}/leads/api/lists`);
    assert.equal(response.status, 503);
    assertInvalid(await addFault({ path: 'no-slash', status: 503 }), 'path');
    assertInvalid(await addFault({ path: '/x', method: 'PATCH', status: 503 }), 'method');
    assertInvalid(await addFault({ path: '/x', status: 200 }), 'status');
    assertInvalid(await addFault({ path: '/x', status: 503, count: 0 }), 'count');
    assertInvalid(await addFault({ path: '/x', status: 503, skip: -1 }), 'skip');
    assertInvalid(await addFault({ path: '/x' }), 'status');
    assertInvalid(await addFault({ path: '/x', drop: true, delayMs: 5 }), 'status');
    assertInvalid(await addFault({ path: '/x', truncate: -1 }), 'truncate');
    assertInvalid(await addFault({ path: '/x', delayMs: 'soon' }), 'delayMs');
  });

  it('reset clears imports, exports, records and faults back to the seed; state reads records by list', async () => {
    const lists = (await api().get('/leads/api/lists')).body.data as Json[];
    const list = String(lists[0]?.uuid);
    const before = await api().state('contacts');
    const inList = await api().state('contacts', list);
    assert.ok(inList.length > 0 && inList.length < before.length && inList.every((c) => c.list_uuid === list));
    const done = await importCsv(api(), 'work_email\nnew.person@x.io\n', { work_email: 0 }, list);
    assert.equal((await api().state('contacts')).length, before.length + 1);
    await addFault({ path: '/leads/api/lists', status: 503 });
    assert.deepEqual((await api().post('/__sandbox/reset')).body, { ok: true });
    assert.deepEqual(await api().state('contacts'), before);
    assert.deepEqual((await api().get('/__sandbox/faults')).body.faults, []);
    assertEnvelope(await api().get(`/leads/api/data-sources/${String(done.uuid)}`), 404, 'not_found');
    assert.equal((await api().get('/leads/api/data-sources')).body.total, 0);
    assert.equal((await api().get('/leads/api/lists')).status, 200);
    assertInvalid(await api().get('/__sandbox/state?kind=lists'), 'kind');
  });
});
