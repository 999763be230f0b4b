// Counting a CSV's data rows with the CSV engine: rows, not lines.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { countDataRows } from '../../../../src/core/csv';
import { writeContactsCsv } from '../../../fixtures/generate-contacts';
import { fixture, tempDir } from './helpers';

const temp = tempDir();

function write(name: string, content: string | Buffer): string {
  const path = join(temp, name);
  writeFileSync(path, content);
  return path;
}

describe('countDataRows', () => {
  it('counts rows, not lines: line breaks inside quoted cells do not make rows', async () => {
    assert.equal(await countDataRows(fixture('embedded-newlines.csv')), 3);
    assert.equal(await countDataRows(write('export.csv', 'uuid,notes\r\n1,"two\r\nlines"\r\n2,"three\nmore\nlines"\r\n3,plain\r\n')), 3);
  });

  it('skips blank lines and delimiter-only rows, and does not count the header', async () => {
    assert.equal(await countDataRows(fixture('blank-lines.csv')), 2);
    assert.equal(await countDataRows(fixture('header-only.csv')), 0);
    assert.equal(await countDataRows(write('no-final-break.csv', 'uuid\r\na\r\nb')), 2);
  });

  it('reads other encodings and delimiters the way the pre-flight does', async () => {
    assert.equal(await countDataRows(fixture('utf16le-tab.csv')), 2);
    assert.equal(await countDataRows(fixture('windows-1252.csv')), 2);
    assert.equal(await countDataRows(fixture('utf8-bom.csv')), 2);
  });

  it('is 0 for an empty file', async () => {
    assert.equal(await countDataRows(write('empty.csv', '')), 0);
    assert.equal(await countDataRows(write('blank.csv', '\r\n\r\n')), 0);
  });

  it('counts a file read in many chunks', async () => {
    const path = join(temp, 'big.csv');
    const rows = await writeContactsCsv(path, 2 * 1024 * 1024);
    assert.equal(await countDataRows(path), rows);
  });
});
