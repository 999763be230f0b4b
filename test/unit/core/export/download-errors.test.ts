/**
 * What a failed download tells the user: API errors as the real client raises them
 * against the sandbox (404, 422, a cut-off body, a timeout, a refused connection, 401, 429),
 * file-system errors by their code, and what passes through unchanged.
 */
import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AuthError, CancelledError, NetworkError, NotFoundError, RateLimitedError, ValidationError } from '../../../../src/core/api';
import { downloadFailureError, downloadFailureNote } from '../../../../src/core/export/download-errors';
import { UserError } from '../../../../src/core/user-error';
import { tempDir } from '../csv/helpers';
import { useSandbox } from '../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from '../api/client-helpers';
import { exportedFiles } from './helpers';

const LABEL = 'All contacts';
const FILE = 'contacts-export.csv';
const FOLDER = '/home/ada/getsales-exports';

function userError(error: unknown): UserError {
  assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
  return error;
}

/** A Node file-system error as fs raises it. */
function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '${FOLDER}/x.csv'`), { code, errno: -1, syscall: 'open', path: `${FOLDER}/x.csv` });
}

describe('downloadFailureError with errors from the real client', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'demo', seedContacts: 20, seedCompanies: 2, faults: true, rateLimitPerMinute: 100_000 });
  const dir = tempDir();

  async function failure(fault: Record<string, unknown> | undefined, fileName?: string, options: Parameters<typeof testClient>[1] = {}): Promise<unknown> {
    // The export is made with default options: a short timeout is for the download alone.
    const name = fileName ?? (await exportedFiles(testClient(api().url).client))[0];
    const { client } = testClient(api().url, { retry: { maxAttempts: 1 }, ...options });
    assert.ok(name);
    if (fault) await api().post('/__sandbox/faults', { method: 'POST', path: '/leads/api/file-exports/download', count: 1, ...fault });
    return client.downloadExport(name, join(dir, 'out')).then(() => assert.fail('the download should fail'), (error: unknown) => error);
  }

  it('an expired file (404): nothing saved, run the export again', async () => {
    const error = await failure(undefined, 'gone.csv');
    assert.ok(error instanceof NotFoundError);
    const mapped = userError(downloadFailureError(error, LABEL, 'gone.csv', FOLDER));
    assert.equal(mapped.message, 'The file gone.csv of “All contacts” is no longer on GetSales (export files expire). Nothing was saved. Run the export again: right-click the job → Retry Job.');
    assert.deepEqual(mapped.actions, []);
  });

  it('not ready (422): nothing saved, refresh and try again when done', async () => {
    const error = await failure({ status: 422, body: JSON.stringify({ error: { reason: 'validation_error', message: 'not ready', data: { file_name: ['not ready'] } }, code: 422, message: 'not ready' }) });
    assert.ok(error instanceof ValidationError, String(error));
    const mapped = userError(downloadFailureError(error, LABEL, FILE, FOLDER));
    assert.equal(mapped.message, 'GetSales says “All contacts” is not ready to download yet (contacts-export.csv). Nothing was saved. Refresh the job and try again when it shows done.');
    assert.deepEqual(mapped.actions, ['showLogs']);
  });

  it('a body cut off before its end: the connection broke off', async () => {
    const error = await failure({ truncate: 10 });
    assert.ok(error instanceof NetworkError && error.failure === 'truncated', String(error));
    const mapped = userError(downloadFailureError(error, LABEL, FILE, FOLDER));
    assert.equal(mapped.message, 'Downloading contacts-export.csv failed: the connection broke off before the end of the file. Nothing was saved; the export is still there — try Download & Open again.');
    assert.deepEqual(mapped.actions, ['openSettings', 'showLogs']);
  });

  it('a server that stops sending: it stopped sending data', async () => {
    const error = await failure({ delayMs: 1_500 }, undefined, { timeoutMs: 200 });
    assert.ok(error instanceof NetworkError && error.failure === 'timeout', String(error));
    assert.match(userError(downloadFailureError(error, LABEL, FILE, FOLDER)).message, /^Downloading contacts-export\.csv failed: the server stopped sending data\. Nothing was saved;/);
  });

  it('a server that cannot be reached: says so', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { client } = testClient(`http://127.0.0.1:${port}`, { retry: { maxAttempts: 1 } });
    const error = await client.downloadExport(FILE, join(dir, 'out')).then(() => assert.fail('no server there'), (e: unknown) => e);
    assert.ok(error instanceof NetworkError && error.failure === 'refused', String(error));
    assert.match(userError(downloadFailureError(error, LABEL, FILE, FOLDER)).message, /^Downloading contacts-export\.csv failed: the server could not be reached\./);
  });

  it('sign-in and rate-limit errors pass through unchanged, for their own buttons', async () => {
    const auth = await failure({ status: 401 });
    assert.ok(auth instanceof AuthError, String(auth));
    assert.equal(downloadFailureError(auth, LABEL, FILE, FOLDER), auth);
    const limited = await failure({ status: 429, retryAfter: 1 });
    assert.ok(limited instanceof RateLimitedError, String(limited));
    assert.equal(downloadFailureError(limited, LABEL, FILE, FOLDER), limited);
  });
});

describe('downloadFailureError without the network', () => {
  it('every network failure kind gets its own words', () => {
    const words: [NetworkError['failure'], string][] = [
      ['truncated', 'the connection broke off before the end of the file'],
      ['timeout', 'the server stopped sending data'],
      ['refused', 'the server could not be reached'],
      ['dns', 'the server could not be reached'],
      ['reset', 'the connection failed'],
      ['other', 'the connection failed'],
    ];
    for (const [failure, what] of words) {
      const mapped = userError(downloadFailureError(new NetworkError('x', failure, false), LABEL, FILE, FOLDER));
      assert.equal(mapped.message, `Downloading contacts-export.csv failed: ${what}. Nothing was saved; the export is still there — try Download & Open again.`);
    }
  });

  it('a folder it may not write to: pick another folder in the setting', () => {
    for (const code of ['EACCES', 'EPERM', 'EROFS']) {
      const mapped = userError(downloadFailureError(fsError(code), LABEL, FILE, FOLDER));
      assert.equal(mapped.message, 'Cannot write to /home/ada/getsales-exports (permission denied). Pick another folder in the setting getsales.downloadFolder.');
      assert.deepEqual(mapped.actions, ['openSettings']);
    }
  });

  it('a full disk: free some space, nothing was saved', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const mapped = userError(downloadFailureError(fsError(code), LABEL, FILE, FOLDER));
      assert.equal(mapped.message, 'The disk holding /home/ada/getsales-exports is full. Free some space and try Download & Open again; nothing was saved.');
      assert.deepEqual(mapped.actions, []);
    }
  });

  it('passes cancellation, other errors and non-errors through unchanged', () => {
    const cancelled = new CancelledError();
    assert.equal(downloadFailureError(cancelled, LABEL, FILE, FOLDER), cancelled);
    const other = fsError('ENOENT');
    assert.equal(downloadFailureError(other, LABEL, FILE, FOLDER), other);
    assert.equal(downloadFailureError('boom', LABEL, FILE, FOLDER), 'boom');
    assert.equal(downloadFailureError(null, LABEL, FILE, FOLDER), null);
  });
});

describe('downloadFailureNote', () => {
  it("keeps the error's sentence on the job", () => {
    assert.equal(downloadFailureNote(new UserError('The disk is full.')), 'Last download failed: The disk is full.');
    assert.equal(downloadFailureNote('offline'), 'Last download failed: offline');
  });
});
