// Exports in the real extension host against the harness's sandbox: every filter kind
// exports exactly the records the sandbox holds for it (read through /__sandbox/state),
// the file lands in the download folder and opens in an editor tab, a second download
// never overwrites the first, broken downloads (truncated, 404, 422) leave nothing and
// can be retried, a deleted download is noticed, and a hostile server file name
// (`../../evil.csv`, served by a tiny local server that mimics the download endpoint)
// stays inside the download folder. The sandbox tests run against the doc and the sister
// sandbox (the real server's variants) with the same assertions.
import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import Papa from 'papaparse';
import * as vscode from 'vscode';
import type { Job } from '../../src/core/jobs';
import type { GetSalesExtensionApi } from '../../src/host/api';
import { jobTooltip } from '../../src/host/jobs/job-tree-item';
import { connectionEnv, sandboxEnv, sandboxModes } from './support/env';
import { extensionApi, eventually, switchSandbox } from './support/api';

type Row = Record<string, string>;



async function sandboxState(kind: 'contacts' | 'companies', listUuid?: string): Promise<Row[]> {
  const { url } = sandboxEnv();
  const response = await fetch(`${url}/__sandbox/state?kind=${kind}${listUuid ? `&list_uuid=${encodeURIComponent(listUuid)}` : ''}`);
  assert.equal(response.status, 200, 'the sandbox runs with faults enabled');
  const body = (await response.json()) as { data: Record<string, unknown>[] };
  // Only the exported columns: every one a string (list membership is not exported).
  return body.data.map((record) => Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !['list_uuid', 'created_at', 'updated_at'].includes(entry[0]))));
}

