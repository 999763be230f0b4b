import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { assertEnvelope, assertInvalid, importCsv, useSandbox, type Json } from './helpers';

describe('import-leads and import-companies: validation', () => {
  const api = useSandbox({ seed: 'none', faults: true });
  let list = '';

  const upload = async (csv = 'First,Email,LinkedIn,Notes\nAda,ada@x.io,ada,n\n', type = 'csv_leads'): Promise<string> => {
    const reply = await api().upload(csv, { type });
    assert.equal(reply.status, 200);
    return String(reply.body.uuid);
  };
  const start = async (uuid: string, body: unknown, kind = 'import-leads') => api().call('POST', `/leads/api/file-imports/${uuid}/${kind}`, body);

  it('needs a known import uuid', async () => {
    assertEnvelope(await start('00000000-0000-4000-8000-000000000000', { columns: { work_email: 0 } }), 404, 'not_found');
  });

  it('names each broken rule in error.data', async () => {
    list = await api().createList('Validation');
    const uuid = await upload();
    assertInvalid(await start(uuid, { list_uuid: list }), 'columns');
    assertInvalid(await start(uuid, { columns: [0, 1], list_uuid: list }), 'columns');
    assert.match(assertInvalid(await start(uuid, { columns: { first_name: 0 }, list_uuid: list }), 'columns'), /linkedin_id, work_email or personal_email/);
    assert.match(assertInvalid(await start(uuid, { columns: { work_email: 1, shoe_size: 2 }, list_uuid: list }), 'columns.shoe_size'), /Unknown field/);
    assertInvalid(await start(uuid, { columns: { work_email: 4 }, list_uuid: list }), 'columns.work_email');
    assertInvalid(await start(uuid, { columns: { work_email: -1 }, list_uuid: list }), 'columns.work_email');
    assertInvalid(await start(uuid, { columns: { work_email: '1' }, list_uuid: list }), 'columns.work_email');
    const twice = await start(uuid, `{"columns":{"work_email":1,"work_email":2},"list_uuid":"${list}"}`);
    assert.match(assertInvalid(twice, 'columns.work_email'), /more than once/);
    assertInvalid(await start(uuid, { columns: { work_email: 1 } }), 'list_uuid');
    assertInvalid(await start(uuid, { columns: { work_email: 1 }, list_uuid: 'nope' }), 'list_uuid');
    assertInvalid(await start(uuid, { columns: { work_email: 1 }, list_uuid: list, tags: 'x' }), 'tags');
    assertInvalid(await start(uuid, { columns: { work_email: 1 }, list_uuid: list, update_if_exists: 'yes' }), 'update_if_exists');
    assertInvalid(await start(uuid, { columns: { work_email: 1 }, list_uuid: list, move_to_list: 1 }), 'move_to_list');
    const several = assertEnvelope(await start(uuid, { columns: { work_email: 9 }, tags: [1] }), 422, 'validation_error');
    assert.deepEqual(Object.keys(several).sort(), ['columns.work_email', 'list_uuid', 'tags']);
  });

  it('requires the matching upload type for each endpoint', async () => {
    const accounts = await upload('Company,LinkedIn\nAcme,acme\n', 'csv_accounts');
    assertInvalid(await start(accounts, { columns: { work_email: 0 }, list_uuid: list }), 'type');
    const leads = await upload();
    assertInvalid(await start(leads, { columns: { name: 0 } }, 'import-companies'), 'type');
    assert.match(assertInvalid(await start(accounts, { columns: { industry: 0 } }, 'import-companies'), 'columns'), /linkedin_id or name/);
    assertInvalid(await start(accounts, { columns: { name: 0 }, list_uuids: ['nope'] }, 'import-companies'), 'list_uuids.0');
    assertInvalid(await start(accounts, { columns: { name: 0 }, list_uuids: 'nope' }, 'import-companies'), 'list_uuids');
    assertInvalid(await start(accounts, { columns: { first_name: 0, name: 0 } }, 'import-companies'), 'columns.first_name');
  });

  it('starts once: the answer is in_progress, a second start is refused', async () => {
    const uuid = await upload();
    const first = await start(uuid, { columns: { first_name: 0, work_email: 1, linkedin_id: 2 }, list_uuid: list, tags: ['webinar-2026'] });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'in_progress');
    assert.equal(first.body.list_uuid, list);
    assertInvalid(await start(uuid, { columns: { work_email: 1 }, list_uuid: list }), 'status');
  });

  it('uses the list given at upload when the import names none', async () => {
    const reply = await api().upload('Email\nzed@x.io\n', { type: 'csv_leads', list_uuid: list });
    const done = await (async () => {
      const started = await start(String(reply.body.uuid), { columns: { work_email: 0 } });
      assert.equal(started.status, 200);
      return api().waitFor(`/leads/api/file-imports/${String(reply.body.uuid)}`, ['completed']);
    })();
    assert.equal((done.metrics as Json).saved_records, 1);
    const stored = await api().state('contacts', list);
    assert.ok(stored.some((c) => c.work_email === 'zed@x.io'));
  });
});

