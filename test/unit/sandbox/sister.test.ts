/**
 * The sister mode (`compat: 'sister'`) plays every variant of contract §7 on the wire;
 * each test names one row of the table and checks the exact answer, beside what the doc
 * mode sends for the same request.
 */
import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { OTHER_SOURCE_TYPES } from '../../../src/sandbox/imports/other-sources';
import { UNKNOWN_RUNNING_STATUS } from '../../../src/sandbox/imports/sister-views';
import { assertEnvelope, assertInvalid, useSandbox, type Api, type Json } from './helpers';

const CSV = 'First Name,Email,LinkedIn\r\nAda,ada@example.com,linkedin.com/in/ada\r\nNobody,,\r\nGrace,grace@example.com,\r\nNoone,,\r\nNil,,\r\n';

async function upload(api: Api, csv = CSV, type = 'csv_leads'): Promise<Json> {
  const reply = await api.upload(csv, { type }, type === 'csv_leads' ? 'contacts.csv' : 'companies.csv');
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

async function firstList(api: Api): Promise<string> {
  const lists = await api.get('/leads/api/lists?limit=1');
  return String((lists.body.data as Json[])[0]?.uuid);
}

async function download(api: Api, fileName: string): Promise<string> {
  const response = await fetch(`${api.url}/leads/api/file-exports/download`, {
    method: 'POST', headers: api.headers({ 'content-type': 'application/json' }), body: JSON.stringify({ file_name: fileName }),
  });
  assert.equal(response.status, 200);
  return response.text();
}

describe('sister mode: upload-csv', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 30, seedCompanies: 5, faults: true, compat: 'sister' });

  it('answers without created_at / updated_at, payload.rows_count, type or status; uuid and headers are there', async () => {
    const body = await upload(api());
    assert.deepEqual(Object.keys(body).sort(), ['csv_headers', 'csv_preview', 'list_uuid', 'matches', 'payload', 'team_id', 'uuid']);
    assert.deepEqual(body.payload, { file_name: 'contacts.csv', delimiter: ',' });
    assert.deepEqual(body.csv_headers, ['First Name', 'Email', 'LinkedIn']);
    assert.match(String(body.uuid), /^[0-9a-f-]{36}$/);
  });

  it('sends matches in another shape with each upload: {"Header": field}, [{source, target}], [{column, field}], {field: "Header"}', async () => {
    await api().post('/__sandbox/reset');
    const shapes = [];
    for (let i = 0; i < 5; i += 1) shapes.push((await upload(api())).matches);
    assert.deepEqual(shapes[0], { 'First Name': 'first_name', Email: 'work_email', LinkedIn: 'linkedin_id' });
    assert.deepEqual(shapes[1], [{ source: 'First Name', target: 'first_name' }, { source: 'Email', target: 'work_email' }, { source: 'LinkedIn', target: 'linkedin_id' }]);
    assert.deepEqual(shapes[2], [{ column: 0, field: 'first_name' }, { column: 1, field: 'work_email' }, { column: 2, field: 'linkedin_id' }]);
    assert.deepEqual(shapes[3], { first_name: 'First Name', work_email: 'Email', linkedin_id: 'LinkedIn' });
    assert.deepEqual(shapes[4], shapes[0], 'and round again');
  });
});

