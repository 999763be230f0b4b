/**
 * The uuid column of a CSV as the records to export again: from a file on disk (any
 * encoding and delimiter the CSV engine reads) and from an editor's text, with the same
 * counts of empty and invalid cells, and a reason when there is nothing to take.
 */
import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type UuidColumn, readUuidColumnFromFile, readUuidColumnFromText, uuidColumnIndex } from '../../../../src/core/export/uuid-column';
import { fixture, tempDir } from '../csv/helpers';

const A = '0b6f3a52-1c4e-4d8a-9f1e-6a2b3c4d5e6f';
const B = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
const C = '12345678-9abc-def0-1234-56789abcdef0';

const EXPORT_CSV = [
  'first_name,uuid,work_email',
  `Ada,${A},ada@example.com`,
  `Grace,${B.toUpperCase()},grace@example.com`,
  'Alan,,alan@example.com',
  `Ada again,${A},ada@example.com`,
  'Nobody,not-a-uuid,',
  `Linus, ${C} ,`,
  '',
].join('\r\n');

const EXPECTED: UuidColumn = { found: true, ids: [A, B, C], invalid: 1, empty: 1 };

describe('uuidColumnIndex', () => {
  it('finds the uuid header however it is written, and -1 without one', () => {
    assert.equal(uuidColumnIndex(['name', 'uuid']), 1);
    assert.equal(uuidColumnIndex(['UUID', 'name']), 0);
    assert.equal(uuidColumnIndex(['name', ' Uuid ']), 1);
    assert.equal(uuidColumnIndex(['name', 'lead_uuid', 'id']), -1);
    assert.equal(uuidColumnIndex([]), -1);
  });
});

describe('readUuidColumnFromText', () => {
  it('takes unique lower-cased UUIDs in file order, counting empty and invalid cells', () => {
    assert.deepEqual(readUuidColumnFromText(EXPORT_CSV), EXPECTED);
  });

  it('reads unsaved text with a BOM, semicolons, LF endings and blank lines', () => {
    const text = `\uFEFFuuid;name\n\n${A};Ada\n\n${B};"Grace; Hopper"\n`;
    assert.deepEqual(readUuidColumnFromText(text), { found: true, ids: [A, B], invalid: 0, empty: 0 });
  });

  it('explains why there is nothing to take', () => {
    assert.deepEqual(readUuidColumnFromText(''), { found: false, reason: 'it is empty' });
    assert.deepEqual(readUuidColumnFromText('\n \n'), { found: false, reason: 'it is empty' });
    assert.deepEqual(readUuidColumnFromText(`name,email\nAda,${A}\n`), { found: false, reason: 'it has no uuid column (its columns: “name”, “email”)' });
    const wide = Array.from({ length: 10 }, (_, i) => `c${i}`).join(',');
    assert.deepEqual(readUuidColumnFromText(`${wide}\n`), { found: false, reason: 'it has no uuid column (its columns: “c0”, “c1”, “c2”, “c3”, “c4”, “c5”, “c6”, “c7”, …)' });
  });

  it('has found nothing, but a column, for a header without rows', () => {
    assert.deepEqual(readUuidColumnFromText('uuid\r\n'), { found: true, ids: [], invalid: 0, empty: 0 });
  });
});

describe('readUuidColumnFromFile', () => {
  const dir = tempDir();

  async function file(name: string, content: string | Buffer): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  it('gives the same answer as the text for the same CSV', async () => {
    assert.deepEqual(await readUuidColumnFromFile(await file('export.csv', EXPORT_CSV)), EXPECTED);
  });

  it('reads UTF-16 with a tab delimiter and quoted cells holding line breaks', async () => {
    const text = `name\tuuid\r\n"two\r\nlines"\t${A}\r\nplain\t${B}\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(await readUuidColumnFromFile(await file('utf16.tsv', bytes)), { found: true, ids: [A, B], invalid: 0, empty: 0 });
  });

  it('skips blank lines before the header, as the first view does', async () => {
    assert.deepEqual(await readUuidColumnFromFile(await file('blank-first.csv', `\r\n\r\nuuid,name\r\n${C},x\r\n`)), { found: true, ids: [C], invalid: 0, empty: 0 });
  });

  it('streams a file far larger than the first view', async () => {
    const lines = ['uuid,name'];
    const expected: string[] = [];
    for (let i = 0; i < 60_000; i += 1) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      expected.push(id);
      lines.push(`${id},Person ${i} with a longer name to make the row wider`);
    }
    const read = await readUuidColumnFromFile(await file('big.csv', lines.join('\n')));
    assert.ok(read.found);
    assert.equal(read.ids.length, 60_000);
    assert.deepEqual(read.ids, expected);
  });

  it('says why a file cannot give UUIDs: empty, binary, or no uuid column', async () => {
    assert.deepEqual(await readUuidColumnFromFile(fixture('empty.csv')), { found: false, reason: 'The file is empty' });
    const binary = await readUuidColumnFromFile(fixture('xlsx-renamed.csv'));
    assert.ok(!binary.found && /^This is /.test(binary.reason) && !binary.reason.endsWith('.'), JSON.stringify(binary));
    assert.deepEqual(await readUuidColumnFromFile(fixture('semicolon.csv')), { found: false, reason: 'it has no uuid column (its columns: “Name”, “Email”, “Amount”)' });
  });

  it('stops when cancelled', async () => {
    const path = await file('cancel.csv', EXPORT_CSV);
    await assert.rejects(readUuidColumnFromFile(path, AbortSignal.abort()));
  });
});
