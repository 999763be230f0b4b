import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CsvDelimiter } from '../../../../src/core/csv/dialect';
import { RowTooBigError, type SplitResult, splitIntoParts } from '../../../../src/core/csv/part-splitter';
import { streamRows } from '../../../../src/core/csv/row-stream';
import { tempDir } from './helpers';

const temp = tempDir();
let runs = 0;

interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * The rows of a file as the product's own reader sees them (header included), with their
 * lines. Line breaks inside cells are compared as LF: the reader keeps a CRLF in a cell of
 * an all-CRLF text and turns it into LF in a mixed one, and a part may be either.
 */
async function rowsOf(path: string, delimiter: CsvDelimiter = ','): Promise<Row[]> {
  const rows: Row[] = [];
  await streamRows(path, { encoding: 'utf-8', delimiter }, { onRow: (cells, line) => void rows.push({ line, cells: cells.map((cell) => cell.replace(/\r\n/g, '\n')) }) });
  return rows;
}

async function split(text: string | Buffer, maxPartBytes: number, delimiter: CsvDelimiter = ',', rowsSpanLines = true): Promise<{ copy: string; folder: string; result: SplitResult }> {
  runs += 1;
  const copy = join(temp, `copy-${runs}.csv`);
  writeFileSync(copy, text);
  const folder = mkdtempSync(join(temp, 'parts-'));
  return { copy, folder, result: await splitIntoParts(copy, { folder, delimiter, maxPartBytes, rowsSpanLines }) };
}

/** What a split wrote: each part's facts and bytes, without the folder's name. */
function written(result: SplitResult): unknown[] {
  return result.parts.map((part) => ({ ...part, path: undefined, bytes: readFileSync(part.path).toString('utf8') }));
}

/** Byte offsets where each line of `bytes` starts (index 0 = line 1). */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) starts.push(at + 1);
  return starts;
}

/** The header row's bytes in the copy, and where the line after it starts. */
async function headerOf(copy: string, delimiter: CsvDelimiter): Promise<{ bytes: Buffer; end: number }> {
  const [header] = await rowsOf(copy, delimiter);
  assert.ok(header !== undefined, 'the copy has a header');
  const bytes = readFileSync(copy);
  const starts = lineStarts(bytes);
  const span = header.cells.join('').split('\n').length;
  const from = starts[header.line - 1] ?? 0;
  const end = starts[header.line - 1 + span] ?? bytes.length;
  return { bytes: bytes.subarray(from, end), end };
}

/**
 * Everything a split promises, checked against the copy: parts under the limit, each
 * starting with the header, slices that put back together give the copy (trailing blank
 * lines aside), whole rows only, and every row's line mapped back to its line in the copy.
 */
async function assertSplit(copy: string, folder: string, result: SplitResult, maxPartBytes: number, delimiter: CsvDelimiter = ','): Promise<void> {
  const [header, ...data] = await rowsOf(copy, delimiter);
  assert.ok(header !== undefined);
  const headerBytes = (await headerOf(copy, delimiter)).bytes;
  const bytes = readFileSync(copy);
  const pieces: Buffer[] = [];
  const seen: Row[] = [];
  for (const [index, part] of result.parts.entries()) {
    const content = readFileSync(part.path);
    assert.equal(content.length, part.sizeBytes, `part ${index + 1}: size as reported`);
    assert.ok(content.length <= maxPartBytes, `part ${index + 1}: ${content.length} bytes, over ${maxPartBytes}`);
    const rows = await rowsOf(part.path, delimiter);
    assert.deepEqual(rows[0]?.cells, header.cells, `part ${index + 1} starts with the header`);
    assert.equal(rows.length - 1, part.rows, `part ${index + 1}: row count`);
    assert.ok(part.rows > 0, `part ${index + 1} has rows`);
    for (const row of rows.slice(1)) seen.push({ line: row.line + part.lineOffset, cells: row.cells });
    assert.equal((rows[1]?.line ?? 0) + part.lineOffset, part.firstLine, `part ${index + 1}: first line`);
    if (index === 0) {
      assert.equal(part.lineOffset, 0, 'the first part is the copy\'s head as it is');
      pieces.push(content);
    } else {
      assert.ok(content.subarray(0, headerBytes.length).equals(headerBytes), `part ${index + 1} repeats the header row's bytes`);
      pieces.push(content.subarray(headerBytes.length));
    }
  }
  assert.deepEqual(seen, data, 'every data row once, in order, on its own line');
  assert.equal(result.rows, data.length);
  const joined = Buffer.concat(pieces);
  assert.ok(bytes.subarray(0, joined.length).equals(joined), 'the parts are slices of the copy');
  assert.match(bytes.subarray(joined.length).toString('utf8'), /^[\r\n]*$/, 'only blank lines are left out');
  assert.deepEqual(readdirSync(folder).sort(), result.parts.map((_, i) => `part-${i + 1}.csv`).sort(), 'no temp files left');
}