describe('sister mode: import start and polling', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 30, seedCompanies: 5, faults: true, compat: 'sister' });

  it('import-leads answers with the undocumented {"message": "Import job started"} and nothing else', async () => {
    const { uuid } = await upload(api());
    const started = await api().post(`/leads/api/file-imports/${String(uuid)}/import-leads`, { columns: { first_name: 0, work_email: 1 }, list_uuid: await firstList(api()) });
    assert.equal(started.status, 200);
    assert.deepEqual(started.body, { message: 'Import job started' });
    const done = await api().waitFor(`/leads/api/data-sources/${String(uuid)}`, ['completed', 'failed']);
    assert.equal(done.status, 'completed');
  });

  it('import-companies answers with the partial {uuid, status}', async () => {
    const { uuid } = await upload(api(), 'Company,Domain\r\nAcme,acme.io\r\n', 'csv_accounts');
    const started = await api().post(`/leads/api/file-imports/${String(uuid)}/import-companies`, { columns: { name: 0, domain: 1 } });
    assert.equal(started.status, 200);
    assert.deepEqual(Object.keys(started.body).sort(), ['status', 'uuid']);
    assert.equal(started.body.uuid, uuid);
    assert.ok([UNKNOWN_RUNNING_STATUS, 'in_progress', 'completed'].includes(String(started.body.status)));
  });

  it('errors items come as {line, error}, {index, reason} and plain strings, never {row, message}', async () => {
    const { uuid } = await upload(api());
    await api().post(`/leads/api/file-imports/${String(uuid)}/import-leads`, { columns: { first_name: 0, work_email: 1, linkedin_id: 2 }, list_uuid: await firstList(api()) });
    const done = await api().waitFor(`/leads/api/data-sources/${String(uuid)}`, ['completed', 'failed']);
    assert.deepEqual(done.errors, [
      { line: 3, error: 'no identifier: linkedin_id, work_email or personal_email' },
      { index: 5, reason: 'no identifier: linkedin_id, work_email or personal_email' },
      'Line 6: no identifier: linkedin_id, work_email or personal_email',
    ]);
    assert.equal((done.metrics as Json).error_records, 3);
  });

  it('GET /leads/api/file-imports/{uuid} is a 404 (no published source has it); data-sources/{uuid} answers', async () => {
    const { uuid } = await upload(api());
    assertEnvelope(await api().get(`/leads/api/file-imports/${String(uuid)}`), 404, 'not_found');
    assert.equal((await api().get(`/leads/api/data-sources/${String(uuid)}`)).status, 200);
  });
});

describe('sister mode: a status outside the known enum while an import waits', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 30, seedCompanies: 5, compat: 'sister', batchDelayMs: 400 });

  it('says queued_for_processing until the first batch is done, then in_progress / completed', async () => {
    const { uuid } = await upload(api());
    await api().post(`/leads/api/file-imports/${String(uuid)}/import-leads`, { columns: { work_email: 1 }, list_uuid: await firstList(api()) });
    const early = await api().get(`/leads/api/data-sources/${String(uuid)}`);
    assert.equal(early.body.status, UNKNOWN_RUNNING_STATUS);
    const listed = await api().get('/leads/api/data-sources?limit=100');
    assert.equal((listed.body.data as Json[]).find((item) => item.uuid === uuid)?.status, UNKNOWN_RUNNING_STATUS);
    const done = await api().waitFor(`/leads/api/data-sources/${String(uuid)}`, ['completed', 'failed']);
    assert.equal(done.status, 'completed');
  });
});

