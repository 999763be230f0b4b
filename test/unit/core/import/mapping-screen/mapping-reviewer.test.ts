/**
 * The mapping screen's live review on a real file: rules plus row validation, answers
 * kept for the last few mappings (Start and "Show in Problems" do not read the file
 * again), an older question superseded by a newer one answered with the newer result,
 * and failures that are not kept.
 */
import { strict as assert } from 'node:assert';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CsvDialect } from '../../../../../src/core/csv';
import { MappingReviewer } from '../../../../../src/core/import/mapping-screen/mapping-reviewer';
import type { ColumnMapping } from '../../../../../src/shared/protocol';
import { tempDir } from '../../csv/helpers';

const COMMA: CsvDialect = { encoding: 'utf-8', delimiter: ',' };
const HEADERS = ['First Name', 'Email', 'LinkedIn'];
const CSV = 'First Name,Email,LinkedIn\r\nAda,ada@example.com,linkedin.com/in/ada\r\nBob,,\r\nCy,not-an-email,\r\n';
const EMAIL: ColumnMapping = ['first_name', 'work_email', null];
const NOTHING: ColumnMapping = ['first_name', null, null];

describe('MappingReviewer', () => {
  const dir = tempDir();
  let files = 0;

  async function reviewerFor(text = CSV): Promise<{ reviewer: MappingReviewer; path: string }> {
    files += 1;
    const path = join(dir, `file-${files}.csv`);
    await writeFile(path, text);
    return { reviewer: new MappingReviewer(path, COMMA, 'contacts', HEADERS), path };
  }

  it('answers with the identifier, the rule issues and the row validation of the whole file', async () => {
    const { reviewer } = await reviewerFor();
    assert.deepEqual(await reviewer.review(EMAIL), {
      identifier: { satisfied: true, mapped: ['work_email'], message: 'Identifier: Work email' },
      issues: [],
      validation: {
        rowsChecked: 3,
        items: [
          { code: 'missing-identifier', severity: 'error', count: 1, message: '1 row has no identifier: GetSales will refuse it, and it counts as an error.' },
          { code: 'invalid-email', severity: 'warning', count: 1, message: '1 email address is not valid.' },
        ],
      },
    });
  });

  it('says which identifier to map when none is', async () => {
    const { reviewer } = await reviewerFor();
    const review = await reviewer.review(NOTHING);
    assert.deepEqual(review.identifier, { satisfied: false, mapped: [], message: 'Map LinkedIn, Work email or Personal email' });
    assert.deepEqual(review.issues.map((i) => [i.code, i.severity]), [['no-identifier', 'error']]);
  });

  it('keeps the row report with line numbers of the file, for the Problems view', async () => {
    const { reviewer } = await reviewerFor();
    const { report } = await reviewer.reviewWithReport(EMAIL);
    assert.deepEqual(report.issues.map((i) => [i.line, i.code]), [[3, 'missing-identifier'], [4, 'invalid-email']]);
  });

  it('answers a mapping asked again from what it kept, without reading the file', async () => {
    const { reviewer, path } = await reviewerFor();
    const first = await reviewer.review(EMAIL);
    await rename(path, `${path}.moved`);
    assert.deepEqual(await reviewer.review([...EMAIL]), first, 'an equal mapping, not only the same array');
  });

  it('keeps the last four answers only', async () => {
    const { reviewer, path } = await reviewerFor();
    const mappings: ColumnMapping[] = [EMAIL, NOTHING, ['last_name', 'work_email', null], ['name', 'work_email', null], ['first_name', 'personal_email', null]];
    for (const mapping of mappings) await reviewer.review(mapping);
    await rename(path, `${path}.moved`);
    for (const mapping of mappings.slice(1)) await reviewer.review(mapping);
    await assert.rejects(reviewer.review(EMAIL), /ENOENT/, 'the oldest answer was dropped, so the file is read again');
  });

  it('does not keep a failure: the same mapping is checked again next time', async () => {
    const { reviewer, path } = await reviewerFor();
    await rename(path, `${path}.away`);
    await assert.rejects(reviewer.review(EMAIL), /ENOENT/);
    await rename(`${path}.away`, path);
    assert.equal((await reviewer.review(EMAIL)).validation.rowsChecked, 3);
  });

  it('answers a superseded question with the newest answer instead of an error', async () => {
    const lines = ['First Name,Email,LinkedIn'];
    for (let i = 0; i < 50_000; i += 1) lines.push(`P${i},p${i}@example.com,`);
    const { reviewer } = await reviewerFor(lines.join('\r\n'));
    const older = reviewer.review(NOTHING);
    const newer = reviewer.review(EMAIL);
    const [olderAnswer, newerAnswer] = await Promise.all([older, newer]);
    assert.deepEqual(newerAnswer.identifier.mapped, ['work_email']);
    assert.deepEqual(olderAnswer, newerAnswer);
    assert.equal(newerAnswer.validation.rowsChecked, 50_000);
  });

  it('stops the running check when disposed', async () => {
    const lines = ['First Name,Email,LinkedIn'];
    for (let i = 0; i < 50_000; i += 1) lines.push(`P${i},p${i}@example.com,`);
    const { reviewer } = await reviewerFor(lines.join('\r\n'));
    const running = reviewer.review(EMAIL);
    reviewer.dispose();
    await assert.rejects(running);
  });
});
