import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFirstView, type FirstView } from '../../../../src/core/csv';
import { writeContactsCsv } from '../../../fixtures/generate-contacts';
import { fixture, tempDir } from './helpers';

function rows(view: FirstView): (string | number)[][] {
  return view.previewRows.map((r) => [r.line, ...r.cells]);
}

function codes(notices: FirstView['problems']): string[] {
  return notices.map((n) => n.code);
}

describe('first view: encodings', () => {
  it('reads UTF-8 with BOM and drops the BOM from the first header', async () => {
    const view = await readFirstView(fixture('utf8-bom.csv'));
    assert.deepEqual(view.dialect, { encoding: 'utf-8-bom', delimiter: ',' });
    assert.deepEqual(view.headers, ['First Name', 'Email']);
    assert.deepEqual(rows(view), [[2, 'Zoë', 'zoe@example.com'], [3, 'Ada', 'ada@example.com']]);
    assert.equal(view.needsConversion, true);
  });

  it('reads UTF-16 LE with BOM, tab-separated, including a character outside the BMP', async () => {
    const view = await readFirstView(fixture('utf16le-tab.csv'));
    assert.deepEqual(view.dialect, { encoding: 'utf-16le', delimiter: '\t' });
    assert.deepEqual(view.headers, ['First Name', 'Email', 'Notes']);
    assert.deepEqual(rows(view), [[2, 'Zoë', 'zoe@example.com', 'says "hi", twice'], [3, 'Łukasz', 'lukasz@example.com', '😀']]);
  });

  it('reads UTF-16 BE with BOM', async () => {
    const view = await readFirstView(fixture('utf16be.csv'));
    assert.deepEqual(view.dialect, { encoding: 'utf-16be', delimiter: ',' });
    assert.deepEqual(rows(view), [[2, 'Łukasz', 'lukasz@example.com']]);
  });

  it('reads invalid UTF-8 without BOM as Windows-1252, € and curly quotes included', async () => {
    const view = await readFirstView(fixture('windows-1252.csv'));
    assert.deepEqual(view.dialect, { encoding: 'windows-1252', delimiter: ';' });
    assert.deepEqual(view.headers, ['Vorname', 'Nachname', 'E-Mail', 'Umsatz']);
    assert.deepEqual(rows(view), [[2, 'Jürgen', 'Müller', 'juergen@example.de', '€ 1.200'], [3, 'Renée', 'Straße', 'renee@example.de', '“quoted”']]);
  });

  it('needs no conversion for plain UTF-8 with comma, semicolon or pipe', async () => {
    for (const [name, delimiter] of [['quoted-delimiters.csv', ','], ['semicolon.csv', ';'], ['pipe.csv', '|']] as const) {
      const view = await readFirstView(fixture(name));
      assert.deepEqual(view.dialect, { encoding: 'utf-8', delimiter }, name);
      assert.equal(view.needsConversion, false, name);
    }
  });
});

describe('first view: dialect and quoting', () => {
  it('splits rows on CRLF, LF and CR in one file', async () => {
    const view = await readFirstView(fixture('mixed-line-endings.csv'));
    assert.deepEqual(rows(view), [
      [2, 'Ada', 'ada@example.com'], [3, 'Bob', 'bob@example.com'], [4, 'Cy', 'cy@example.com'], [5, 'Dee', 'dee@example.com'],
    ]);
  });

  it('keeps delimiters inside quotes and does not let them vote for the delimiter', async () => {
    const view = await readFirstView(fixture('quoted-delimiters.csv'));
    assert.deepEqual(rows(view), [[2, 'Acme, Inc.', 'ops@acme.com', '1 Main St, Springfield'], [3, 'Foo; Bar | Baz', 'hi@foo.io', 'a,b,c']]);
  });

  it('keeps line breaks inside quoted cells and numbers rows by the line they start on', async () => {
    const view = await readFirstView(fixture('embedded-newlines.csv'));
    assert.deepEqual(rows(view), [
      [2, 'Ada', 'line one\nline two\nline three', 'ada@example.com'], [5, 'Bob', '', 'bob@example.com'], [6, 'Cy', 'two\nlines', 'cy@example.com'],
    ]);
  });

  it('undoubles doubled quotes', async () => {
    const view = await readFirstView(fixture('doubled-quotes.csv'));
    assert.deepEqual(rows(view), [[2, 'Ada "The Countess" Lovelace', 'She said "hi"'], [3, '"', '""']]);
  });

  it('detects semicolons with decimal commas, pipes, and tabs', async () => {
    assert.deepEqual(rows(await readFirstView(fixture('semicolon.csv'))), [[2, 'Ada', 'ada@example.com', '1,5'], [3, 'Bob', 'bob@example.com', '2,25']]);
    assert.deepEqual(rows(await readFirstView(fixture('pipe.csv'))), [[2, 'Ada', 'ada@example.com', 'Acme, Inc.'], [3, 'Bob', 'bob@example.com', 'Foo; Bar']]);
    const tab = await readFirstView(fixture('tab.tsv'));
    assert.deepEqual(tab.dialect, { encoding: 'utf-8', delimiter: '\t' });
    assert.equal(tab.needsConversion, true);
    assert.deepEqual(rows(tab), [[2, 'Ada', 'ada@example.com', 'Acme, Inc.'], [3, 'Bob', 'bob@example.com', 'Quoted "x"'], [4, 'Cy', 'two\nlines', 'plain']]);
  });

  it('skips blank lines and delimiter-only rows before and between rows', async () => {
    const view = await readFirstView(fixture('blank-lines.csv'));
    assert.equal(view.headerLine, 3);
    assert.deepEqual(view.headers, ['name', 'email']);
    assert.deepEqual(rows(view), [[5, 'Ada', 'ada@example.com'], [9, 'Bob', 'bob@example.com']]);
  });

  it('keeps ragged rows as they are in the preview', async () => {
    const view = await readFirstView(fixture('ragged.csv'));
    assert.deepEqual(rows(view), [[2, '1', '2', '3'], [3, '4', '5'], [4, '6', '7', '8', '9'], [5, '10', '11', '12'], [6, '13']]);
  });

  it('warns about an unclosed quote with its line', async () => {
    const view = await readFirstView(fixture('unclosed-quote.csv'));
    assert.deepEqual(view.warnings.map((w) => [w.code, w.line]), [['unclosed-quote', 2]]);
  });
});