describe('splitting an upload copy into parts', () => {
  const CASES: Record<string, { text: string; delimiter?: CsvDelimiter }> = {
    'CRLF rows with CRLF and LF inside quoted cells': {
      text: 'Name,Notes,Email\r\nAda,"one\r\ntwo",a@x.io\r\nBob,plain,b@x.io\r\n"Cy, Jr.","x\ny\nz",c@x.io\r\nDee,"said ""hi""",d@x.io\r\nEve,,e@x.io\r\n',
    },
    'LF rows, a blank line between, no final line break': {
      text: 'Name;Email\n"Ada\nL";a@x.io\n\nBob;b@x.io\n"Cy;Jr";c@x.io\nDee;d@x.io',
      delimiter: ';',
    },
    'an empty first line (Excel\'s "sep=" line left out) and trailing blank lines': {
      text: '\r\nName,Email\r\nAda,a@x.io\r\nBob,"b\r\n@x.io"\r\nCy,c@x.io\r\n\r\n\r\n',
    },
    'a header spanning two lines': {
      text: 'Name,"Email\naddress"\nAda,a@x.io\nBob,b@x.io\nCy,c@x.io\n',
    },
  };

  for (const [name, { text, delimiter }] of Object.entries(CASES)) {
    it(`${name}: whole rows, the header in each part, under the limit, lines mapped — at every part size`, async () => {
      const bytes = Buffer.byteLength(text);
      let refusals = 0;
      for (let max = 20; max <= bytes + 8; max += 1) {
        let outcome: Awaited<ReturnType<typeof split>>;
        try {
          outcome = await split(text, max, delimiter);
        } catch (error) {
          assert.ok(error instanceof RowTooBigError, `max ${max}: ${String(error)}`);
          const { end } = await headerOf(join(temp, `copy-${runs}.csv`), delimiter ?? ',');
          // Refused only when that row and the header (with the blank lines before it) cannot share a part.
          assert.ok(error.rowBytes + end + 4 > max, `max ${max}: the row on line ${error.line} (${error.rowBytes} B) was refused although it fits`);
          refusals += 1;
          continue;
        }
        await assertSplit(outcome.copy, outcome.folder, outcome.result, max, delimiter);
        if (max >= bytes) assert.equal(outcome.result.parts.length, 1, 'a copy under the limit stays whole');
      }
      assert.ok(refusals > 0 && refusals < bytes, 'the smallest sizes are refused, the others split');
    });
  }

  it('a copy whose rows are each one line is cut at line breaks without parsing, into the very parts the parser makes — at every part size', async () => {
    const text = 'Name;Notes;Email\r\n\r\n"Ada, L";"said ""hi""";a@x.io\r\n;;\r\n"";"";\r\n  ;\t;\r\nBob;"";b@x.io\r\n"\u00a0";x;y\r\n"\u00a0";"";\r\nCy;plain;c@x.io\r\n';
    const bytes = Buffer.byteLength(text);
    for (let max = 20; max <= bytes + 8; max += 1) {
      const refused = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
      const parsed = await split(text, max, ';', true).catch(refused);
      const byLines = await split(text, max, ';', false).catch(refused);
      if (parsed instanceof Error || byLines instanceof Error) {
        assert.ok(parsed instanceof RowTooBigError && byLines instanceof RowTooBigError, `max ${max}: ${String(parsed)} / ${String(byLines)}`);
        assert.equal(byLines.line, parsed.line);
        continue;
      }
      assert.deepEqual(written(byLines.result), written(parsed.result), `max ${max}`);
      await assertSplit(byLines.copy, byLines.folder, byLines.result, max, ';');
    }
  });

  it('cuts rows with quoted line breaks across read chunks (600 KB into 100 KB parts)', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `Ada ${i},"notes ${i}\r\nsecond line, with a comma\r\nthird ""quoted"" line",ada.${i}@example.com\r\n`);
    const text = `Name,Notes,Email\r\n${rows.join('')}`;
    const max = 100 * 1024;
    const { copy, folder, result } = await split(text, max);
    assert.ok(result.parts.length >= 6, `${result.parts.length} parts`);
    await assertSplit(copy, folder, result, max);
    // Row i starts on line 2 + 3i; a part starting with it has its first row on its line 2.
    assert.ok(result.parts.every((part) => part.lineOffset % 3 === 0 && (part.firstLine - 2) % 3 === 0), 'every part starts on a row, three lines each');
  });

  it('refuses a row bigger than a part and leaves nothing behind', async () => {
    const text = `Name,Notes\r\nAda,short\r\nBob,"${'x'.repeat(500)}"\r\nCy,short\r\n`;
    const folder = mkdtempSync(join(temp, 'too-big-'));
    const copy = join(temp, 'too-big.csv');
    writeFileSync(copy, text);
    await assert.rejects(splitIntoParts(copy, { folder, delimiter: ',', maxPartBytes: 200 }), (error: unknown) => {
      assert.ok(error instanceof RowTooBigError);
      assert.equal(error.line, 3);
      assert.match(error.message, /^The row on line 3 is 5\d\d B/);
      return true;
    });
    assert.deepEqual(readdirSync(folder), [], 'the published first part and the temp file are gone');
  });

  it('stops when aborted and leaves nothing behind', async () => {
    const text = `Name,Email\r\n${Array.from({ length: 40_000 }, (_, i) => `Ada ${i},ada.${i}@example.com\r\n`).join('')}`;
    const folder = mkdtempSync(join(temp, 'aborted-'));
    const copy = join(temp, 'aborted.csv');
    writeFileSync(copy, text);
    const controller = new AbortController();
    const splitting = splitIntoParts(copy, { folder, delimiter: ',', maxPartBytes: 64 * 1024, signal: controller.signal, onProgress: () => controller.abort() });
    await assert.rejects(splitting, { name: 'AbortError' });
    assert.deepEqual(readdirSync(folder), []);
  });
});
