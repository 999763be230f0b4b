/**
 * The error report of an import: the source's rejected rows with their original cells
 * and an `error` column, matched by line (the server's row numbers), written beside the
 * source without ever replacing a file, and nothing at all when no row is rejected.
 */
import { strict as assert } from 'node:assert';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type FileImport, isImportFinished } from '../../../../src/core/api/models';
import type { CsvDialect } from '../../../../src/core/csv';
import { ERROR_COLUMN, errorReportPath, writeErrorReport } from '../../../../src/core/import/error-report';
import { fixture, tempDir } from '../csv/helpers';
import { parseCsv, useSandbox } from '../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from '../api/client-helpers';

const COMMA: CsvDialect = { encoding: 'utf-8', delimiter: ',' };
const NO_IDENTIFIER = 'Work email is empty, so GetSales cannot identify this contact and will skip the row.';

describe('errorReportPath', () => {
  it('puts <name>.errors.csv beside the source', () => {
    assert.equal(errorReportPath('/work/leads/contacts.csv'), '/work/leads/contacts.errors.csv');
    assert.equal(errorReportPath('/work/leads/contacts.tsv'), '/work/leads/contacts.errors.csv');
    assert.equal(errorReportPath('/work/leads/q3.final.csv'), '/work/leads/q3.final.errors.csv');
    assert.equal(errorReportPath('/work/leads/contacts'), '/work/leads/contacts.errors.csv');
    assert.equal(errorReportPath('/work/leads/.csv'), '/work/leads/.csv.errors.csv');
  });
});

describe('writeErrorReport', () => {
  const dir = tempDir();

  async function source(name: string, content: string | Buffer): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  async function rows(path: string): Promise<string[][]> {
    return parseCsv(await readFile(path, 'utf8'));
  }

  it("lists the rows the server refused with its message, in the source's order", async () => {
    const path = await source('server.csv', 'First Name,Email\r\nAda,ada@example.com\r\nBob,bob@example\r\nCy,cy@example.com\r\nDee,dee@example.com\r\n');
    const report = await writeErrorReport({
      sourcePath: path, dialect: COMMA, kind: 'contacts', mapping: ['first_name', 'work_email'],
      serverErrors: [{ row: 5, message: 'Blacklisted domain.' }, { row: 3, message: 'Invalid email.' }],
    });
    assert.deepEqual(report, { path: join(dir, 'server.errors.csv'), rows: 2, serverRows: 2, preflightRows: 0 });
    assert.deepEqual(await rows(report.path), [
      ['First Name', 'Email', ERROR_COLUMN],
      ['Bob', 'bob@example', 'Invalid email.'],
      ['Dee', 'dee@example.com', 'Blacklisted domain.'],
    ]);
    assert.equal(ERROR_COLUMN, 'error');
  });

  it('joins several messages for one row and ignores messages about the whole import (row 0)', async () => {
    const path = await source('joined.csv', 'First Name,Email\nAda,ada@example.com\n');
    const report = await writeErrorReport({
      sourcePath: path, dialect: COMMA, kind: 'contacts', mapping: ['first_name', 'work_email'],
      serverErrors: [{ row: 0, message: 'The import failed: disk full' }, { row: 2, message: 'First.' }, { row: 2, message: 'Second.' }, { row: 9, message: 'No such row.' }],
    });
    assert.equal(report.rows, 1);
    assert.deepEqual(await rows(report.path), [['First Name', 'Email', 'error'], ['Ada', 'ada@example.com', 'First.; Second.']]);
  });

  it('adds the rows pre-flight knows will be skipped (no identifier) when the server did not list them', async () => {
    const path = await source('preflight.csv', 'First Name,Email\r\nAda,ada@example.com\r\nBob,\r\nCy,bad@\r\nDee,   \r\n');
    const report = await writeErrorReport({
      sourcePath: path, dialect: COMMA, kind: 'contacts', mapping: ['first_name', 'work_email'],
      serverErrors: [{ row: 4, message: 'Invalid email.' }, { row: 5, message: 'Server says no identifier.' }],
    });
    assert.deepEqual(report, { path: join(dir, 'preflight.errors.csv'), rows: 3, serverRows: 2, preflightRows: 1 });
    assert.deepEqual(await rows(report.path), [
      ['First Name', 'Email', 'error'],
      ['Bob', '', NO_IDENTIFIER],
      ['Cy', 'bad@', 'Invalid email.'],
      ['Dee', '   ', 'Server says no identifier.'],
    ]);
  });

  it('matches rows by the line they start on, across quoted line breaks', async () => {
    const path = join(dir, 'embedded.csv');
    await copyFile(fixture('embedded-newlines.csv'), path);
    const report = await writeErrorReport({
      sourcePath: path, dialect: COMMA, kind: 'contacts', mapping: ['first_name', null, 'work_email'],
      serverErrors: [{ row: 5, message: 'Bob refused.' }, { row: 6, message: 'Cy refused.' }, { row: 3, message: 'Inside a cell: not a row.' }],
    });
    assert.equal(report.rows, 2);
    assert.deepEqual(await rows(report.path), [
      ['First Name', 'Notes', 'Email', 'error'],
      ['Bob', '', 'bob@example.com', 'Bob refused.'],
      // Line breaks inside a cell come out as LF, whatever the source used.
      ['Cy', 'two\nlines', 'cy@example.com', 'Cy refused.'],
    ]);
  });

  it("reads the source in its own dialect and writes UTF-8 with commas, quoting what needs it", async () => {
    const path = await source('german.csv', Buffer.from('Vorname;E-Mail;Notiz\r\nJürgen;;"a, b"\r\nRenée;renee@example.de;x\r\n', 'latin1'));
    const report = await writeErrorReport({
      sourcePath: path, dialect: { encoding: 'windows-1252', delimiter: ';' }, kind: 'contacts', mapping: ['first_name', 'work_email', null], serverErrors: [],
    });
    assert.equal(report.preflightRows, 1);
    const text = await readFile(report.path, 'utf8');
    assert.equal(text, `Vorname,E-Mail,Notiz,error\r\nJürgen,,"a, b","${NO_IDENTIFIER}"\r\n`);
  });

  it('writes nothing when no row is known to be rejected', async () => {
    const path = await source('clean.csv', 'First Name,Email\r\nAda,ada@example.com\r\n');
    const before = await readdir(dir);
    const report = await writeErrorReport({ sourcePath: path, dialect: COMMA, kind: 'contacts', mapping: ['first_name', 'work_email'], serverErrors: [] });
    assert.deepEqual(report, { path: join(dir, 'clean.errors.csv'), rows: 0, serverRows: 0, preflightRows: 0 });
    assert.deepEqual((await readdir(dir)).sort(), before.sort(), 'no report and no temp file');
  });

  it('never replaces an existing report: the next one gets a free name', async () => {
    const path = await source('again.csv', 'First Name,Email\r\nAda,\r\n');
    await writeFile(join(dir, 'again.errors.csv'), 'my edits');
    const input = { sourcePath: path, dialect: COMMA, kind: 'contacts' as const, mapping: ['first_name', 'work_email'], serverErrors: [] };
    const second = await writeErrorReport(input);
    const third = await writeErrorReport(input);
    assert.equal(await readFile(join(dir, 'again.errors.csv'), 'utf8'), 'my edits');
    assert.equal(second.path, join(dir, 'again.errors (1).csv'));
    assert.equal(third.path, join(dir, 'again.errors (2).csv'));
    assert.deepEqual(await rows(third.path), [['First Name', 'Email', 'error'], ['Ada', '', NO_IDENTIFIER]]);
  });

  it('uses the companies rule for company imports', async () => {
    const path = await source('companies.csv', 'Company,Website\r\nAcme,acme.example\r\n,nameless.example\r\n');
    const report = await writeErrorReport({ sourcePath: path, dialect: COMMA, kind: 'companies', mapping: ['name', 'website'], serverErrors: [] });
    assert.deepEqual(await rows(report.path), [['Company', 'Website', 'error'], ['', 'nameless.example', 'Company name is empty, so GetSales cannot identify this company and will skip the row.']]);
  });

  it('fails without leaving a temp file when the source is gone', async () => {
    const sub = join(dir, 'gone');
    await mkdir(sub);
    await assert.rejects(writeErrorReport({ sourcePath: join(sub, 'gone.csv'), dialect: COMMA, kind: 'contacts', mapping: ['work_email'], serverErrors: [] }));
    assert.deepEqual(await readdir(sub), []);
  });
});