describe('first view: header warnings and blocking problems', () => {
  it('names blank and duplicate headers', async () => {
    const view = await readFirstView(fixture('blank-duplicate-headers.csv'));
    assert.deepEqual(view.headers, ['Email', '', 'Name', 'email', ' ']);
    assert.deepEqual(view.warnings.map((w) => w.message), [
      'The header has no name in columns 2 and 5; those columns can only be mapped by position.',
      'The header "Email" appears in columns 1 and 4; check which one you map.',
    ]);
    assert.deepEqual(view.problems, []);
  });

  it('warns about the blank header a trailing delimiter makes', async () => {
    const view = await readFirstView(fixture('trailing-delimiters.csv'));
    assert.deepEqual(view.headers, ['name', 'email', '']);
    assert.deepEqual(codes(view.warnings), ['blank-header']);
  });

  it('refuses an empty file', async () => {
    const view = await readFirstView(fixture('empty.csv'));
    assert.deepEqual(view.problems, [{ code: 'empty', message: 'The file is empty.' }]);
    assert.equal(view.sizeBytes, 0);
  });

  it('refuses a file of blank lines as empty', async () => {
    const path = join(tempDir(), 'blanks.csv');
    writeFileSync(path, '\r\n,,\n  \n');
    assert.deepEqual(codes((await readFirstView(path)).problems), ['empty']);
  });

  it('refuses a header without data rows', async () => {
    const view = await readFirstView(fixture('header-only.csv'));
    assert.deepEqual(view.headers, ['First Name', 'Last Name', 'Email']);
    assert.deepEqual(view.problems, [{ code: 'header-only', line: 1, message: 'The file has a header row but no data rows below it.' }]);
  });

  it('refuses binary data and says why', async () => {
    const view = await readFirstView(fixture('binary.csv'));
    assert.deepEqual(codes(view.problems), ['binary']);
    assert.match(view.problems[0]?.message ?? '', /line \d+ holds a NUL character/);
    assert.deepEqual(view.headers, []);
  });

  it('recognises an Excel workbook renamed to .csv', async () => {
    const view = await readFirstView(fixture('xlsx-renamed.csv'));
    assert.deepEqual(codes(view.problems), ['binary']);
    assert.match(view.problems[0]?.message ?? '', /Excel workbook \(\.xlsx\).*CSV UTF-8/);
  });

  it('refuses a first row that is data, not a header', async () => {
    const view = await readFirstView(fixture('no-header.csv'));
    assert.deepEqual(codes(view.problems), ['no-header']);
    assert.match(view.problems[0]?.message ?? '', /"ada@example\.com"/);
  });
});

describe('first view: size', () => {
  const MB15 = 15 * 1024 * 1024;

  it('accepts a file of exactly 15 MB and reads only its head', async () => {
    const path = join(tempDir(), 'limit.csv');
    await writeContactsCsv(path, MB15);
    const view = await readFirstView(path);
    assert.equal(view.sizeBytes, MB15);
    assert.deepEqual(view.problems, []);
    assert.equal(view.wholeFileRead, false);
    assert.equal(view.previewRows.length, 10);
    assert.deepEqual(view.previewRows.map((r) => r.line), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.equal(view.previewRows[0]?.cells[2], 'ada.0@example.com');
  });

  it('refuses a file one byte over 15 MB, naming its size and the limit', async () => {
    const path = join(tempDir(), 'over.csv');
    await writeContactsCsv(path, MB15 + 1);
    const view = await readFirstView(path);
    assert.deepEqual(view.problems, [{
      code: 'too-big',
      message: 'The file is 15.0 MB (15,728,641 bytes); GetSales accepts up to 15.0 MB (15,728,640 bytes) per upload. Split it into smaller files.',
    }]);
    assert.equal(view.headers.length, 9, 'the header is still read for the message context');
  });

  it('reads further than 64 KB when rows are long, and stops at a huge header line', async () => {
    const dir = tempDir();
    const long = join(dir, 'long-rows.csv');
    writeFileSync(long, `name,notes\n${Array.from({ length: 12 }, (_, i) => `r${i},${'x'.repeat(20_000)}`).join('\n')}\n`);
    const view = await readFirstView(long);
    assert.equal(view.previewRows.length, 10);
    assert.equal(view.previewRows[9]?.cells[0], 'r9');

    const huge = join(dir, 'huge-line.csv');
    writeFileSync(huge, `${'h'.repeat(2 * 1024 * 1024)},b\n1,2\n`);
    assert.deepEqual(codes((await readFirstView(huge)).problems), ['header-too-long']);
  });
});
