import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { assertEnvelope, assertInvalid, useSandbox, type Json } from './helpers';

const MB = 1024 * 1024;

describe('upload-csv: parsing what people actually upload', () => {
  const api = useSandbox({ seed: 'demo', seedContacts: 10, seedCompanies: 5 });

  it('reads a plain comma file: headers, preview, rows_count, matches and the file import object', async () => {
    const csv = 'First Name,Last Name,Email,LinkedIn URL,Company\nAda,Lovelace,ada@x.io,linkedin.com/in/ada,Engines\nAlan,Turing,alan@x.io,,Bletchley\n';
    const reply = await api().upload(csv, { type: 'csv_leads' }, 'people.csv');
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const body = reply.body;
    assert.match(String(body.uuid), /^[0-9a-f-]{36}$/);
    assert.equal(body.type, 'csv_leads');
    assert.equal(body.status, 'not_started');
    assert.equal(body.list_uuid, null);
    assert.deepEqual(body.payload, { file_name: 'people.csv', delimiter: ',', rows_count: 2 });
    assert.deepEqual(body.csv_headers, ['First Name', 'Last Name', 'Email', 'LinkedIn URL', 'Company']);
    assert.deepEqual(body.csv_preview, [['Ada', 'Lovelace', 'ada@x.io', 'linkedin.com/in/ada', 'Engines'], ['Alan', 'Turing', 'alan@x.io', '', 'Bletchley']]);
    assert.deepEqual(body.matches, { first_name: 0, last_name: 1, work_email: 2, linkedin_id: 3, company_name: 4 });
    assert.match(String(body.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('strips a BOM, reads CRLF, and keeps quoted delimiters, doubled quotes and newlines inside one field', async () => {
    const csv = '\uFEFFname,work_email,about\r\n"Lovelace, Ada",ada@x.io,"She said ""hi""\r\nthen left"\r\nBob,bob@x.io,plain\r\n';
    const body = (await api().upload(csv)).body;
    assert.deepEqual(body.csv_headers, ['name', 'work_email', 'about']);
    assert.deepEqual(body.csv_preview, [['Lovelace, Ada', 'ada@x.io', 'She said "hi"\r\nthen left'], ['Bob', 'bob@x.io', 'plain']]);
    assert.equal((body.payload as Json).rows_count, 2);
    assert.deepEqual(body.matches, { name: 0, work_email: 1, about: 2 });
  });

  it('detects semicolon and pipe delimiters, even with commas inside the values', async () => {
    const semi = (await api().upload('Vorname;Nachname;E-Mail\nJürgen;Müller, Jr.;j@x.de\n')).body;
    assert.equal((semi.payload as Json).delimiter, ';');
    assert.deepEqual(semi.csv_preview, [['Jürgen', 'Müller, Jr.', 'j@x.de']]);
    assert.deepEqual(semi.matches, { first_name: 0, last_name: 1, work_email: 2 });
    const pipe = (await api().upload('first_name|position|work_email\nAda|CTO, Founder|ada@x.io\n')).body;
    assert.equal((pipe.payload as Json).delimiter, '|');
    assert.deepEqual(pipe.csv_preview, [['Ada', 'CTO, Founder', 'ada@x.io']]);
  });

  it('keeps ragged rows as they are and counts them', async () => {
    const body = (await api().upload('a,b,c\n1\n1,2,3,4\n,,\n')).body;
    assert.deepEqual(body.csv_preview, [['1'], ['1', '2', '3', '4'], ['', '', '']]);
    assert.equal((body.payload as Json).rows_count, 3);
  });

  it('skips blank lines, previews only the first 10 data rows but counts them all', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `n${i},n${i}@x.io`);
    const body = (await api().upload(`name,email\n\n${rows.join('\n')}\n\n`)).body;
    assert.equal((body.csv_preview as unknown[]).length, 10);
    assert.deepEqual((body.csv_preview as string[][])[9], ['n9', 'n9@x.io']);
    assert.equal((body.payload as Json).rows_count, 25);
  });

  it('accepts a header-only file with zero rows', async () => {
    const body = (await api().upload('first_name,work_email')).body;
    assert.deepEqual(body.csv_headers, ['first_name', 'work_email']);
    assert.deepEqual(body.csv_preview, []);
    assert.equal((body.payload as Json).rows_count, 0);
  });

  it('decodes multi-byte UTF-8 split across network chunks', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Zoë ${i},zoë${i}@x.io,Ünïcödé — ✓`);
    const body = (await api().upload(`name,email,about\n${rows.join('\n')}\n`)).body;
    assert.equal((body.payload as Json).rows_count, 20_000);
    assert.deepEqual((body.csv_preview as string[][])[0], ['Zoë 0', 'zoë0@x.io', 'Ünïcödé — ✓']);
  });

  it('matches company headers for csv_accounts uploads', async () => {
    const body = (await api().upload('Company Name,Website,Company LinkedIn URL,# Employees\nAcme,acme.io,linkedin.com/company/acme,11-50\n', { type: 'csv_accounts' })).body;
    assert.deepEqual(body.matches, { name: 0, website: 1, linkedin_id: 2, employees_range: 3 });
  });

  it('rejects an empty file, a blank file and a binary file with 422 on file', async () => {
    assert.match(assertInvalid(await api().upload(''), 'file'), /empty/);
    assert.match(assertInvalid(await api().upload('\n\r\n  \n'), 'file'), /empty/);
    assertInvalid(await api().upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0])), 'file');
  });

  it('validates type, list_uuid and the presence of the file part', async () => {
    assertInvalid(await api().upload('a\n1\n', {}), 'type');
    assert.match(assertInvalid(await api().upload('a\n1\n', { type: 'xlsx' }), 'type'), /csv_leads or csv_accounts/);
    assertInvalid(await api().upload('a\n1\n', { type: 'csv_leads', list_uuid: 'no-such-list' }), 'list_uuid');
    const form = new FormData();
    form.append('type', 'csv_leads');
    const response = await fetch(`${api().url}/leads/api/file-imports/upload-csv`, { method: 'POST', headers: api().headers(), body: form });
    assertInvalid({ status: response.status, headers: response.headers, body: (await response.json()) as Json }, 'file');
  });

  it('keeps a list_uuid given at upload', async () => {
    const list = await api().createList('Upload list');
    const body = (await api().upload('work_email\na@x.io\n', { type: 'csv_leads', list_uuid: list })).body;
    assert.equal(body.list_uuid, list);
  });

  it('answers 400 to a body that is not multipart, or multipart that is cut short', async () => {
    assertEnvelope(await api().call('POST', '/leads/api/file-imports/upload-csv', { file: 'x' }), 400, 'bad_request');
    const response = await fetch(`${api().url}/leads/api/file-imports/upload-csv`, {
      method: 'POST',
      headers: api().headers({ 'content-type': 'multipart/form-data; boundary=zz' }),
      body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\n1,2\n',
    });
    assertEnvelope({ status: response.status, headers: response.headers, body: (await response.json()) as Json }, 400, 'bad_request');
  });

  it('rejects a file just over 15 MB with 422 on file', async () => {
    const line = 'Ada,Lovelace,ada@example.com,linkedin.com/in/ada\n';
    const csv = `first_name,last_name,work_email,linkedin_id\n${line.repeat(Math.ceil((15 * MB + 1) / line.length))}`;
    assert.ok(csv.length > 15 * MB && csv.length < 15 * MB + 100);
    const reply = await api().upload(csv);
    assert.match(assertInvalid(reply, 'file'), /15 MB/);
  });

  it('answers 422 before the client has finished sending an oversized upload', async () => {
    const boundary = 'b0undary';
    const block = Buffer.from('Ada,Lovelace,ada@example.com,linkedin.com/in/ada\n'.repeat(2000));
    const total = 80 * MB;
    const outcome = await new Promise<{ status: number; writtenAtResponse: number; body: string }>((resolve, reject) => {
      const req = request(`${api().url}/leads/api/file-imports/upload-csv`, {
        method: 'POST',
        headers: { ...api().headers(), 'content-type': `multipart/form-data; boundary=${boundary}` }, // chunked: no Content-Length to pre-check
      });
      let written = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const writtenAtResponse = written;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => { body += chunk; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, writtenAtResponse, body }));
      });
      req.on('error', (error) => { if (!answered) reject(error); }); // EPIPE/ECONNRESET after the answer is expected
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\ncsv_leads\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\nfirst_name,last_name,work_email,linkedin_id\n`);
      const pump = (): void => {
        while (!answered && written < total) {
          written += block.length;
          if (!req.write(block)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    });
    assert.equal(outcome.status, 422);
    assert.deepEqual(Object.keys((JSON.parse(outcome.body) as { error: { data: Json } }).error.data), ['file']);
    assert.ok(outcome.writtenAtResponse < total, `answered after ${outcome.writtenAtResponse} of ${total} bytes`);
  });

  it('rejects an upload whose Content-Length is far over the limit without reading it', async () => {
    const outcome = await new Promise<number>((resolve, reject) => {
      const req = request(`${api().url}/leads/api/file-imports/upload-csv`, {
        method: 'POST',
        headers: { ...api().headers(), 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * MB) },
      });
      req.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      req.write('--x\r\n'); // and nothing more: the server must answer anyway
    });
    assert.equal(outcome, 422);
  });
});
