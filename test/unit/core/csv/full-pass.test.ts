import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { readFirstView, runFullPass, type FullPassResult } from '../../../../src/core/csv';
import { writeContactsCsv } from '../../../fixtures/generate-contacts';
import { fixture, tempDir } from './helpers';

const temp = tempDir();

async function fullPass(path: string): Promise<FullPassResult> {
  const view = await readFirstView(path);
  return runFullPass(path, view.dialect, { tempDir: temp });
}

/** Runs the full pass, checks the user's file is untouched, and returns the result plus the upload's text. */
async function passAndCopy(name: string): Promise<{ result: FullPassResult; upload: string }> {
  const path = fixture(name);
  const before = readFileSync(path);
  const result = await fullPass(path);
  const upload = readFileSync(result.uploadPath, 'utf8');
  assert.deepEqual(readFileSync(path), before, 'the user file is never changed');
  await result.dispose();
  return { result, upload };
}

describe('full pass: facts', () => {
  it('counts rows, not lines, when cells hold line breaks', async () => {
    const result = await fullPass(fixture('embedded-newlines.csv'));
    assert.equal(result.rowCount, 3);
    assert.equal(result.multiLineRows, 2, 'the rows a split must not cut at their line breaks');
    assert.equal((await fullPass(fixture('semicolon.csv'))).multiLineRows, 0);
    assert.equal(result.headerLine, 1);
    // CRLF rows with a bare LF inside a quoted cell: the upload ends every line with CRLF and keeps the cell's line breaks.
    assert.equal(result.converted, true);
    assert.equal(readFileSync(result.uploadPath, 'utf8'), 'First Name,Notes,Email\r\nAda,"line one\nline two\nline three",ada@example.com\r\nBob,,bob@example.com\r\nCy,"two\nlines",cy@example.com\r\n');
  });

  it('lists ragged rows with the lines they start on', async () => {
    const result = await fullPass(fixture('ragged.csv'));
    assert.equal(result.rowCount, 5);
    assert.deepEqual(result.raggedRows, [{ line: 3, cells: 2 }, { line: 4, cells: 4 }, { line: 6, cells: 1 }]);
    assert.equal(result.raggedRowCount, 3);
    assert.deepEqual(result.warnings.map((w) => w.message), [
      "3 rows have a different number of cells than the header's 3 (first at line 3); their values may land in the wrong columns.",
    ]);
  });

  it('does not call trailing empty cells ragged', async () => {
    const result = await fullPass(fixture('trailing-delimiters.csv'));
    assert.equal(result.rowCount, 2);
    assert.deepEqual(result.raggedRows, []);
  });

  it('skips blank lines and delimiter-only rows', async () => {
    const result = await fullPass(fixture('blank-lines.csv'));
    assert.equal(result.rowCount, 2);
    assert.equal(result.blankRowCount, 7);
    assert.equal(result.headerLine, 3);
  });

  it('handles mixed line endings, doubled quotes and quoted delimiters', async () => {
    assert.equal((await fullPass(fixture('mixed-line-endings.csv'))).rowCount, 4);
    assert.equal((await fullPass(fixture('doubled-quotes.csv'))).rowCount, 2);
    assert.equal((await fullPass(fixture('quoted-delimiters.csv'))).rowCount, 2);
  });

  it('reports header-only and empty files as problems', async () => {
    assert.deepEqual((await fullPass(fixture('header-only.csv'))).problems.map((p) => p.code), ['header-only']);
    assert.deepEqual((await fullPass(fixture('empty.csv'))).problems.map((p) => p.code), ['empty']);
  });

  it('warns about an unclosed quote with its line', async () => {
    const result = await fullPass(fixture('unclosed-quote.csv'));
    assert.deepEqual(result.warnings.map((w) => [w.code, w.line]), [['unclosed-quote', 2]]);
    assert.equal(result.rowCount, 1);
  });
});

