/**
 * The hostile corpus (test/fixtures/hostile): every file is imported with the rows,
 * headers and preview it was written with, or refused with a message that names the
 * problem. One table, one check per file.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CORPUS, type Expected } from '../../../fixtures/hostile/corpus';
import { CORPUS_DIR } from '../../../fixtures/hostile/make-corpus';
import { prepareFile } from '../../../../src/core/import/preflight';
import { fileErrorInWords } from '../../../../src/core/files/file-errors';
import { UserError } from '../../../../src/core/user-error';
import { tempDir } from '../csv/helpers';

async function check(path: string, expected: Expected): Promise<void> {
  if ('refuse' in expected) {
    await assert.rejects(prepareFile(path), (error: unknown) => {
      assert.ok(error instanceof UserError, `a UserError, not ${String(error)}`);
      assert.match(error.message, expected.refuse);
      assert.doesNotMatch(error.message, /\bE[A-Z]{3,}\b/, 'no raw system error code');
      return true;
    });
    return;
  }
  const want = expected.accept;
  const prepared = await prepareFile(path);
  try {
    assert.equal(prepared.fullPass.rowCount, want.rows, 'rows');
    assert.deepEqual(prepared.fullPass.headers, want.headers, 'headers (full pass)');
    assert.deepEqual(prepared.firstView.headers, want.headers, 'headers (preview)');
    if (want.firstRow !== undefined) assert.deepEqual(prepared.firstView.previewRows[0]?.cells, want.firstRow, 'first preview row');
    if (want.encoding !== undefined) assert.equal(prepared.fullPass.dialect.encoding, want.encoding, 'encoding');
    const lowConfidence = prepared.warnings.some((warning) => /The encoding is a guess/.test(warning));
    assert.equal(lowConfidence, want.lowConfidence === true, `low confidence said: ${prepared.warnings.join(' | ')}`);
    if (want.warning !== undefined) assert.ok(prepared.warnings.some((warning) => want.warning?.test(warning)), `a warning like ${want.warning}: ${prepared.warnings.join(' | ')}`);
  } finally {
    await prepared.fullPass.dispose();
  }
}

describe('hostile corpus', () => {
  it('has at least 50 files, each still exactly what the corpus script makes', () => {
    assert.ok(CORPUS.length >= 50, `${CORPUS.length} files`);
    for (const entry of CORPUS) assert.deepEqual(readFileSync(join(CORPUS_DIR, entry.name)), Buffer.from(entry.bytes()), `${entry.name}: run test/fixtures/hostile/make-corpus.ts`);
  });

  for (const entry of CORPUS) {
    it(`${entry.name}: ${entry.what}`, () => check(join(CORPUS_DIR, entry.name), entry.expected));
  }

  describe('what the file system says, in words', () => {
    const dir = tempDir();
    const cases: readonly { name: string; make: (path: string) => void; expected: RegExp }[] = [
      { name: 'a-folder.csv', make: (path) => mkdirSync(path), expected: /a-folder\.csv is a folder, not a file/ },
      { name: 'gone.csv', make: () => undefined, expected: /gone\.csv does not exist any more/ },
      { name: 'loop.csv', make: (path) => symlinkSync(path, path), expected: /loop\.csv is a symbolic link that leads round in a circle/ },
    ];
    for (const { name, make, expected } of cases) {
      it(name, async () => {
        const path = join(dir, name);
        make(path);
        await check(path, { refuse: expected });
      });
    }

    it('permission and other codes (root reads everything, so the error is made here)', () => {
      const error = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
      assert.equal(fileErrorInWords(error, 'x.csv'), 'You do not have permission to read x.csv.');
      assert.equal(fileErrorInWords(new Error('something else'), 'x.csv'), undefined);
    });
  });
});
