import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { CONTACT_FIELDS, COMPANY_FIELDS } from '../../../src/core/mapping/catalogue';
import { assertEnvelope, assertInvalid, parseCsv, useSandbox, type Api, type Json } from './helpers';

/** Starts an export, waits for done, downloads it; returns the parsed rows (header first) and the raw text. */
async function exportAndDownload(api: Api, kind: 'leads' | 'companies', filter: unknown): Promise<{ rows: string[][]; text: string; job: Json }> {
  const started = await api.post(`/leads/api/file-exports/${kind}`, { filter });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  assert.equal(started.body.status, 'queued');
  assert.deepEqual(started.body.result, null);
  const job = await api.waitFor(`/leads/api/mass-actions/${String(started.body.uuid)}`, ['done', 'failed']);
  assert.equal(job.status, 'done');
  const files = (job.result as { files: string[] }).files;
  assert.equal(files.length, 1);
  const response = await fetch(`${api.url}/leads/api/file-exports/download`, {
    method: 'POST', headers: api.headers({ 'content-type': 'application/json' }), body: JSON.stringify({ file_name: files[0] }),
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.equal(response.headers.get('content-disposition'), `attachment; filename="${files[0]}"`);
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.equal(Number(response.headers.get('content-length')), bytes.length);
  const text = bytes.toString('utf8');
  return { rows: parseCsv(text), text, job };
}

function uuids(rows: string[][]): string[] {
  return rows.slice(1).map((row) => row[0] ?? '');
}

describe('exports of contacts', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 2500, seedCompanies: 60, faults: true });

  it('exports everything as RFC 4180 CSV: uuid then the catalogue, CRLF, same values as stored', async () => {
    const stored = await api().state('contacts');
    const { rows, text, job } = await exportAndDownload(api(), 'leads', { all: true });
    assert.deepEqual(rows[0], ['uuid', ...CONTACT_FIELDS.map((f) => f.name)]);
    assert.equal(rows.length - 1, 2500);
    assert.deepEqual(job.progress, { processed: 2500, total: 2500 });
    assert.equal(job.type, 'contact_export_csv');
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'every line ends with CRLF');
    const header = rows[0] ?? [];
    rows.slice(1).forEach((row, i) => {
      const record = stored[i] ?? {};
      header.forEach((column, c) => assert.equal(row[c], record[column], `row ${i + 1} column ${column}`));
    });
    assert.ok(text.includes('"Berlin-Mitte, Berlin, Germany"') || text.includes('"Potsdam, Brandenburg, Germany"'), 'values with commas are quoted');
    assert.ok(/Müller|Jürgen|Zoë/.test(text), 'UTF-8 survives');
  });

  it('exports a hand-picked set minus excludeIds, in stored order', async () => {
    const stored = await api().state('contacts');
    const picked = [stored[10], stored[3], stored[7], stored[2000]].map((c) => String(c?.uuid));
    const { rows } = await exportAndDownload(api(), 'leads', { all: false, ids: [...picked, 'not-a-uuid'], excludeIds: [picked[2]] });
    assert.deepEqual(uuids(rows), [stored[3], stored[10], stored[2000]].map((c) => String(c?.uuid)));
  });

  it('exports everything minus excludeIds', async () => {
    const stored = await api().state('contacts');
    const { rows } = await exportAndDownload(api(), 'leads', { all: true, excludeIds: [String(stored[0]?.uuid)] });
    assert.deepEqual(uuids(rows), stored.slice(1).map((c) => String(c.uuid)));
  });

  it('exports one list', async () => {
    const lists = (await api().get('/leads/api/lists?filter[q]=berlin')).body.data as Json[];
    const list = String(lists[0]?.uuid);
    const inList = await api().state('contacts', list);
    assert.ok(inList.length > 500 && inList.length < 2500);
    const { rows } = await exportAndDownload(api(), 'leads', { all: true, leadFilter: { list_uuid: list } });
    assert.deepEqual(uuids(rows), inList.map((c) => String(c.uuid)));
  });

  it('exports a search: every word in name, email, company or position, ignoring case and accents', async () => {
    const stored = await api().state('contacts');
    const fold = (s: unknown): string => String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const expected = stored.filter((c) => {
      const hay = fold([c.first_name, c.last_name, c.name, c.work_email, c.personal_email, c.company_name, c.position].join(' '));
      return hay.includes('cto') && hay.includes('muller');
    });
    assert.ok(expected.length > 0, 'the seed has Müller CTOs');
    const { rows } = await exportAndDownload(api(), 'leads', { all: true, leadFilter: { q: 'CTO  Muller' } });
    assert.deepEqual(uuids(rows), expected.map((c) => String(c.uuid)));
    const none = await exportAndDownload(api(), 'leads', { all: true, leadFilter: { q: 'zzzz-nobody' } });
    assert.deepEqual(none.rows, [['uuid', ...CONTACT_FIELDS.map((f) => f.name)]]);
  });

  it('validates the filter, naming the field', async () => {
    assertInvalid(await api().post('/leads/api/file-exports/leads', {}), 'filter');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: {} }), 'filter.all');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: { all: false } }), 'filter.ids');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: { all: false, ids: [] } }), 'filter.ids');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: { all: false, ids: [1] } }), 'filter.ids');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: { all: true, excludeIds: 'x' } }), 'filter.excludeIds');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: { all: true, leadFilter: { list_uuid: 'nope' } } }), 'filter.leadFilter.list_uuid');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: { all: true, leadFilter: { q: 5 } } }), 'filter.leadFilter.q');
    assertInvalid(await api().post('/leads/api/file-exports/leads', { filter: { all: true, companyFilter: { q: 'x' } } }), 'filter.companyFilter');
  });

  it('download: 422 on a missing name, 404 on an unknown or path-like name, 422 while not ready', async () => {
    assertInvalid(await api().post('/leads/api/file-exports/download', {}), 'file_name');
    assertEnvelope(await api().post('/leads/api/file-exports/download', { file_name: 'nope.csv' }), 404, 'not_found');
    assertEnvelope(await api().post('/leads/api/file-exports/download', { file_name: '../../etc/passwd' }), 404, 'not_found');
    assertEnvelope(await api().get('/leads/api/mass-actions/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    assertEnvelope(await api().get('/leads/api/file-exports/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });
});