describe('full pass: the upload copy', () => {
  it('uploads plain UTF-8 comma, semicolon and pipe files as they are, from a snapshot taken by the pass', async () => {
    for (const name of ['quoted-delimiters.csv', 'semicolon.csv', 'pipe.csv']) {
      const result = await fullPass(fixture(name));
      assert.equal(result.converted, false, name);
      assert.notEqual(result.uploadPath, fixture(name), 'never the user file itself: a save during the upload cannot reach it');
      assert.deepEqual(readFileSync(result.uploadPath), readFileSync(fixture(name)), name);
      assert.deepEqual(result.conversions, []);
      await result.dispose();
    }
  });

  it('strips the BOM of UTF-8 with BOM', async () => {
    const { result, upload } = await passAndCopy('utf8-bom.csv');
    assert.equal(result.converted, true);
    assert.equal(upload, 'First Name,Email\r\nZoë,zoe@example.com\r\nAda,ada@example.com\r\n');
    assert.deepEqual(result.conversions, ['Removed the byte-order mark (BOM) for the upload; your file is unchanged.']);
    assert.equal(result.uploadSizeBytes, Buffer.byteLength(upload));
  });

  it('uploads the text shown, not the bytes, when a file with BOM holds bytes that are not UTF-8', async () => {
    const path = join(temp, 'bom-invalid.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('\ufeffname,city\r\nAda,'), Buffer.from([0xff]), Buffer.from('London\r\n')]));
    const result = await fullPass(path);
    assert.equal(result.dialect.encoding, 'utf-8-bom');
    assert.equal(result.rowCount, 1);
    assert.equal(readFileSync(result.uploadPath, 'utf8'), 'name,city\r\nAda,\ufffdLondon\r\n');
    assert.equal(result.converted, true);
    await result.dispose();
  });

  it('uploads the text shown, not the bytes, when the user chose UTF-8 for a file that is not all UTF-8', async () => {
    const path = join(temp, 'chosen-utf8-invalid.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('name,city\r\nAda,'), Buffer.from([0xff]), Buffer.from('London\r\n')]));
    const result = await runFullPass(path, { encoding: 'utf-8', delimiter: ',' }, { tempDir: temp, strict: false });
    assert.equal(result.dialect.encoding, 'utf-8');
    assert.equal(readFileSync(result.uploadPath, 'utf8'), 'name,city\r\nAda,\ufffdLondon\r\n');
    assert.equal(result.converted, true);
    await result.dispose();
  });

  it('converts UTF-16 BE to UTF-8', async () => {
    const { result, upload } = await passAndCopy('utf16be.csv');
    assert.equal(result.dialect.encoding, 'utf-16be');
    assert.equal(upload, 'First Name,Email\nŁukasz,lukasz@example.com\n');
    assert.deepEqual(result.conversions, ['Converted from UTF-16 BE to UTF-8 for the upload; your file is unchanged.']);
  });

  it('converts UTF-16 LE tab-separated to UTF-8 commas, quoting what needs it', async () => {
    const { result, upload } = await passAndCopy('utf16le-tab.csv');
    assert.equal(upload, 'First Name,Email,Notes\r\nZoë,zoe@example.com,"says ""hi"", twice"\r\nŁukasz,lukasz@example.com,😀\r\n');
    assert.equal(result.rowCount, 2);
    assert.equal(result.conversions.length, 2);
  });

  it('converts Windows-1252 to UTF-8, keeping the semicolons', async () => {
    const { result, upload } = await passAndCopy('windows-1252.csv');
    assert.equal(upload, 'Vorname;Nachname;E-Mail;Umsatz\r\nJürgen;Müller;juergen@example.de;€ 1.200\r\nRenée;Straße;renee@example.de;“quoted”\r\n');
    assert.deepEqual(result.conversions, ['Converted from Windows-1252 to UTF-8 for the upload; your file is unchanged.']);
  });

  it('rewrites a .tsv as a .csv with commas', async () => {
    const { result, upload } = await passAndCopy('tab.tsv');
    assert.equal(result.uploadFileName, 'tab.csv');
    assert.equal(upload, 'Name,Email,Company\r\nAda,ada@example.com,"Acme, Inc."\r\nBob,bob@example.com,"Quoted ""x"""\r\nCy,"two\nlines",plain\r\n');
  });

  it('removes the copy and its directory on dispose', async () => {
    const result = await fullPass(fixture('utf8-bom.csv'));
    assert.ok(existsSync(result.uploadPath));
    await result.dispose();
    assert.ok(!existsSync(dirname(result.uploadPath)));
  });

  it('leaves no copy behind when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const dir = tempDir();
    await assert.rejects(runFullPass(fixture('utf8-bom.csv'), { encoding: 'utf-8-bom', delimiter: ',' }, { tempDir: dir, signal: controller.signal }), { name: 'AbortError' });
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('full pass: big and awkward files', () => {
  const MB15 = 15 * 1024 * 1024;

  it('counts every row of a 15 MB file and uploads it as it is', async () => {
    const path = join(temp, 'limit.csv');
    const rows = await writeContactsCsv(path, MB15);
    const result = await fullPass(path);
    assert.equal(result.rowCount, rows);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.raggedRows, []);
    assert.equal(result.uploadSizeBytes, MB15);
  });

  it('refuses a copy that grows past 15 MB in conversion, with both sizes in the message', async () => {
    const path = join(temp, 'grows.csv');
    // 1-byte "é" in Windows-1252 becomes 2 bytes in UTF-8.
    const body = Buffer.alloc(8 * 1024 * 1024 + 10, 0xe9);
    writeFileSync(path, Buffer.concat([Buffer.from('name\n'), body, Buffer.from('\n')]));
    const result = await runFullPass(path, { encoding: 'windows-1252', delimiter: ',' }, { tempDir: temp });
    assert.deepEqual(result.problems.map((p) => p.code), ['too-big']);
    assert.match(result.problems[0]?.message ?? '', /^The file to upload is 16\.0 MB \(16,777,242 bytes\) after conversion to UTF-8; GetSales accepts up to 15\.0 MB \(15,728,640 bytes\)/);
    await result.dispose();
  });

  it('keeps a multi-byte character intact across read chunks', async () => {
    const path = join(temp, 'boundary.tsv');
    // Enough 3-byte characters that the edges of read chunks (1 MB) and decoded slices (64 KB) fall inside them; tab-separated,
    // so the upload copy is re-written from the parsed cells and shows what the parser saw.
    const cells = Array.from({ length: 400 }, (_, i) => `${i}${'€'.repeat(1000 + i)}`);
    writeFileSync(path, `name\tnotes\n${cells.map((c) => `Ada\t${c}`).join('\n')}\n`);
    const view = await readFirstView(path);
    const result = await runFullPass(path, view.dialect, { tempDir: temp });
    assert.equal(result.rowCount, 400);
    assert.equal(readFileSync(result.uploadPath, 'utf8'), `name,notes\r\n${cells.map((c) => `Ada,${c}\r\n`).join('')}`);
    await result.dispose();
  });

  it('re-reads as Windows-1252 when invalid UTF-8 comes after the head', async () => {
    const path = join(temp, 'late-1252.csv');
    const ascii = `name,city\n${'Ada,London\n'.repeat(20_000)}`;
    writeFileSync(path, Buffer.concat([Buffer.from(ascii), Buffer.from('J\xfcrgen,K\xf6ln\n', 'latin1')]));
    const view = await readFirstView(path);
    assert.equal(view.dialect.encoding, 'utf-8', 'the head is plain ASCII');
    const result = await runFullPass(path, view.dialect, { tempDir: temp });
    assert.equal(result.dialect.encoding, 'windows-1252');
    assert.deepEqual(result.warnings.map((w) => w.code), ['encoding-changed']);
    assert.equal(result.converted, true);
    assert.ok(readFileSync(result.uploadPath, 'utf8').endsWith('Jürgen,Köln\n'));
    assert.equal(result.rowCount, 20_001);
    await result.dispose();
  });

  it('parses one huge line (a 3 MB cell) as one row', async () => {
    const path = join(temp, 'huge-cell.csv');
    writeFileSync(path, `name,notes\r\nAda,"${'x, '.repeat(1024 * 1024)}"\r\nBob,short\r\n`);
    const result = await fullPass(path);
    assert.equal(result.rowCount, 2);
    assert.deepEqual(result.raggedRows, []);
  });

  it('reports progress up to the file size', async () => {
    const path = join(temp, 'progress.csv');
    await writeContactsCsv(path, 1024 * 1024);
    const seen: number[] = [];
    const result = await runFullPass(path, { encoding: 'utf-8', delimiter: ',' }, { tempDir: temp, onProgress: (read) => seen.push(read) });
    await result.dispose();
    assert.equal(seen[seen.length - 1], statSync(path).size);
    assert.ok(seen.length >= 4);
  });
});

describe('full pass: the content hash', () => {
  const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

  /** The pass's hash must be the SHA-256 of the copy it wrote, byte for byte. */
  async function assertHashOfCopy(path: string): Promise<FullPassResult> {
    const result = await fullPass(path);
    assert.match(result.contentHash, /^[0-9a-f]{64}$/);
    assert.equal(result.contentHash, sha256(readFileSync(result.uploadPath)), path);
    await result.dispose();
    return result;
  }

  it('is the SHA-256 of the upload copy, whichever way the copy was written', async () => {
    // A snapshot, decoded text (UTF-8 with BOM, UTF-16, Windows-1252), rows (tab-separated), a second pass (mixed line endings), no rows.
    for (const name of ['semicolon.csv', 'utf8-bom.csv', 'utf16be.csv', 'windows-1252.csv', 'tab.tsv', 'mixed-line-endings.csv', 'blank-lines.csv', 'empty.csv']) {
      await assertHashOfCopy(fixture(name));
    }
  });

  it('leaves out the end-of-file mark cut from a snapshot, wherever the reads end', async () => {
    const MB = 1024 * 1024;
    // The mark alone in the last read, then as the last byte of a full read.
    for (const [name, size] of [['mark-alone.csv', MB], ['mark-last-of-read.csv', 2 * MB - 1]] as const) {
      const path = join(temp, name);
      await writeContactsCsv(path, size);
      appendFileSync(path, Uint8Array.of(0x1a));
      const result = await assertHashOfCopy(path);
      assert.equal(result.converted, false);
      assert.equal(result.uploadSizeBytes, size);
      assert.equal(result.contentHash, sha256(readFileSync(path).subarray(0, size)));
    }
  });

  it('differs when the content differs, and not when only the name does', async () => {
    const write = (name: string, text: string): string => {
      const path = join(temp, name);
      writeFileSync(path, text);
      return path;
    };
    const ada = await assertHashOfCopy(write('ada.csv', 'name,email\nAda,ada@example.com\n'));
    const twin = await assertHashOfCopy(write('twin.csv', 'name,email\nAda,ada@example.com\n'));
    const bob = await assertHashOfCopy(write('bob.csv', 'name,email\nAda,adb@example.com\n'));
    assert.equal(twin.contentHash, ada.contentHash);
    assert.notEqual(bob.contentHash, ada.contentHash);
  });
});
