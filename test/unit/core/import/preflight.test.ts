/**
 * Pre-flight of one file before anything is sent: a refusal names the file, gives every
 * reason and says nothing was sent; an accepted file comes back with both passes and one
 * list of warnings (conversions first, no repeats, at most 20).
 */
import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFirstView } from '../../../../src/core/csv';
import { prepareFile } from '../../../../src/core/import/preflight';
import { UserError } from '../../../../src/core/user-error';
import { fixture, tempDir } from '../csv/helpers';
import { writeContactsCsv } from '../../../fixtures/generate-contacts';

async function refusal(path: string): Promise<UserError> {
  const error = await prepareFile(path).then(() => assert.fail(`${path} was accepted`), (e: unknown) => e);
  assert.ok(error instanceof UserError, String(error));
  assert.deepEqual(error.actions, [], 'a refusal offers no button: the file must change');
  return error;
}

describe('prepareFile', () => {
  const dir = tempDir();

  it('accepts a plain CSV as it is: a byte-for-byte snapshot to upload, no warnings', async () => {
    const prepared = await prepareFile(fixture('semicolon.csv'));
    try {
      assert.equal(prepared.path, fixture('semicolon.csv'));
      assert.deepEqual(prepared.firstView.headers, ['Name', 'Email', 'Amount']);
      assert.equal(prepared.fullPass.rowCount, 2);
      assert.equal(prepared.fullPass.converted, false);
      assert.notEqual(prepared.fullPass.uploadPath, fixture('semicolon.csv'), 'never the user file: a save during the upload cannot reach it');
      assert.deepEqual(await readFile(prepared.fullPass.uploadPath), await readFile(fixture('semicolon.csv')));
      assert.deepEqual(prepared.warnings, []);
    } finally {
      await prepared.fullPass.dispose();
    }
  });

  it('converts a Windows-1252 file for the upload and says so first', async () => {
    const prepared = await prepareFile(fixture('windows-1252.csv'));
    try {
      assert.equal(prepared.fullPass.converted, true);
      assert.notEqual(prepared.fullPass.uploadPath, fixture('windows-1252.csv'));
      // Two short German rows: the detector is not sure, and the user is told so.
      assert.deepEqual(prepared.warnings, [
        'Converted from Windows-1252 to UTF-8 for the upload; your file is unchanged.',
        'The encoding is a guess: Windows-1252, 56% sure. Check the names and accented letters in the preview; if they look wrong, choose another encoding.',
      ]);
      assert.ok((await stat(prepared.fullPass.uploadPath)).isFile());
    } finally {
      await prepared.fullPass.dispose();
    }
  });

  it('lists a warning that both passes found once', async () => {
    const prepared = await prepareFile(fixture('unclosed-quote.csv'));
    await prepared.fullPass.dispose();
    assert.ok(prepared.firstView.warnings.length > 0 && prepared.fullPass.warnings.length > 0, 'both passes warn');
    assert.deepEqual(prepared.warnings, ['Line 2: a quoted cell is never closed, so the rest of the file is read as one cell.']);
  });

  it("adds the full pass's own warnings (ragged rows) to the first view's", async () => {
    const prepared = await prepareFile(fixture('ragged.csv'));
    await prepared.fullPass.dispose();
    assert.deepEqual(prepared.warnings, ["3 rows have a different number of cells than the header's 3 (first at line 3); their values may land in the wrong columns."]);
  });

  it('keeps at most 20 warnings, conversions first', async () => {
    const header = Array.from({ length: 25 }, (_, i) => [`col${i}`, `col${i}`]).flat();
    const path = join(dir, 'doubled.tsv');
    await writeFile(path, `${header.join('\t')}\n${header.map((_, i) => `v${i}`).join('\t')}\n`);
    const prepared = await prepareFile(path);
    try {
      assert.equal(prepared.firstView.warnings.length, 25);
      assert.equal(prepared.warnings.length, 20);
      assert.equal(prepared.warnings[0], 'Rewrote the tab-separated columns with commas for the upload; your file is unchanged.');
      assert.equal(prepared.warnings[1], 'The header "col0" appears in columns 1 and 2; check which one you map.');
    } finally {
      await prepared.fullPass.dispose();
    }
  });

  it('refuses what the first view finds, naming the file and saying nothing was sent', async () => {
    assert.equal((await refusal(fixture('empty.csv'))).message, 'empty.csv cannot be imported: The file is empty. Nothing was sent to GetSales.');
    assert.equal((await refusal(fixture('header-only.csv'))).message, 'header-only.csv cannot be imported: The file has a header row but no data rows below it. Nothing was sent to GetSales.');
    assert.match((await refusal(fixture('xlsx-renamed.csv'))).message, /^xlsx-renamed\.csv cannot be imported: This is an Excel workbook \(\.xlsx\).*"CSV UTF-8 \(Comma delimited\)"\. Nothing was sent to GetSales\.$/);
    assert.match((await refusal(fixture('binary.csv'))).message, /^binary\.csv cannot be imported: This file does not look like a CSV: .* Nothing was sent to GetSales\.$/);
  });

  it('gives every reason in one message', async () => {
    const path = join(dir, 'one-data-row.csv');
    await writeFile(path, 'ada@example.com,Ada\n');
    const { message } = await refusal(path);
    assert.match(message, /^one-data-row\.csv cannot be imported: The first row looks like data, not column names \(it holds "ada@example\.com"\)\..* The file has a header row but no data rows below it\. Nothing was sent to GetSales\.$/);
  });

  it('says a file it cannot read cannot be read', async () => {
    const error = await prepareFile(join(dir, 'missing.csv')).then(() => assert.fail('accepted'), (e: unknown) => e);
    assert.ok(error instanceof UserError);
    assert.equal(error.message, 'missing.csv cannot be read: missing.csv does not exist any more (it may have been moved, renamed or deleted). Nothing was sent to GetSales.');
    assert.deepEqual(error.actions, []);
  });

  it('reports progress of the full pass up to the whole file', async () => {
    const seen: [number, number][] = [];
    const prepared = await prepareFile(fixture('semicolon.csv'), { onProgress: (read, total) => seen.push([read, total]) });
    await prepared.fullPass.dispose();
    const size = prepared.firstView.sizeBytes;
    assert.ok(seen.length > 0);
    assert.deepEqual(seen.at(-1), [size, size]);
  });

  it('stops when cancelled', async () => {
    await assert.rejects(prepareFile(fixture('semicolon.csv'), { signal: AbortSignal.abort() }));
  });

  it('refuses a file over 15 MB, or prepares it for an import in parts when parts are allowed', async () => {
    const path = join(dir, 'over.csv');
    await writeContactsCsv(path, 15 * 1024 * 1024 + 1);
    assert.match((await refusal(path)).message, /^over\.csv cannot be imported: The file is 15\.0 MB .* per upload\. Split it into smaller files\. Nothing was sent/);
    const prepared = await prepareFile(path, { allowParts: true });
    try {
      assert.equal(prepared.needsParts, true);
      assert.equal(prepared.fullPass.uploadSizeBytes, 15 * 1024 * 1024 + 1);
      assert.equal(prepared.fullPass.uploadDelimiter, ',');
    } finally {
      await prepared.fullPass.dispose();
    }
    const small = await prepareFile(fixture('semicolon.csv'), { allowParts: true });
    assert.equal(small.needsParts, false);
    await small.fullPass.dispose();
  });
});

