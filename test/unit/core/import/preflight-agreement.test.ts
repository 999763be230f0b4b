/**
 * Agreement: for every file of the hostile corpus the pre-flight accepts, what the user
 * is shown (row count, headers, preview rows) is what the sandbox reads from the upload
 * the extension sends. The sandbox runs for real over loopback; the client is ours.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CORPUS } from '../../../fixtures/hostile/corpus';
import { CORPUS_DIR } from '../../../fixtures/hostile/make-corpus';
import { prepareFile } from '../../../../src/core/import/preflight';
import { startSandbox } from '../../../../src/sandbox/index';
import { TEST_KEY, TEST_TEAM, testClient } from '../api/client-helpers';
import { tempDir } from '../csv/helpers';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

describe('pre-flight and sandbox agree on every accepted corpus file', () => {
  let sandbox: Sandbox | undefined;
  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: TEST_KEY, teamId: TEST_TEAM, batchDelayMs: 0, seed: 'none', rateLimitPerMinute: 100_000 });
  });
  after(async () => {
    await sandbox?.close();
  });

  it('a file saved after the pre-flight: GetSales gets the checked version, from the snapshot', async () => {
    if (sandbox === undefined) throw new Error('sandbox not started');
    const { client } = testClient(sandbox.url);
    const path = join(tempDir(), 'saved-meanwhile.csv');
    writeFileSync(path, 'Name,Email\r\nAda,ada@example.com\r\nBob,bob@example.com\r\n');
    const prepared = await prepareFile(path);
    try {
      writeFileSync(path, 'Name,Email\r\nZed,zed@example.com\r\n');
      const upload = await client.uploadCsv({ filePath: prepared.fullPass.uploadPath, fileName: 'saved-meanwhile.csv', type: 'csv_leads' });
      assert.equal(upload.rowsCount, 2);
      assert.deepEqual(upload.csvPreview, [['Ada', 'ada@example.com'], ['Bob', 'bob@example.com']]);
    } finally {
      await prepared.fullPass.dispose();
    }
  });

  const accepted = CORPUS.filter((entry) => 'accept' in entry.expected);
  it('covers most of the corpus', () => assert.ok(accepted.length >= 40, `${accepted.length} accepted files`));

  for (const entry of accepted) {
    it(entry.name, async () => {
      if (sandbox === undefined) throw new Error('sandbox not started');
      const { client } = testClient(sandbox.url);
      const prepared = await prepareFile(join(CORPUS_DIR, entry.name));
      try {
        const upload = await client.uploadCsv({ filePath: prepared.fullPass.uploadPath, fileName: 'upload.csv', type: 'csv_leads' });
        assert.equal(upload.rowsCount, prepared.fullPass.rowCount, 'rows');
        // The server trims header names; the mapping screen uses its list.
        assert.deepEqual(upload.csvHeaders, prepared.fullPass.headers.map((header) => header.trim()), 'headers');
        // As the mapping screen shows rows: one cell per header, a line break in a cell as "\n" whatever its bytes.
        const width = upload.csvHeaders.length;
        const screen = (rows: readonly (readonly string[])[]): string[][] => rows.map((cells) => Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\r\n?/g, '\n')));
        assert.deepEqual(screen(upload.csvPreview), screen(prepared.firstView.previewRows.map((row) => row.cells)), 'preview rows');
      } finally {
        await prepared.fullPass.dispose();
      }
    });
  }
});
