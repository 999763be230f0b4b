// Files over 15 MB imported in parts, in the real extension host against the harness's
// (doc) sandbox, with a 40 MB contacts file generated for each test (never committed):
// three parts make one parent job whose summed counts are the file's rows and whose
// contacts all land in the list; Cancel after the first part leaves exactly that part
// imported; a second part that fails (the sandbox refuses the second upload) leaves the
// others imported, and Retry runs only it. The parts' folder is gone once every part is in.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Job } from '../../src/core/jobs';
import type { GetSalesExtensionApi } from '../../src/host/api';
import type { ImportOutcome } from '../../src/host/import';
import type { StopOutcome } from '../../src/core/import/parts/parts-runner';
import { writeContactsCsv } from '../fixtures/generate-contacts';
import { sandboxEnv } from './support/env';
import { extensionApi, eventually, switchSandbox } from './support/api';

const MB = 1024 * 1024;
/** Three parts of 40 MB, under a loaded machine's pace (the sandbox imports a part in seconds). */
const PART_TIMEOUT_MS = 240_000;

describe('import in parts: a 40 MB file as one parent job (doc sandbox)', () => {
  let api: GetSalesExtensionApi;
  let scratch: string;
  const token = randomBytes(4).toString('hex');

  before(async () => {
    api = await extensionApi();
    await switchSandbox(api, 'doc');
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    scratch = mkdtempSync(join(tmpdir(), 'getsales-parts-test-'));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    rmSync(scratch, { recursive: true, force: true });
    // Three 40 MB files left some 700,000 contacts in the shared sandbox: later suites
    // that read its whole state, or export all contacts, would wait on them. Back to the seed.
    const reset = await fetch(`${sandboxEnv().url}/__sandbox/reset`, { method: 'POST' });
    assert.equal(reset.status, 200, `the sandbox was reset: ${await reset.text()}`);
  });

  /** A 40 MB file of contacts of its own (emails tagged by test), and a list of its own. */
  async function bigFile(name: string): Promise<{ path: string; rows: number; listUuid: string }> {
    const path = join(scratch, `${name}.csv`);
    const rows = await writeContactsCsv(path, 40 * MB, { tag: `${name}-${token}` });
    const listUuid = (await api.connection.requireClient().createList(`Parts ${name} ${token}`)).uuid;
    return { path, rows, listUuid };
  }

  async function importInParts(path: string, listUuid: string): Promise<Job> {
    const outcomes = await vscode.commands.executeCommand<ImportOutcome[] | undefined>('getsales.importContacts', { file: vscode.Uri.file(path), listUuid, interactive: false });
    const parent = outcomes?.[0]?.job;
    assert.ok(parent, `the import started (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    assert.ok(parent.parts, 'as a file in parts');
    return parent;
  }

  function ended(id: string): Promise<Job> {
    return eventually(`${id} to end`, () => {
      const job = api.jobs.get(id);
      return job !== undefined && job.status !== 'queued' && job.status !== 'running' ? job : undefined;
    }, PART_TIMEOUT_MS);
  }

  async function contactsIn(listUuid: string): Promise<number> {
    return api.connection.requireClient().countForExport('contacts', { kind: 'list', listUuid });
  }

  function processed(job: Job): number {
    return (job.counts?.saved ?? 0) + (job.counts?.duplicates ?? 0) + (job.counts?.blacklisted ?? 0) + (job.counts?.errors ?? 0);
  }

  function uploads(): number {
    return api.logLines().filter((line) => line.includes('/file-imports/upload-csv')).length;
  }

  it('a 40 MB file goes up in 3 parts: one parent, done, its summed counts the file\'s rows', async function () {
    this.timeout(PART_TIMEOUT_MS + 60_000);
    const { path, rows, listUuid } = await bigFile('whole');
    const parent = await importInParts(path, listUuid);
    assert.equal(parent.parts?.parts.length, 3, 'three parts of at most 14 MB');
    assert.equal(parent.progress?.total, rows);

    const done = await ended(parent.id);
    assert.equal(done.status, 'done', done.message);
    const children = api.jobs.children(parent.id);
    assert.equal(children.length, 3, 'one job per part');
    assert.ok(children.every((child) => child.status === 'done' && child.parentId === parent.id));
    assert.equal(processed(done), rows, 'the summed counts are the file\'s rows');
    assert.equal(done.counts?.saved, rows, 'every contact is new');
    assert.equal(await contactsIn(listUuid), rows, 'every row reached the list, once');
    assert.ok(!api.notifier.shown().some((shown) => children.some((child) => child.id === shown.jobId)), 'no part announced itself');
    assert.ok(api.notifier.shown().some((shown) => shown.jobId === parent.id && /finished in 3 parts/.test(shown.message)), 'the parent did, once');
    await eventually('the parts folder to go', () => (existsSync(parent.parts?.folder ?? '') ? undefined : true), 10_000);
  });

  it('Cancel after the first part leaves exactly that part imported', async function () {
    this.timeout(PART_TIMEOUT_MS + 60_000);
    const { path, listUuid } = await bigFile('cancelled');
    const parent = await importInParts(path, listUuid);

    const outcome = await vscode.commands.executeCommand<StopOutcome | undefined>('getsales.import.cancelParts', parent.id);
    assert.deepEqual(outcome, { running: 0, waiting: [1, 2] }, `the first part runs on (last error: ${api.commands.lastError()?.message ?? 'none'})`);

    const stopped = await ended(parent.id);
    assert.equal(stopped.status, 'cancelled');
    assert.match(stopped.message ?? '', /^Cancelled after 1 of 3 parts: parts 2 and 3 were not imported\. Retry imports them\.$/);
    const children = api.jobs.children(parent.id);
    assert.equal(children.length, 1, 'only the first part was started');
    const firstRows = stopped.parts?.parts[0]?.rows ?? 0;
    assert.equal(processed(stopped), firstRows);
    assert.equal(await contactsIn(listUuid), firstRows, 'exactly the first part\'s rows reached the list');
    assert.ok(existsSync(join(stopped.parts?.folder ?? '', 'part-2.csv')), 'the parts not started are kept for Retry');
    assert.equal(await vscode.commands.executeCommand('getsales.jobs.remove', parent.id), true);
    await eventually('the parts folder to go with the job', () => (existsSync(stopped.parts?.folder ?? '') ? undefined : true), 10_000);
  });

  it('a failing second part leaves the others imported; Retry finishes only that part', async function () {
    this.timeout(2 * PART_TIMEOUT_MS);
    const { path, rows, listUuid } = await bigFile('retried');
    // The first upload (part 1, for the mapping) goes through; the second (part 2) is refused.
    const response = await fetch(`${sandboxEnv().url}/__sandbox/faults`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/leads/api/file-imports/upload-csv', skip: 1, count: 1, status: 500 }),
    });
    assert.equal(response.status, 200, await response.text());
    const parent = await importInParts(path, listUuid);

    const failed = await ended(parent.id);
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.parts?.parts.map((part) => part.state), ['done', 'failed', 'done'], 'part 3 ran although part 2 failed');
    assert.match(failed.message ?? '', /^Part 2 of 3 failed: .*Parts 1 and 3 were imported\. Retry imports only part 2\.$/);
    const imported = api.jobs.children(parent.id).map((child) => child.id);
    assert.equal(imported.length, 2);
    const uploadsBefore = uploads();

    assert.equal(await vscode.commands.executeCommand('getsales.jobs.retry', parent.id), true, `retried (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    const done = await ended(parent.id);
    assert.equal(done.status, 'done', done.message);
    assert.equal(uploads() - uploadsBefore, 1, 'one upload: part 2');
    const children = api.jobs.children(parent.id).map((child) => child.id);
    assert.equal(children.length, 3);
    assert.deepEqual(children.filter((id) => imported.includes(id)), imported, 'parts 1 and 3 are the same jobs, not run again');
    assert.equal(processed(done), rows);
    assert.equal(await contactsIn(listUuid), rows, 'every row reached the list, once');
  });
});
