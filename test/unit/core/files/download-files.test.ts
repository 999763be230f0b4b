/**
 * Downloading every file of an export into one folder through the real client and
 * sandbox: files land complete under free names, progress is told per file, and a
 * failure part-way keeps (and reports) the files already complete.
 */
import { strict as assert } from 'node:assert';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NotFoundError } from '../../../../src/core/api';
import { DownloadFailure, type FileProgress, downloadExportFiles, existingPaths } from '../../../../src/core/files/download-files';
import { tempDir } from '../csv/helpers';
import { useSandbox } from '../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from '../api/client-helpers';
import { exportedFiles } from '../export/helpers';

describe('downloadExportFiles with the sandbox', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'demo', seedContacts: 40, seedCompanies: 5, faults: true, rateLimitPerMinute: 100_000 });
  const dir = tempDir();

  it('downloads each file in order into a folder it creates, telling progress and each finished file', async () => {
    const { client } = testClient(api().url);
    const files = [...await exportedFiles(client), ...await exportedFiles(client, { kind: 'search', q: 'a' })];
    assert.equal(files.length, 2);
    const folder = join(dir, 'new', 'nested');
    const progress: FileProgress[] = [];
    const finished: string[] = [];
    const results = await downloadExportFiles(client, files, folder, {
      onProgress: (p) => progress.push(p),
      onFile: (result, fileName) => finished.push(`${fileName} → ${result.path}`),
    });

    assert.deepEqual(results.map((r) => r.path), files.map((name) => join(folder, name)));
    assert.deepEqual(finished, files.map((name) => `${name} → ${join(folder, name)}`));
    assert.deepEqual((await readdir(folder)).sort(), [...files].sort(), 'no temp files are left');
    for (const result of results) {
      const text = await readFile(result.path, 'utf8');
      assert.match(text, /uuid/);
      assert.equal(result.bytes, Buffer.byteLength(text));
    }
    for (const [index, name] of files.entries()) {
      const mine = progress.filter((p) => p.fileName === name);
      assert.ok(mine.length > 0, `progress for ${name}`);
      assert.ok(mine.every((p) => p.index === index && p.count === 2), JSON.stringify(mine));
      assert.equal(mine.at(-1)?.bytes, results[index]?.bytes);
    }
    const order = progress.map((p) => p.index);
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'one file after another');
  });

  it('never overwrites a file already in the folder', async () => {
    const { client } = testClient(api().url);
    const [name] = await exportedFiles(client);
    assert.ok(name);
    const folder = join(dir, 'taken');
    await mkdir(folder);
    await writeFile(join(folder, name), 'mine');
    const [result] = await downloadExportFiles(client, [name], folder);
    assert.ok(result);
    assert.notEqual(result.path, join(folder, name));
    assert.equal(await readFile(join(folder, name), 'utf8'), 'mine');
    assert.match(await readFile(result.path, 'utf8'), /uuid/);
  });

  it('stops at a file that fails, keeps the ones before it and names the one that failed', async () => {
    const { client } = testClient(api().url);
    const [good] = await exportedFiles(client);
    assert.ok(good);
    const folder = join(dir, 'partial');
    const finished: string[] = [];
    const error = await downloadExportFiles(client, [good, 'expired-export.csv', good], folder, { onFile: (_, name) => finished.push(name) })
      .then(() => assert.fail('the download should fail'), (e: unknown) => e);

    assert.ok(error instanceof DownloadFailure, String(error));
    assert.equal(error.fileName, 'expired-export.csv');
    assert.ok(error.cause instanceof NotFoundError, String(error.cause));
    assert.equal(error.message, `Downloading expired-export.csv failed: ${error.cause.message}`);
    assert.deepEqual(error.completed.map((r) => r.path), [join(folder, good)]);
    assert.deepEqual(finished, [good]);
    assert.deepEqual(await readdir(folder), [good], 'the third file was not tried, nothing half-written');
  });

  it('stops when cancelled, leaving nothing behind', async () => {
    const { client } = testClient(api().url);
    const [good] = await exportedFiles(client);
    assert.ok(good);
    const folder = join(dir, 'cancelled');
    const error = await downloadExportFiles(client, [good], folder, { signal: AbortSignal.abort() }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DownloadFailure);
    assert.deepEqual(error.completed, []);
    assert.deepEqual(await readdir(folder), []);
  });
});

describe('existingPaths', () => {
  const dir = tempDir();

  it('keeps the paths that are still files, in order', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    await writeFile(a, 'a');
    await writeFile(b, 'b');
    await writeFile(c, 'c');
    await rm(b);
    await mkdir(join(dir, 'folder.csv'));
    assert.deepEqual(await existingPaths([c, b, join(dir, 'folder.csv'), a, join(dir, 'never.csv')]), [c, a]);
    assert.deepEqual(await existingPaths([]), []);
  });
});