describe('export progress with a batch delay', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 2500, seedCompanies: 10, batchDelayMs: 150 });

  it('goes queued → in_progress → done in batches, serves both polling paths, and refuses a download until done', async () => {
    const started = await api().post('/leads/api/file-exports/leads', { filter: { all: true } });
    const uuid = String(started.body.uuid);
    assert.deepEqual(started.body.progress, { processed: 0, total: 2500 });
    // The file name is fixed at creation: <kind>-export-<created_at stamp>-<uuid prefix>.csv
    const stamp = String(started.body.created_at).replace(/[-:]/g, '').replace('T', '-').replace('Z', '');
    const planned = `contacts-export-${stamp}-${uuid.slice(0, 8)}.csv`;
    assert.match(assertInvalid(await api().post('/leads/api/file-exports/download', { file_name: planned }), 'file_name'), /not ready/);
    const statuses: string[] = [];
    const processed = new Set<number>();
    let job: Json = started.body;
    while (job.status !== 'done') {
      job = (await api().get(`/leads/api/file-exports/${uuid}`)).body;
      statuses.push(String(job.status));
      processed.add(Number((job.progress as Json).processed));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const order = ['queued', 'in_progress', 'done'];
    const ranks = statuses.map((s) => order.indexOf(s));
    assert.ok(ranks.every((rank, i) => rank >= 0 && rank >= (ranks[i - 1] ?? 0)), `statuses only move forward: ${statuses.join(' ')}`);
    assert.ok([...processed].every((n) => [0, 1000, 2000, 2500].includes(n)), [...processed].join(','));
    assert.deepEqual(job.result, { files: [planned] });
    assert.deepEqual((await api().get(`/leads/api/mass-actions/${uuid}`)).body, job);
  });
});

describe('exports of companies', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 20, seedCompanies: 300, faults: true });

  it('exports all companies with the company catalogue', async () => {
    const stored = await api().state('companies');
    const { rows, job } = await exportAndDownload(api(), 'companies', { all: true });
    assert.deepEqual(rows[0], ['uuid', ...COMPANY_FIELDS.map((f) => f.name)]);
    assert.deepEqual(uuids(rows), stored.map((c) => String(c.uuid)));
    assert.equal(job.type, 'account_export_csv');
  });

  it('exports companies in any of the given lists, narrowed by q', async () => {
    const lists = ((await api().get('/leads/api/lists')).body.data as Json[]).map((l) => String(l.uuid));
    const stored = await api().state('companies');
    const inLists = stored.filter((c) => (c.list_uuids as string[]).some((l) => l === lists[0] || l === lists[1]));
    const { rows } = await exportAndDownload(api(), 'companies', { all: true, companyFilter: { lists: [lists[0], lists[1]] } });
    assert.deepEqual(uuids(rows), inLists.map((c) => String(c.uuid)));
    const robotics = inLists.filter((c) => /robotics/i.test(`${String(c.name)} ${String(c.domain)} ${String(c.website)} ${String(c.industry)}`));
    assert.ok(robotics.length > 0);
    const searched = await exportAndDownload(api(), 'companies', { all: true, companyFilter: { lists: [lists[0], lists[1]], q: 'ROBOTICS' } });
    assert.deepEqual(uuids(searched.rows), robotics.map((c) => String(c.uuid)));
  });

  it('exports hand-picked companies and validates company filters', async () => {
    const stored = await api().state('companies');
    const { rows } = await exportAndDownload(api(), 'companies', { all: false, ids: [String(stored[5]?.uuid), String(stored[1]?.uuid)] });
    assert.deepEqual(uuids(rows), [String(stored[1]?.uuid), String(stored[5]?.uuid)]);
    assertInvalid(await api().post('/leads/api/file-exports/companies', { filter: { all: true, companyFilter: { lists: ['nope'] } } }), 'filter.companyFilter.lists');
    assertInvalid(await api().post('/leads/api/file-exports/companies', { filter: { all: true, leadFilter: {} } }), 'filter.leadFilter');
  });
});