describe('import-leads: 5,000 rows with duplicates and rows without identifiers', () => {
  const api = useSandbox({ seed: 'none', faults: true });

  it('completes with exact counts, error rows by line number, and the contacts saved in the list', async () => {
    const list = await api().createList('Big import');
    const lines = ['first_name,last_name,work_email,linkedin_id,position'];
    const expectedErrors: number[] = [];
    let saved = 0;
    let duplicates = 0;
    for (let i = 0; i < 5000; i += 1) {
      const line = lines.length + 1; // the editor's line number of the row about to be added
      if (i % 50 === 7) {
        lines.push(`NoId${i},Person,,,Ghost`); // no identifier at all
        expectedErrors.push(line);
      } else if (i % 25 === 3 && i > 3) {
        lines.push(`Dup${i},Person,USER${i - 1}@Example.com,,Copy`); // same email as the row before, other case
        duplicates += 1;
      } else if (i % 40 === 11) {
        lines.push(`Li${i},Person,,https://www.linkedin.com/in/li-${i}/,"Head of ""Growth"", EMEA"`);
        saved += 1;
      } else {
        lines.push(`User${i},Person,user${i}@example.com,linkedin.com/in/user-${i},Engineer`);
        saved += 1;
      }
    }
    // A repeated LinkedIn profile written another way is a duplicate too.
    lines.push('Again,Person,,https://linkedin.com/in/user-1,Engineer');
    duplicates += 1;
    const done = await importCsv(api(), `${lines.join('\r\n')}\r\n`, { first_name: 0, last_name: 1, work_email: 2, linkedin_id: 3, position: 4 }, list, { tags: ['bulk'] });
    assert.equal(done.status, 'completed');
    assert.equal((done.payload as Json).rows_count, 5001);
    assert.deepEqual(done.metrics, { queued_records: 0, saved_records: saved, duplicate_records: duplicates, blacklisted_records: 0, error_records: expectedErrors.length });
    const errors = done.errors as { row: number; message: string }[];
    assert.deepEqual(errors.map((e) => e.row), expectedErrors);
    assert.match(errors[0]?.message ?? '', /no identifier/);
    const stored = await api().state('contacts', list);
    assert.equal(stored.length, saved);
    const quoted = stored.find((c) => c.first_name === 'Li11');
    assert.equal(quoted?.position, 'Head of "Growth", EMEA');
    assert.ok(stored.every((c) => String(c.tags).includes('bulk')));
  });

  it('reports the line where a multi-line row starts', async () => {
    const list = await api().createList('Lines');
    const csv = 'first_name,about,work_email\nA,"two\nlines",a@x.io\nB,"three\r\nlines\nhere",\n\nC,,c@x.io\nD,,\n';
    const done = await importCsv(api(), csv, { first_name: 0, about: 1, work_email: 2 }, list);
    assert.deepEqual((done.errors as { row: number }[]).map((e) => e.row), [4, 9]);
  });
});

describe('import-leads: existing contacts', () => {
  const api = useSandbox({ seed: 'none', faults: true });

  it('updates a known contact by default, and moves it only when move_to_list is true', async () => {
    const first = await api().createList('First');
    const second = await api().createList('Second');
    await importCsv(api(), 'first_name,work_email,tags\nAda,ada@x.io,vip\n', { first_name: 0, work_email: 1, tags: 2 }, first);
    const kept = await importCsv(api(), 'first_name,work_email\nAugusta,ADA@x.io\n', { first_name: 0, work_email: 1 }, second, { tags: ['again'] });
    assert.equal((kept.metrics as Json).duplicate_records, 1);
    let [ada] = await api().state('contacts');
    assert.equal(ada?.first_name, 'Augusta');
    assert.equal(ada?.tags, 'vip, again');
    assert.equal(ada?.list_uuid, first);
    await importCsv(api(), 'first_name,work_email\nIgnored,ada@x.io\n', { first_name: 0, work_email: 1 }, second, { update_if_exists: false, move_to_list: true });
    [ada] = await api().state('contacts');
    assert.equal(ada?.first_name, 'Augusta');
    assert.equal(ada?.list_uuid, second);
  });
});