describe('sister mode: GET /leads/api/data-sources', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 30, seedCompanies: 5, compat: 'sister' });

  it('ignores filter[type] and lists the LinkedIn / Sales Navigator sources among the CSV imports', async () => {
    const leads = await upload(api());
    const accounts = await upload(api(), 'Company\r\nAcme\r\n', 'csv_accounts');
    const reply = await api().get('/leads/api/data-sources?filter[type]=csv_leads&limit=100');
    assert.equal(reply.status, 200);
    const items = reply.body.data as Json[];
    assert.equal(reply.body.total, 2 + OTHER_SOURCE_TYPES.length);
    assert.deepEqual(new Set(items.map((item) => item.type)), new Set(['csv_leads', 'csv_accounts', ...OTHER_SOURCE_TYPES]));
    assert.ok(items.some((item) => item.uuid === accounts.uuid), 'the filter is ignored');
    assert.equal(items[0]?.uuid, accounts.uuid, 'newest first');
    assert.equal(items[1]?.uuid, leads.uuid);
    const linkedIn = items.find((item) => item.type === 'linkedin_search');
    assert.ok(linkedIn && (linkedIn.payload as Json).url !== undefined && linkedIn.csv_headers === undefined);
  });

  it('takes any filter[type] without a 422, and answers for a LinkedIn source by uuid', async () => {
    const reply = await api().get('/leads/api/data-sources?filter[type]=whatever');
    assert.equal(reply.status, 200);
    const linkedIn = (reply.body.data as Json[]).find((item) => item.type !== 'csv_leads' && item.type !== 'csv_accounts');
    assert.ok(linkedIn);
    const one = await api().get(`/leads/api/data-sources/${String(linkedIn.uuid)}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.type, linkedIn.type);
  });
});

describe('sister mode: exports', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 40, seedCompanies: 5, faults: true, compat: 'sister' });

  it('export start answers {uuid, team_id, type, filter, status: "queued"}: no timestamps, no progress', async () => {
    const started = await api().post('/leads/api/file-exports/leads', { filter: { all: true } });
    assert.equal(started.status, 200);
    assert.deepEqual(started.body, { uuid: started.body.uuid, team_id: 1, type: 'contact_export_csv', filter: { all: true }, status: 'queued' });
  });

  it('a finished export is "completed", and result.files holds objects: {file_name}, {name}, {path} in turn', async () => {
    await api().post('/__sandbox/reset');
    const keys: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = await api().post(i === 1 ? '/leads/api/file-exports/companies' : '/leads/api/file-exports/leads', { filter: { all: true } });
      const done = await api().waitFor(`/leads/api/mass-actions/${String(started.body.uuid)}`, ['completed', 'failed', 'done']);
      assert.equal(done.status, 'completed');
      const files = (done.result as { files: Json[] }).files;
      assert.equal(files.length, 1);
      const [key, name] = Object.entries(files[0] ?? {})[0] ?? [];
      keys.push(String(key));
      assert.match(await download(api(), String(name)), /^uuid,/);
    }
    assert.deepEqual(keys, ['file_name', 'name', 'path']);
  });

  it('GET /leads/api/file-exports/{uuid} is a 404 (no published source has it); mass-actions/{uuid} answers', async () => {
    const started = await api().post('/leads/api/file-exports/leads', { filter: { all: true } });
    assertEnvelope(await api().get(`/leads/api/file-exports/${String(started.body.uuid)}`), 404, 'not_found');
    assert.equal((await api().get(`/leads/api/mass-actions/${String(started.body.uuid)}`)).status, 200);
  });
});

describe('sister mode: a cancelled export', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 3000, seedCompanies: 5, faults: true, compat: 'sister', batchDelayMs: 300 });

  it('an export cancelled on the server says "cancelled", stops writing, and cannot be cancelled twice', async () => {
    const started = await api().post('/leads/api/file-exports/leads', { filter: { all: true } });
    const uuid = String(started.body.uuid);
    const cancelled = await api().post('/__sandbox/cancel-exports', {});
    assert.deepEqual(cancelled.body, { cancelled: [uuid] });
    const polled = await api().get(`/leads/api/mass-actions/${uuid}`);
    assert.equal(polled.body.status, 'cancelled');
    assert.equal(polled.body.result, null);
    await new Promise((resolve) => setTimeout(resolve, 700)); // past two batches, had the writer gone on
    const later = await api().get(`/leads/api/mass-actions/${uuid}`);
    assert.equal(later.body.status, 'cancelled');
    assert.deepEqual(later.body.progress, polled.body.progress, 'no batch written after the cancel');
    assertEnvelope(await api().call('DELETE', `/leads/api/mass-actions/${uuid}`), 422, 'validation_error');
  });
});

describe('sister mode: lists and tags', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 10, seedCompanies: 5, faults: true, compat: 'sister' });

  it('POST /leads/api/lists answers 201 Created', async () => {
    const reply = await api().post('/leads/api/lists', { name: 'Sister list' });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.name, 'Sister list');
  });

  it('import tags are tag uuids from GET /leads/api/tags; the records get the names; a name is a 422 naming tags.0', async () => {
    const tags = (await api().get('/leads/api/tags?limit=100')).body.data as Json[];
    const warm = tags.find((tag) => tag.name === 'warm');
    assert.ok(warm);
    const list = (await api().post('/leads/api/lists', { name: 'Tagged' })).body.uuid as string;
    const first = await upload(api(), 'Email\r\ntagged@example.com\r\n');
    const refused = await api().post(`/leads/api/file-imports/${String(first.uuid)}/import-leads`, { columns: { work_email: 0 }, list_uuid: list, tags: ['warm'] });
    assert.match(assertInvalid(refused, 'tags.0'), /not the uuid of a tag/);
    const started = await api().post(`/leads/api/file-imports/${String(first.uuid)}/import-leads`, { columns: { work_email: 0 }, list_uuid: list, tags: [warm.uuid] });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    await api().waitFor(`/leads/api/data-sources/${String(first.uuid)}`, ['completed']);
    const [contact] = await api().state('contacts', list);
    assert.equal(contact?.tags, 'warm');
  });
});