describe('prepareFile refusing after the full pass', () => {
  // The upload copy goes to the system temp folder; point it at one this test can watch.
  let temp: string;
  let dir: string;
  const savedTmp = process.env.TMPDIR;
  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'preflight-copies-'));
    dir = await mkdtemp(join(tmpdir(), 'preflight-files-'));
    process.env.TMPDIR = temp;
  });
  after(async () => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    await rm(temp, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  });

  /** A Windows-1252 header (so the upload needs a converted copy), then more blank (whitespace-only) lines than the first view reads. */
  function headerThenBlankLines(tail: string): Buffer {
    return Buffer.concat([Buffer.from('Name;Straße\n', 'latin1'), Buffer.from(`${' '.repeat(999)}\n`.repeat(1_200)), Buffer.from(tail, 'latin1')]);
  }

  it('makes the converted copy in the temp folder when the file is fine', async () => {
    const path = join(dir, 'late-row.csv');
    await writeFile(path, headerThenBlankLines('Jürgen;Hauptstraße\n'));
    const prepared = await prepareFile(path);
    assert.equal(prepared.fullPass.rowCount, 1);
    assert.ok(prepared.fullPass.uploadPath.startsWith(temp), prepared.fullPass.uploadPath);
    await prepared.fullPass.dispose();
    assert.deepEqual(await readdir(temp), []);
  });

  it('refuses a file with no data rows that only the full pass can see, and leaves no copy behind', async () => {
    const path = join(dir, 'blank-tail.csv');
    await writeFile(path, headerThenBlankLines(''));
    assert.deepEqual((await readFirstView(path)).problems, [], 'the first view cannot tell');
    assert.equal((await refusal(path)).message, 'blank-tail.csv cannot be imported: The file has a header row but no data rows below it. Nothing was sent to GetSales.');
    assert.deepEqual(await readdir(temp), []);
  });
});