describe('import-companies and import polling', () => {
  const api = useSandbox({ seed: 'none', faults: true, batchDelayMs: 0 });

  it('imports companies deduped by name or LinkedIn into the given lists', async () => {
    const list = await api().createList('Accounts');
    const upload = await api().upload('Company Name,Website,LinkedIn,Industry\nAcme GmbH,acme.io,linkedin.com/company/acme,Software\nacme  gmbh,,,\n,,,Nothing\nBeta,beta.io,,\n', { type: 'csv_accounts' });
    const uuid = String(upload.body.uuid);
    const started = await api().post(`/leads/api/file-imports/${uuid}/import-companies`, { columns: { name: 0, website: 1, linkedin_id: 2, industry: 3 }, list_uuids: [list] });
    assert.equal(started.status, 200);
    const done = await api().waitFor(`/leads/api/data-sources/${uuid}`, ['completed']);
    assert.deepEqual(done.metrics, { queued_records: 0, saved_records: 2, duplicate_records: 1, blacklisted_records: 0, error_records: 1 });
    assert.deepEqual(done.errors, [{ row: 4, message: 'no identifier: linkedin_id or name' }]);
    const companies = await api().state('companies', list);
    assert.deepEqual(companies.map((c) => c.name), ['Acme GmbH', 'Beta']);
    assert.deepEqual(companies[0]?.list_uuids, [list]);
  });

  it('serves the import at both polling paths, lists imports by type, and reports metrics', async () => {
    const list = await api().createList('Polling');
    await importCsv(api(), 'work_email\nolder@p.io\n', { work_email: 0 }, list);
    const done = await importCsv(api(), 'work_email\na@p.io\nb@p.io\n', { work_email: 0 }, list);
    const uuid = String(done.uuid);
    const viaFileImports = await api().get(`/leads/api/file-imports/${uuid}`);
    assert.deepEqual(viaFileImports.body, done);
    assertEnvelope(await api().get('/leads/api/data-sources/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    const metrics = await api().call('PUT', '/leads/api/data-sources/metrics', { uuids: [uuid, 'unknown'] });
    assert.equal(metrics.status, 200);
    assert.deepEqual(metrics.body, { [uuid]: { queued_records: 0, saved_records: 2, duplicate_records: 0, blacklisted_records: 0, error_records: 0 } });
    assertInvalid(await api().call('PUT', '/leads/api/data-sources/metrics', { uuids: [] }), 'uuids');
    const leads = await api().get('/leads/api/data-sources?filter[type]=csv_leads&limit=1');
    assert.equal(leads.status, 200);
    assert.equal((leads.body.data as Json[])[0]?.uuid, uuid, 'newest first');
    assert.ok((leads.body.data as Json[]).every((i) => i.type === 'csv_leads'));
    assert.equal(leads.body.has_more, true);
    assert.equal(leads.body.total, 2);
    const accounts = await api().get('/leads/api/data-sources?filter[type]=csv_accounts');
    assert.ok((accounts.body.data as Json[]).every((i) => i.type === 'csv_accounts'));
    assert.equal(accounts.body.total, 1);
    assertInvalid(await api().get('/leads/api/data-sources?filter[type]=pdf'), 'filter.type');
  });
});

describe('import progress with a batch delay', () => {
  const api = useSandbox({ seed: 'none', faults: true, batchDelayMs: 150 });

  it('answers in_progress with every row still queued, then completes batch by batch', async () => {
    const list = await api().createList('Slow');
    const rows = Array.from({ length: 2500 }, (_, i) => `p${i}@slow.io`);
    const upload = await api().upload(`work_email\n${rows.join('\n')}\n`);
    const uuid = String(upload.body.uuid);
    const started = await api().post(`/leads/api/file-imports/${uuid}/import-leads`, { columns: { work_email: 0 }, list_uuid: list });
    assert.equal(started.body.status, 'in_progress');
    assert.equal((started.body.metrics as Json).queued_records, 2500);
    const seen = new Set<number>();
    let last: Json = started.body;
    while (last.status !== 'completed') {
      last = (await api().get(`/leads/api/data-sources/${uuid}`)).body;
      seen.add(Number((last.metrics as Json).saved_records));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok([...seen].every((n) => [0, 1000, 2000, 2500].includes(n)), `saved counts move in batches of 1,000: ${[...seen].join(',')}`);
    assert.equal((last.metrics as Json).saved_records, 2500);
  });
});