async function addFault(fault: Record<string, unknown>): Promise<void> {
  const { url } = sandboxEnv();
  const response = await fetch(`${url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  assert.equal(response.status, 200, `fault accepted: ${await response.text()}`);
}

function readCsv(path: string): { header: string[]; rows: Row[] } {
  const parsed = Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, [], `${basename(path)} parses as CSV`);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

function byUuid(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => (a.uuid ?? '').localeCompare(b.uuid ?? ''));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function openTabPaths(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .map((tab) => (tab.input instanceof vscode.TabInputText ? tab.input.uri.fsPath : undefined))
    .filter((path): path is string => path !== undefined);
}

for (const mode of sandboxModes()) describe(`export: filters, download and open (${mode} sandbox)`, () => {
  let api: GetSalesExtensionApi;
  let workspace: string;
  let scratch: string;

  before(async () => {
    api = await extensionApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens a workspace folder');
    workspace = folder.uri.fsPath;
    scratch = mkdtempSync(join(tmpdir(), 'getsales-export-'));
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    await switchSandbox(api, mode);
  });

  afterEach(async () => {
    if (api.connection.state.mode !== 'sandbox' || api.connection.state.baseUrl !== sandboxEnv().url) await api.connection.restore(connectionEnv());
    await vscode.workspace.getConfiguration('getsales').update('downloadFolder', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await switchSandbox(api, 'doc'); // first: its wait for running jobs still polls every second
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    rmSync(scratch, { recursive: true, force: true });
  });

  const defaultFolder = (): string => join(workspace, 'getsales-exports');

  /** Starts an export through the command (no pickers) and waits until it is ready. */
  async function exportDone(command: string, args: unknown): Promise<Job> {
    const started: unknown = await vscode.commands.executeCommand(command, args);
    assert.ok(typeof started === 'object' && started !== null && 'id' in started, `${command} returns the new job (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    const id = (started as Job).id;
    return eventually(`export ${id} to finish`, () => {
      const job = api.jobs.get(id);
      if (job?.status === 'failed') throw new Error(`the export failed: ${job.message ?? ''}`);
      return job?.status === 'done' ? job : undefined;
    });
  }

  async function download(job: Job, options?: { open: boolean }): Promise<string[] | undefined> {
    const paths: unknown = await vscode.commands.executeCommand('getsales.export.downloadAndOpen', job.id, options);
    return paths === undefined ? undefined : (paths as string[]);
  }

  async function downloadOne(job: Job, options?: { open: boolean }): Promise<string> {
    const paths = await download(job, options);
    assert.ok(paths, `the download succeeded (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    assert.equal(paths.length, 1, 'one result file');
    return paths[0] as string;
  }

  it('All contacts: exactly the sandbox’s contacts, saved in getsales-exports/ of the workspace and open in a tab', async () => {
    const expected = await sandboxState('contacts');
    const job = await exportDone('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
    assert.equal(job.label, 'All contacts');
    assert.deepEqual(job.data.filter, { kind: 'all' }, 'the filter is kept for Retry');
    assert.ok(api.notifier.shown().some((n) => n.jobId === job.id && n.actions[0] === 'Open'), 'the completion notification offers Open');

    const path = await downloadOne(job);
    assert.equal(dirname(path), defaultFolder());
    assert.match(basename(path), /^contacts-export-\d{8}-\d{6}-[0-9a-f]{8}\.csv$/);
    const { header, rows } = readCsv(path);
    assert.equal(header[0], 'uuid');
    assert.equal(rows.length, expected.length);
    assert.deepEqual(byUuid(rows), byUuid(expected));
    await eventually('the CSV to open in a tab', () => (openTabPaths().includes(path) ? true : undefined));
    const after = api.jobs.get(job.id);
    assert.deepEqual(after?.downloads, [path], 'the job remembers where the file went');
  });

  it('A list: only that list’s contacts', async () => {
    const lists = await api.connection.requireClient().listLists({ limit: 100 });
    const list = lists.items.find((item) => item.name === 'Demo: Berlin CTOs');
    assert.ok(list, 'the demo seed has the Berlin CTOs list');
    const expected = await sandboxState('contacts', list.uuid);
    const all = await sandboxState('contacts');
    assert.ok(expected.length > 0 && expected.length < all.length, 'the list is a proper subset');
    const job = await exportDone('getsales.exportContacts', { filter: { kind: 'list', listUuid: list.uuid }, label: `Contacts in ${list.name}`, interactive: false });
    assert.equal(job.label, 'Contacts in Demo: Berlin CTOs');
    const { rows } = readCsv(await downloadOne(job, { open: false }));
    assert.deepEqual(byUuid(rows), byUuid(expected));
  });

  it('A search: the contacts whose name, email, company or position hold every word', async () => {
    const all = await sandboxState('contacts');
    const sample = all[0];
    assert.ok(sample);
    const q = `${(sample.company_name ?? '').split(' ')[0]} ${(sample.position ?? '').split(' ')[0]}`;
    const terms = fold(q).split(/\s+/).filter((t) => t !== '');
    const fields = ['first_name', 'last_name', 'name', 'work_email', 'personal_email', 'company_name', 'position'];
    const expected = all.filter((row) => terms.every((term) => fold(fields.map((f) => row[f] ?? '').join(' ')).includes(term)));
    assert.ok(expected.length > 0 && expected.length < all.length, `"${q}" picks some contacts, not all`);
    const job = await exportDone('getsales.exportContacts', { filter: { kind: 'search', q }, interactive: false });
    assert.equal(job.label, `Contacts matching “${q}”`);
    const { rows } = readCsv(await downloadOne(job, { open: false }));
    assert.deepEqual(byUuid(rows), byUuid(expected));
  });

  it('Selected UUIDs from the uuid column of a CSV in the Explorer: exactly those contacts', async () => {
    const all = await sandboxState('contacts');
    const picked = [all[3], all[50], all[777], all[1234], all[4000]].filter((row): row is Row => row !== undefined);
    const csv = join(workspace, `picked-${randomBytes(3).toString('hex')}.csv`);
    // An earlier export, trimmed by hand: extra columns, a blank uuid, upper-case and repeated UUIDs.
    const lines = ['name,UUID,note'];
    picked.forEach((row, i) => lines.push(`"${row.name ?? ''}",${i === 1 ? (row.uuid ?? '').toUpperCase() : row.uuid ?? ''},keep`));
    lines.push(`"${picked[0]?.name ?? ''}",${picked[0]?.uuid ?? ''},again`);
    writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
    const job = await exportDone('getsales.exportContactsFromCsv', vscode.Uri.file(csv));
    assert.equal(job.label, `5 contacts from ${basename(csv)}`);
    const { rows } = readCsv(await downloadOne(job, { open: false }));
    assert.deepEqual(byUuid(rows), byUuid(picked));
  });

  it('All companies and companies by pasted UUIDs: exactly the sandbox’s companies', async () => {
    const expected = await sandboxState('companies');
    const job = await exportDone('getsales.exportCompanies', { filter: { kind: 'all' }, interactive: false });
    assert.equal(job.entity, 'companies');
    const path = await downloadOne(job, { open: false });
    assert.match(basename(path), /^companies-export-/);
    assert.deepEqual(byUuid(readCsv(path).rows), byUuid(expected));

    const some = expected.slice(10, 13);
    const byIds = await exportDone('getsales.exportCompanies', { filter: { kind: 'ids', ids: some.map((row) => row.uuid) }, interactive: false });
    assert.equal(byIds.label, '3 companies by UUID');
    assert.deepEqual(byUuid(readCsv(await downloadOne(byIds, { open: false })).rows), byUuid(some));
  });

  it('a CSV without a uuid column is refused with a sentence that says so, and nothing starts', async () => {
    const jobsBefore = api.jobs.all().length;
    const result: unknown = await vscode.commands.executeCommand('getsales.exportContactsFromCsv', vscode.Uri.file(join(workspace, 'contacts.csv')));
    assert.equal(result, undefined);
    const error = api.commands.lastError();
    assert.equal(error?.command, 'getsales.exportContactsFromCsv');
    assert.match(error?.message ?? '', /^contacts\.csv cannot say which records to export: it has no uuid column \(its columns: “First Name”/);
    assert.equal(api.jobs.all().length, jobsBefore);
  });

  it('a second download of the same export gets a new name and leaves the first untouched', async () => {
    const job = await exportDone('getsales.exportContacts', { filter: { kind: 'search', q: 'cto' }, interactive: false });
    const first = await downloadOne(job, { open: false });
    const firstHash = sha(first);
    const second = await downloadOne(job);
    assert.notEqual(second, first);
    assert.equal(dirname(second), dirname(first));
    assert.match(basename(second), / \(1\)\.csv$/);
    assert.equal(sha(first), firstHash, 'the first file is unchanged');
    assert.equal(sha(second), firstHash, 'the same content again');
    assert.deepEqual(api.jobs.get(job.id)?.downloads, [first, second]);
    const reopened: unknown = await vscode.commands.executeCommand('getsales.export.openAgain', job.id);
    assert.deepEqual(reopened, [second], 'Open Again opens the latest download');
  });

  it('a truncated download leaves no file (not even a temp file), keeps the job, and a retry succeeds', async () => {
    const job = await exportDone('getsales.exportContacts', { filter: { kind: 'search', q: 'founder' }, interactive: false });
    mkdirSync(defaultFolder(), { recursive: true });
    const before = readdirSync(defaultFolder()).sort();
    // Every attempt of the client's retry policy (4) is cut after 200 bytes.
    await addFault({ method: 'POST', path: '/leads/api/file-exports/download', count: 4, truncate: 200 });
    assert.equal(await download(job), undefined);
    const error = api.commands.lastError();
    assert.equal(error?.command, 'getsales.export.downloadAndOpen');
    assert.match(error?.message ?? '', /^Downloading contacts-export-.*\.csv failed: the connection broke off before the end of the file\. Nothing was saved/);
    assert.deepEqual(readdirSync(defaultFolder()).sort(), before, 'no partial or temp file');
    const kept = api.jobs.get(job.id);
    assert.equal(kept?.status, 'done', 'the job stays ready for another try');
    assert.deepEqual(kept?.downloads, []);
    assert.match(kept?.message ?? '', /^Last download failed: /);

    const path = await downloadOne(job, { open: false });
    assert.equal(readCsv(path).rows.length, job.progress?.total);
    assert.equal(api.jobs.get(job.id)?.message, undefined, 'the failure note is gone');
  });

  it('an expired file (404) and a not-ready file (422) say what happened and save nothing', async () => {
    const job = await exportDone('getsales.exportCompanies', { filter: { kind: 'search', q: 'labs' }, interactive: false });
    mkdirSync(defaultFolder(), { recursive: true });
    const before = readdirSync(defaultFolder()).sort();
    await addFault({ method: 'POST', path: '/leads/api/file-exports/download', count: 1, status: 404 });
    assert.equal(await download(job), undefined);
    assert.match(api.commands.lastError()?.message ?? '', /is no longer on GetSales \(export files expire\)\. Nothing was saved\. Run the export again/);
    await addFault({ method: 'POST', path: '/leads/api/file-exports/download', count: 1, status: 422 });
    assert.equal(await download(job), undefined);
    assert.match(api.commands.lastError()?.message ?? '', /is not ready to download yet .*Nothing was saved/);
    assert.deepEqual(readdirSync(defaultFolder()).sort(), before);
    assert.equal(api.jobs.get(job.id)?.status, 'done');
  });

  it('a deleted download is noticed: the job forgets it and offers the download again', async () => {
    const job = await exportDone('getsales.exportContacts', { filter: { kind: 'search', q: 'head' }, interactive: false });
    const path = await downloadOne(job, { open: false });
    assert.deepEqual(api.jobs.get(job.id)?.downloads, [path]);
    rmSync(path);
    // The watcher on the download folder reports the deletion.
    const forgotten = await eventually('the deletion to be noticed', () => (api.jobs.get(job.id)?.downloads.length === 0 ? api.jobs.get(job.id) : undefined), 15_000);
    assert.match(forgotten.message ?? '', /was deleted; use Download & Open to get it again/);
    const reopened: unknown = await vscode.commands.executeCommand('getsales.export.openAgain', job.id);
    assert.deepEqual(reopened, [], 'nothing to open');
    const again = await downloadOne(job, { open: false });
    assert.equal(again, path, 'the name is free again');
  });

  describe('the count before an export, and Cancel Export from the tree', () => {
    async function sandboxPost(path: string, body: unknown): Promise<unknown> {
      const response = await fetch(`${sandboxEnv().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
      return response.json();
    }

    /** Tooltip text without Markdown escapes (appendText writes spaces as &nbsp;). */
    function tooltipOf(job: Job): string {
      return jobTooltip(job).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    }

    async function heldExport(): Promise<Job> {
      await sandboxPost('/__sandbox/hold-exports', { held: true });
      const started: unknown = await vscode.commands.executeCommand('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
      assert.ok(typeof started === 'object' && started !== null && 'id' in started, `the export started (last error: ${api.commands.lastError()?.message ?? 'none'})`);
      return started as Job;
    }

    afterEach(async () => {
      await sandboxPost('/__sandbox/hold-exports', { held: false });
      await sandboxPost('/__sandbox/cancel-exports', {}); // a held export never ends by itself
      await eventually('held exports to end', () => (api.jobs.active().length === 0 ? true : undefined));
    });

    it('the count is kept on the job and shown in its tooltip; a count that differs from the rows, then from the downloaded file’s data rows, is pointed out', async () => {
      const contacts = (await sandboxState('contacts')).length;
      const job = await exportDone('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
      const counted = await eventually('the count to arrive', () => api.jobs.get(job.id)?.data.expectedCount);
      assert.equal(counted, contacts);
      const done = api.jobs.get(job.id);
      assert.ok(done);
      assert.equal(done.progress?.total, contacts);
      assert.match(tooltipOf(done), new RegExp(`Expected when started: ${contacts.toLocaleString('en-US')} contacts`));
      assert.doesNotMatch(tooltipOf(done), /the export has/, 'no warning when they agree');
      const differing = api.jobs.patch(job.id, { data: { expectedCount: contacts + 2 } });
      assert.ok(differing);
      assert.match(tooltipOf(differing), new RegExp(`⚠ Expected ${(contacts + 2).toLocaleString('en-US')} contacts when it started; the export has ${contacts.toLocaleString('en-US')} rows`));

      // Once downloaded, the file's own data rows are what the count is held against.
      const path = await downloadOne(job, { open: false });
      const downloaded = api.jobs.get(job.id);
      assert.ok(downloaded);
      assert.equal(downloaded.data.downloadedRows, readCsv(path).rows.length, 'the rows of the file, counted with the CSV engine');
      assert.equal(downloaded.data.downloadedRows, contacts);
      assert.match(tooltipOf(downloaded), new RegExp(`⚠ Expected ${(contacts + 2).toLocaleString('en-US')} contacts when it started; the downloaded file has ${contacts.toLocaleString('en-US')} data rows`));
      const agreeing = api.jobs.patch(job.id, { data: { expectedCount: contacts }, progress: { done: contacts + 5, total: contacts + 5 } });
      assert.ok(agreeing);
      assert.doesNotMatch(tooltipOf(agreeing), /⚠ Expected/, 'the file agrees with the count: no warning, whatever the progress said');
    });

    it('without the count endpoint (404) the export runs as before: no count, one log line', async () => {
      await addFault({ method: 'POST', path: '/leads/api/leads/count', status: 404, count: 1 });
      const errorBefore = api.commands.lastError();
      const job = await exportDone('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
      await eventually('the log line', () => (api.logLines().some((line) => line.includes('Export count not available')) ? true : undefined));
      assert.equal(api.jobs.get(job.id)?.data.expectedCount, undefined);
      assert.doesNotMatch(tooltipOf(job), /Expected/);
      assert.equal(api.commands.lastError(), errorBefore, 'no error shown');
    });

    it('Cancel Export on a running export: the job ends cancelled, here and on the server', async () => {
      const job = await heldExport();
      assert.equal(api.jobs.get(job.id)?.status === 'queued' || api.jobs.get(job.id)?.status === 'running', true);
      const cancelled: unknown = await vscode.commands.executeCommand('getsales.export.cancel', job.id);
      assert.ok(typeof cancelled === 'object' && cancelled !== null, `the command returns the job (last error: ${api.commands.lastError()?.message ?? 'none'})`);
      const now = api.jobs.get(job.id);
      assert.equal(now?.status, 'cancelled');
      assert.equal(now.message, 'You cancelled the export; no file was made.');
      const { url, apiKey } = sandboxEnv();
      const polled = await fetch(`${url}/leads/api/mass-actions/${job.remoteUuid}`, { headers: { authorization: `Bearer ${apiKey}` } });
      assert.equal(((await polled.json()) as { status?: unknown }).status, 'cancelled');
    });

    it('Cancel Export refused by the server (405): the job keeps running and the message says so', async () => {
      const job = await heldExport();
      await addFault({ method: 'DELETE', path: '/leads/api/mass-actions/*', status: 405, count: 1 });
      const result: unknown = await vscode.commands.executeCommand('getsales.export.cancel', job.id);
      assert.equal(result, undefined, 'the command reports the refusal instead of returning a job');
      assert.match(api.commands.lastError()?.message ?? '', /GetSales did not cancel the export “All contacts”: this account does not offer cancelling exports\. The export keeps running/);
      assert.ok(['queued', 'running'].includes(api.jobs.get(job.id)?.status ?? ''), 'still running');
    });
  });

  // Not the sandbox at all: runs in the first mode only (twice would find its own files of the first pass).
  if (mode === sandboxModes()[0]) describe('a tiny server that mimics the download endpoint', () => {
    let server: Server;
    let url: string;
    let requested: unknown[] = [];

    before(async () => {
      // Serves any file name; for `../../evil.csv` it also suggests that name, as a malicious server could.
      server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => { body += chunk; });
        req.on('end', () => {
          if (req.method === 'POST' && req.url === '/leads/api/file-exports/download') {
            const asked = JSON.parse(body) as { file_name: string };
            requested.push(asked);
            const csv = `uuid,first_name\r\n00000000-0000-4000-8000-000000000001,${asked.file_name === '../../evil.csv' ? 'Eve' : asked.file_name}\r\n`;
            res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(csv), 'content-disposition': `attachment; filename="${asked.file_name}"` });
            res.end(csv);
            return;
          }
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { reason: 'not_found', message: 'Not found' }, message: 'Not found', code: 404 }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    beforeEach(async () => {
      requested = [];
      await api.connection.restore({ GETSALES_SANDBOX_URL: url, GETSALES_SANDBOX_KEY: 'tiny-server-key' });
    });

    after(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    function doneExport(files: string[]): Job {
      return api.jobs.addExport({
        entity: 'contacts', connection: 'sandbox', remoteUuid: `tiny-${randomBytes(4).toString('hex')}`, label: 'Tiny export',
        state: { status: 'done', remoteStatus: 'done', files },
      });
    }

    it('`../../evil.csv` lands as evil.csv inside the download folder (a custom absolute setting)', async () => {
      const root = join(scratch, 'a', 'b');
      const folder = join(root, 'downloads');
      await vscode.workspace.getConfiguration('getsales').update('downloadFolder', folder, vscode.ConfigurationTarget.Global);
      const job = doneExport(['../../evil.csv']);
      const path = await downloadOne(job, { open: false });
      assert.deepEqual(requested, [{ file_name: '../../evil.csv' }], 'the server’s own name is what is asked for');
      assert.equal(path, join(folder, 'evil.csv'));
      assert.equal(readFileSync(path, 'utf8').split('\r\n')[1], '00000000-0000-4000-8000-000000000001,Eve');
      assert.ok(!existsSync(join(scratch, 'evil.csv')) && !existsSync(join(scratch, 'a', 'evil.csv')) && !existsSync(join(root, 'evil.csv')), 'nothing outside the folder');
      assert.deepEqual(readdirSync(folder), ['evil.csv']);
      api.jobs.remove(job.id);
    });

    it('a multi-file result downloads each file into a relative download folder, and opens each', async () => {
      await vscode.workspace.getConfiguration('getsales').update('downloadFolder', 'custom/exports', vscode.ConfigurationTarget.Global);
      const job = doneExport(['part-1.csv', 'part-2.csv']);
      const paths = await download(job);
      const folder = join(workspace, 'custom', 'exports');
      assert.deepEqual(paths, [join(folder, 'part-1.csv'), join(folder, 'part-2.csv')]);
      assert.deepEqual(requested, [{ file_name: 'part-1.csv' }, { file_name: 'part-2.csv' }]);
      assert.equal(readFileSync(join(folder, 'part-2.csv'), 'utf8').split('\r\n')[1], '00000000-0000-4000-8000-000000000001,part-2.csv');
      await eventually('both files to open in tabs', () => (paths?.every((path) => openTabPaths().includes(path)) ? true : undefined));
      assert.deepEqual(api.jobs.get(job.id)?.downloads, paths);
      const reopened: unknown = await vscode.commands.executeCommand('getsales.export.openAgain', job.id);
      assert.deepEqual(reopened, paths, 'Open Again opens every file of the result');
      api.jobs.remove(job.id);
    });
  });
});
