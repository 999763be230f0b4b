/**
 * The endpoints of contract §8 that both modes serve: tags, the mass-actions list, poll
 * and abort, the leads count and the companies page; and the `lose` fault that carries
 * a request out and loses its answer.
 */
import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { COMPAT_MODES } from '../../../src/sandbox/compat';
import { OTHER_MASS_ACTION_TYPES } from '../../../src/sandbox/exports/other-mass-actions';
import { assertEnvelope, assertInvalid, useSandbox, type Json } from './helpers';

for (const compat of COMPAT_MODES) {
  const finished = compat === 'sister' ? 'completed' : 'done';

  describe(`${compat} mode: tags`, () => {
    const api = useSandbox({ seed: 'demo', seedContacts: 10, seedCompanies: 5, faults: true, compat });

    it('GET /leads/api/tags pages the demo tags: {data: [{uuid, name, …}]}', async () => {
      const reply = await api().get('/leads/api/tags?limit=100');
      assert.equal(reply.status, 200);
      const names = (reply.body.data as Json[]).map((tag) => tag.name).sort();
      assert.deepEqual(names, ['conference', 'inbound', 'newsletter', 'partner', 'warm', 'webinar-2026']);
      assert.ok((reply.body.data as Json[]).every((tag) => typeof tag.uuid === 'string' && String(tag.uuid).length === 36));
      assert.equal(reply.body.total, 6);
      assert.deepEqual(((await api().get('/leads/api/tags?filter[q]=WEB')).body.data as Json[]).map((tag) => tag.name), ['webinar-2026']);
    });

    it('an empty team has no tags until a test adds one (POST /__sandbox/tags)', async () => {
      await api().post('/__sandbox/reset');
      const added = await api().post('/__sandbox/tags', { name: 'vip' });
      assert.equal(added.status, 200);
      const again = await api().post('/__sandbox/tags', { name: 'vip' });
      assert.equal(again.body.uuid, added.body.uuid, 'one tag per name');
      assert.ok(((await api().get('/leads/api/tags?limit=100')).body.data as Json[]).some((tag) => tag.uuid === added.body.uuid));
      assertInvalid(await api().post('/__sandbox/tags', { name: ' ' }), 'name');
    });
  });

  describe(`${compat} mode: mass actions`, () => {
    const api = useSandbox({ seed: 'demo', seedContacts: 3000, seedCompanies: 20, faults: true, compat, batchDelayMs: 200 });

    it('GET /leads/api/mass-actions lists exports among other types, newest first; each polls by uuid', async () => {
      const started = await api().post('/leads/api/file-exports/companies', { filter: { all: true } });
      const reply = await api().get('/leads/api/mass-actions?limit=100');
      assert.equal(reply.status, 200);
      const items = reply.body.data as Json[];
      assert.equal(reply.body.total, 1 + OTHER_MASS_ACTION_TYPES.length);
      assert.equal(items[0]?.uuid, started.body.uuid);
      assert.equal(items[0]?.type, 'account_export_csv');
      assert.deepEqual(items.slice(1).map((item) => item.type), [...OTHER_MASS_ACTION_TYPES]);
      assert.ok(items.slice(1).every((item) => item.status === finished));
      const other = await api().get(`/leads/api/mass-actions/${String(items[1]?.uuid)}`);
      assert.equal(other.status, 200);
      assert.equal(other.body.type, OTHER_MASS_ACTION_TYPES[0]);
      assertEnvelope(await api().get('/leads/api/mass-actions/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
      const done = await api().waitFor(`/leads/api/mass-actions/${String(started.body.uuid)}`, [finished, 'failed']);
      assert.equal(done.status, finished);
    });

    it('DELETE /leads/api/mass-actions/{uuid} aborts a running export: cancelled, no file; a finished one is a 422', async () => {
      const started = await api().post('/leads/api/file-exports/leads', { filter: { all: true } });
      const uuid = String(started.body.uuid);
      const deleted = await api().call('DELETE', `/leads/api/mass-actions/${uuid}`);
      assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
      assert.equal(deleted.body.status, 'cancelled');
      assert.equal((await api().get(`/leads/api/mass-actions/${uuid}`)).body.status, 'cancelled');
      assertEnvelope(await api().call('DELETE', `/leads/api/mass-actions/${uuid}`), 422, 'validation_error');
      const other = ((await api().get('/leads/api/mass-actions?limit=100')).body.data as Json[]).find((item) => item.type === 'contact_add_tag');
      assertEnvelope(await api().call('DELETE', `/leads/api/mass-actions/${String(other?.uuid)}`), 422, 'validation_error');
      assertEnvelope(await api().call('DELETE', '/leads/api/mass-actions/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    });

    it('hold-exports keeps new exports queued until cancelled; reset lets exports run again', async () => {
      assert.deepEqual((await api().post('/__sandbox/hold-exports', { held: true })).body, { held: true });
      const held = String((await api().post('/leads/api/file-exports/leads', { filter: { all: true } })).body.uuid);
      await new Promise((resolve) => setTimeout(resolve, 600)); // past the first batch pauses: a running export would have moved
      const polled = await api().get(`/leads/api/mass-actions/${held}`);
      assert.equal(polled.body.status, 'queued');
      assert.equal((polled.body.progress as Json | undefined)?.processed ?? 0, 0);
      assert.equal((await api().call('DELETE', `/leads/api/mass-actions/${held}`)).body.status, 'cancelled');
      assertEnvelope(await api().post('/__sandbox/hold-exports', { held: 'yes' }), 422, 'validation_error');
      await api().post('/__sandbox/reset', {});
      const free = String((await api().post('/leads/api/file-exports/leads', { filter: { all: true } })).body.uuid);
      assert.equal((await api().waitFor(`/leads/api/mass-actions/${free}`, [finished, 'failed'])).status, finished);
    });

    it('the lose fault starts the export, then closes the connection before answering; the list finds it', async () => {
      const before = (await api().get('/leads/api/mass-actions?limit=100')).body.total as number;
      await api().post('/__sandbox/faults', { method: 'POST', path: '/leads/api/file-exports/leads', lose: true });
      await assert.rejects(fetch(`${api().url}/leads/api/file-exports/leads`, {
        method: 'POST', headers: api().headers({ 'content-type': 'application/json' }), body: JSON.stringify({ filter: { all: true } }),
      }), TypeError);
      const after = await api().get('/leads/api/mass-actions?limit=100');
      assert.equal(after.body.total, before + 1);
      const lost = (after.body.data as Json[])[0];
      assert.equal(lost?.type, 'contact_export_csv');
      assert.ok(['queued', 'in_progress'].includes(String(lost?.status)));
      assert.deepEqual((await api().post('/__sandbox/cancel-exports', { uuid: lost?.uuid })).body, { cancelled: [lost?.uuid] });
    });
  });

  describe(`${compat} mode: leads count and companies page`, () => {
    const api = useSandbox({ seed: 'demo', seedContacts: 120, seedCompanies: 30, faults: true, compat });

    it('POST /leads/api/leads/count {filter} → {total}, as many as the export would hold', async () => {
      assert.deepEqual((await api().post('/leads/api/leads/count', { filter: { all: true } })).body, { total: 120 });
      const list = (((await api().get('/leads/api/lists?limit=1')).body.data as Json[])[0]?.uuid) as string;
      const inList = (await api().state('contacts', list)).length;
      assert.deepEqual((await api().post('/leads/api/leads/count', { filter: { leadFilter: { list_uuid: list } } })).body, { total: inList });
      assertInvalid(await api().post('/leads/api/leads/count', { filter: { all: true, leadFilter: { list_uuid: 'nope' } } }), 'filter.leadFilter.list_uuid');
    });

    it('POST /leads/api/companies/list {limit: 1} → one company and the total', async () => {
      const reply = await api().post('/leads/api/companies/list', { limit: 1 });
      assert.equal(reply.status, 200);
      assert.equal(reply.body.total, 30);
      assert.equal((reply.body.data as Json[]).length, 1);
      assert.equal(reply.body.has_more, true);
      const last = await api().post('/leads/api/companies/list', { limit: 100, offset: 25 });
      assert.equal((last.body.data as Json[]).length, 5);
      assert.equal(last.body.has_more, false);
      assertInvalid(await api().post('/leads/api/companies/list', { limit: 0 }), 'limit');
    });
  });
}

describe('doc mode: the answers the sister mode varies stay as documented', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 10, seedCompanies: 5, faults: true, compat: 'doc' });

  it('upload, start, poll paths, list creation and tags by name or uuid', async () => {
    const list = await api().post('/leads/api/lists', { name: 'Doc list' });
    assert.equal(list.status, 200);
    const uploaded = await api().upload('Email\r\ndoc@example.com\r\n');
    assert.equal(uploaded.body.status, 'not_started');
    assert.deepEqual(uploaded.body.matches, { work_email: 0 });
    assert.equal((uploaded.body.payload as Json).rows_count, 1);
    const warm = ((await api().get('/leads/api/tags?filter[q]=warm')).body.data as Json[])[0];
    const started = await api().post(`/leads/api/file-imports/${String(uploaded.body.uuid)}/import-leads`, { columns: { work_email: 0 }, list_uuid: list.body.uuid, tags: [warm?.uuid, 'brand-new'] });
    assert.equal(started.status, 200);
    assert.equal(started.body.uuid, uploaded.body.uuid);
    assert.equal(typeof started.body.created_at, 'string');
    const done = await api().waitFor(`/leads/api/file-imports/${String(uploaded.body.uuid)}`, ['completed']);
    assert.equal(done.type, 'csv_leads');
    const [contact] = await api().state('contacts', String(list.body.uuid));
    assert.equal(contact?.tags, 'warm, brand-new');
    assert.ok(((await api().get('/leads/api/tags?limit=100')).body.data as Json[]).some((tag) => tag.name === 'brand-new'), 'a new name becomes a tag');
    assertInvalid(await api().get('/leads/api/data-sources?filter[type]=linkedin_search'), 'filter.type');
    const exported = await api().post('/leads/api/file-exports/leads', { filter: { all: true } });
    assert.equal(typeof exported.body.created_at, 'string');
    assert.deepEqual(exported.body.progress, { processed: 0, total: 11 });
    const ready = await api().waitFor(`/leads/api/file-exports/${String(exported.body.uuid)}`, ['done']);
    assert.equal(typeof (ready.result as { files: unknown[] }).files[0], 'string');
  });
});