describe('writeErrorReport with the rows the sandbox refused', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'none', rateLimitPerMinute: 100_000 });
  const dir = tempDir();

  it("puts the server's message on the right source rows", async () => {
    const path = join(dir, 'leads.csv');
    await writeFile(path, 'First Name,Notes,Email\r\nAda,"two\r\nlines",ada@example.com\r\nBob,no email,\r\nCy,,cy@example.com\r\nDee,"x\ny",\r\n');
    const { client } = testClient(api().url);
    const listUuid = await api().createList('Report');
    const uploaded = await client.uploadCsv({ filePath: path, type: 'csv_leads' });
    await client.importContacts(uploaded.uuid, { columns: { first_name: 0, work_email: 2 }, listUuid });
    let remote: FileImport = uploaded;
    for (let attempt = 0; attempt < 2000 && !isImportFinished(remote.status); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      remote = await client.getImport(uploaded.uuid);
    }
    assert.deepEqual(remote.errors.map((e) => e.row), [4, 6], JSON.stringify(remote.errors));

    const report = await writeErrorReport({ sourcePath: path, dialect: COMMA, kind: 'contacts', mapping: ['first_name', null, 'work_email'], serverErrors: remote.errors });
    assert.deepEqual({ rows: report.rows, serverRows: report.serverRows, preflightRows: report.preflightRows }, { rows: 2, serverRows: 2, preflightRows: 0 });
    const [header, ...listed] = await rows(report.path);
    assert.deepEqual(header, ['First Name', 'Notes', 'Email', 'error']);
    assert.deepEqual(listed.map((row) => row.slice(0, 3)), [['Bob', 'no email', ''], ['Dee', 'x\ny', '']]);
    assert.deepEqual(listed.map((row) => row[3]), remote.errors.map((e) => e.message));
  });

  async function rows(path: string): Promise<string[][]> {
    return parseCsv(await readFile(path, 'utf8'));
  }
});

describe('writeErrorReport and formulas', () => {
  it('neutralises formulas in the column it writes, and leaves the user\'s cells as they were', async () => {
    const path = join(tempDir(), 'people.csv');
    await writeFile(path, 'Name,Email,Note\r\nAda,ada@example.com,=1+1\r\nBob,bob@example.com,@home\r\n');
    const report = await writeErrorReport({
      sourcePath: path,
      dialect: COMMA,
      kind: 'contacts',
      mapping: [null, 'work_email', null],
      serverErrors: [{ row: 2, message: '=HYPERLINK("http://evil.example","fix")' }, { row: 3, message: '-bad value' }],
    });
    assert.equal(report.rows, 2);
    assert.equal(await readFile(report.path, 'utf8'), [
      'Name,Email,Note,error',
      `Ada,ada@example.com,=1+1,"'=HYPERLINK(""http://evil.example"",""fix"")"`,
      "Bob,bob@example.com,@home,'-bad value",
      '',
    ].join('\r\n'));
  });
});
