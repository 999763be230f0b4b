import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFirstView, summarizeValidation, validateRows } from '../../../../src/core/csv';
import { writeContactsCsv } from '../../../fixtures/generate-contacts';
import { fixture, tempDir } from './helpers';

const temp = tempDir();

async function validate(content: string, kind: 'contacts' | 'companies', columns: Record<string, number>, name = 'rows.csv') {
  const path = join(temp, name);
  writeFileSync(path, content);
  const view = await readFirstView(path);
  return validateRows(path, view.dialect, kind, columns);
}

describe('row validation', () => {
  it('finds each kind of issue on the line where its row starts', async () => {
    const csv = [
      'First,Email,Private,LinkedIn', // 1
      'Ada,ada@example.com,,https://www.linkedin.com/in/ada', // 2
      'Bob,"bob(at)example.com', // 3  (the cell runs on…)
      'still bob",,linkedin.com/company/acme', // 4
      'Cy,,,', // 5
      ',,,', // 6 blank: not a row
      'Dee,,dee@gmail.com,Dee Smith', // 7
      'Eve,,,ACwAAAAKmbUBx_a3Rk2fkUfA', // 8
    ].join('\r\n');
    const report = await validate(csv, 'contacts', { first_name: 0, work_email: 1, personal_email: 2, linkedin_id: 3 });
    assert.equal(report.rowsChecked, 5);
    assert.equal(report.rowsWithIssues, 3);
    assert.deepEqual(report.counts, { 'missing-identifier': 1, 'invalid-email': 1, 'invalid-linkedin': 2 });
    assert.deepEqual(report.issues.map((i) => [i.line, i.code, i.column]), [
      [3, 'invalid-email', 1],
      [3, 'invalid-linkedin', 3],
      [5, 'missing-identifier', undefined],
      [7, 'invalid-linkedin', 3],
    ]);
    assert.equal(report.issues[1]?.message, `LinkedIn "linkedin.com/company/acme" is a company page, not a person's profile.`);
    assert.equal(report.issues[2]?.message, 'LinkedIn, Work email and Personal email are all empty, so GetSales cannot identify this contact and will skip the row.');
    const two = await validate('Name,Email,LinkedIn\r\nAda,,\r\n', 'contacts', { first_name: 0, work_email: 1, linkedin_id: 2 });
    assert.equal(two.issues[0]?.message, 'LinkedIn and Work email are both empty, so GetSales cannot identify this contact and will skip the row.');
    assert.equal(report.issues[3]?.message, 'LinkedIn "Dee Smith" is neither a profile URL, a nickname nor an id.');
    assert.equal(report.truncated, false);
  });

  it('applies the company identifier rule: LinkedIn or name', async () => {
    const csv = 'Company,LinkedIn,Industry\nAcme,,\n,https://linkedin.com/company/foo,\n,,Software\n,https://linkedin.com/in/someone,\n';
    const report = await validate(csv, 'companies', { name: 0, linkedin_id: 1, industry: 2 });
    assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[4, 'missing-identifier'], [5, 'invalid-linkedin']]);
    assert.match(report.issues[1]?.message ?? '', /is a person's profile, not a company page/);
  });

  it('uses the line numbers of the user file, also after a Windows-1252 re-read', async () => {
    const view = await readFirstView(fixture('windows-1252.csv'));
    const report = await validateRows(fixture('windows-1252.csv'), view.dialect, 'contacts', { first_name: 0, work_email: 2 });
    assert.equal(report.rowsChecked, 2);
    assert.deepEqual(report.issues, []);
  });

  it('keeps the first issues and counts all of them', async () => {
    const csv = `Email\n${'not-an-email\n'.repeat(30)}`;
    const path = join(temp, 'many.csv');
    writeFileSync(path, csv);
    const report = await validateRows(path, { encoding: 'utf-8', delimiter: ',' }, 'contacts', { work_email: 0 }, { maxIssues: 5 });
    assert.equal(report.counts['invalid-email'], 30);
    assert.deepEqual(report.issues.map((i) => i.line), [2, 3, 4, 5, 6]);
    assert.equal(report.truncated, true);
  });

  it('summarises counts in sentences for the mapping screen', async () => {
    // Rows with nothing but delimiters are blank lines, not rows: the third column keeps these two rows.
    const report = await validate('Email,LinkedIn,Name\nx,,\n,,Ada\n,,Bob\n', 'contacts', { work_email: 0, linkedin_id: 1, first_name: 2 });
    assert.deepEqual(summarizeValidation(report), [
      { code: 'missing-identifier', severity: 'error', count: 2, message: '2 rows have no identifier: GetSales will refuse them, and they count as errors.' },
      { code: 'invalid-email', severity: 'warning', count: 1, message: '1 email address is not valid.' },
    ]);
  });

  it('streams a 15 MB file', async () => {
    const path = join(temp, 'big.csv');
    const rows = await writeContactsCsv(path, 15 * 1024 * 1024);
    const report = await validateRows(path, { encoding: 'utf-8', delimiter: ',' }, 'contacts', { work_email: 2, linkedin_id: 5 });
    assert.equal(report.rowsChecked, rows);
    assert.deepEqual(report.issues, []);
  });
});
