// Imports in the real extension host against the harness's sandbox, for contacts and for
// companies: a file over 15 MB is refused before any upload when parts are turned down
// (import-parts.test.ts has it imported in parts), a Windows-1252 file arrives
// with its accents intact (read back through /__sandbox/state), a semicolon file maps
// and imports, rows without an identifier become diagnostics and come back in the error
// report (which imports again once fixed), a 422 from the server is shown and nothing is
// lost, and cancelling during the upload leaves no job and no temp copy. The mapping
// screen opens as "Import: <file>" for interactive calls. Runs against the doc and the
// sister sandbox (the real server's variants: bare start answers, other `errors` items…).
import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import Papa from 'papaparse';
import * as vscode from 'vscode';
import type { Job } from '../../src/core/jobs';
import type { GetSalesExtensionApi } from '../../src/host/api';
import type { ImportOutcome } from '../../src/host/import';
import type { ErrorReport } from '../../src/core/import/error-report';
import { sandboxEnv, sandboxModes } from './support/env';
import { extensionApi, eventually, finished as finishedJob, switchSandbox } from './support/api';

type Kind = 'contacts' | 'companies';
type Row = Record<string, string>;

const COMMAND: Record<Kind, string> = { contacts: 'getsales.importContacts', companies: 'getsales.importCompanies' };
const START_PATH: Record<Kind, string> = {
  contacts: '/leads/api/file-imports/*/import-leads',
  companies: '/leads/api/file-imports/*/import-companies',
};



async function sandboxState(kind: Kind): Promise<Row[]> {
  const response = await fetch(`${sandboxEnv().url}/__sandbox/state?kind=${kind}`);
  assert.equal(response.status, 200, 'the sandbox runs with faults enabled');
  const body = (await response.json()) as { data: Record<string, unknown>[] };
  return body.data.map((record) => Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));
}

async function addFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxEnv().url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  assert.equal(response.status, 200, `fault accepted: ${await response.text()}`);
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function uploadCopies(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('getsales-csv-'));
}

for (const mode of sandboxModes()) describe(`import: from a CSV on disk to a job in the Jobs view (${mode} sandbox)`, () => {
  let api: GetSalesExtensionApi;
  let scratch: string;
  let listUuid: string;
  /** Unique per run, so rows never collide with earlier runs' or the seed's records. */
  const token = randomBytes(4).toString('hex');

  before(async () => {
    api = await extensionApi();
    await switchSandbox(api, mode);
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    scratch = mkdtempSync(join(tmpdir(), 'getsales-import-test-'));
    listUuid = (await api.connection.requireClient().createList(`Import tests ${token}`)).uuid;
  });

  after(async () => {
    await switchSandbox(api, 'doc'); // first: its wait for running jobs still polls every second
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    rmSync(scratch, { recursive: true, force: true });
  });

  function write(name: string, text: string, encoding: BufferEncoding = 'utf8'): string {
    const path = join(scratch, name);
    writeFileSync(path, Buffer.from(text, encoding));
    return path;
  }

  function target(kind: Kind): Record<string, unknown> {
    return kind === 'contacts' ? { listUuid } : { listUuids: [listUuid] };
  }

  async function runImport(kind: Kind, options: Record<string, unknown>): Promise<ImportOutcome> {
    const outcomes: unknown = await vscode.commands.executeCommand(COMMAND[kind], { interactive: false, ...target(kind), ...options });
    assert.ok(Array.isArray(outcomes) && outcomes.length === 1, `${COMMAND[kind]} returns one outcome per file (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    return outcomes[0] as ImportOutcome;
  }

  function finished(job: Job | undefined): Promise<Job> {
    return finishedJob(api, job);
  }

  for (const kind of ['contacts', 'companies'] as const) {
    describe(kind, () => {
      it('refuses a file over 15 MB before anything is uploaded when parts are turned down', async () => {
        const header = kind === 'contacts' ? 'First Name,Email\r\n' : 'Company Name,Domain\r\n';
        const row = kind === 'contacts' ? `Ada,ada-${token}@example.com\r\n` : `Acme ${token},acme.example\r\n`;
        const path = join(scratch, `big-${kind}.csv`);
        writeFileSync(path, header + row.repeat(Math.ceil((15 * 1024 * 1024 + 4096) / row.length)));
        const uploadsBefore = api.logLines().filter((line) => line.includes('upload-csv')).length;
        const jobsBefore = api.jobs.all().length;

        const outcome = await runImport(kind, { file: vscode.Uri.file(path), parts: false });

        assert.equal(outcome.importUuid, undefined, 'nothing was uploaded');
        assert.match(outcome.error ?? '', /cannot be imported: The file is 15\.0 MB .* GetSales accepts up to 15\.0 MB .* Split it .* Nothing was sent/);
        assert.equal(api.commands.lastError()?.message, outcome.error, 'the user was shown the same sentence');
        assert.equal(api.logLines().filter((line) => line.includes('upload-csv')).length, uploadsBefore, 'no upload request was made');
        assert.equal(api.jobs.all().length, jobsBefore, 'no job');
      });

      it('imports a Windows-1252 file with its accented names intact', async () => {
        const names = kind === 'contacts'
          ? [`Jürgen-${token}`, `Zoë-${token}`, `Søren-${token}`]
          : [`Müller Bäckerei ${token}`, `Café Crème ${token}`, `Ærø Fiskeri ${token}`];
        const lines = kind === 'contacts'
          ? ['First Name,Last Name,Email', ...names.map((name, i) => `${name},Müller,w1252-${i}-${token}@example.com`)]
          : ['Company Name,Domain', ...names.map((name, i) => `${name},w1252-${i}-${token}.example`)];
        const path = write(`w1252-${kind}.csv`, `${lines.join('\r\n')}\r\n`, 'latin1');

        const outcome = await runImport(kind, { file: path });
        const job = await finished(outcome.job);

        assert.equal(job.status, 'done', job.message);
        assert.equal(job.counts?.saved, 3);
        assert.equal(job.sourcePath, path, 'the job knows its source CSV');
        const stored = await sandboxState(kind);
        const field = kind === 'contacts' ? 'first_name' : 'name';
        for (const name of names) assert.ok(stored.some((record) => record[field] === name), `${name} arrived as written`);
        if (kind === 'contacts') assert.ok(stored.some((record) => record.first_name === names[0] && record.last_name === 'Müller'));
        assert.equal(uploadCopies().length, 0, 'the converted upload copy is gone');
      });

      it('maps and imports a semicolon-separated file', async () => {
        const lines = kind === 'contacts'
          ? ['Vorname;Nachname;E-Mail;Firma', `Ada;Lovelace;semi-1-${token}@example.com;Analytical Engines`, `"Grace; G.";Hopper;semi-2-${token}@example.com;Navy`]
          : ['Company Name;Website;Industry', `Semi One ${token};https://semi-1-${token}.example;Software`, `"Semi; Two ${token}";https://semi-2-${token}.example;Logistics`];
        const path = write(`semicolon-${kind}.csv`, `${lines.join('\n')}\n`);

        const outcome = await runImport(kind, { file: path });
        const job = await finished(outcome.job);

        assert.equal(job.status, 'done', job.message);
        assert.equal(job.counts?.saved, 2);
        const mapping = job.data.mapping as (string | null)[];
        if (kind === 'contacts') {
          assert.deepEqual(mapping.slice(0, 3), ['first_name', 'last_name', 'work_email'], 'German headers were matched');
          const stored = await sandboxState('contacts');
          const grace = stored.find((record) => record.work_email === `semi-2-${token}@example.com`);
          assert.equal(grace?.first_name, 'Grace; G.', 'a quoted semicolon stays inside its cell');
        } else {
          assert.deepEqual(mapping, ['name', 'website', 'industry']);
          const stored = await sandboxState('companies');
          assert.ok(stored.some((record) => record.name === `Semi; Two ${token}` && record.industry === 'Logistics'));
        }
      });

      it('puts rows without an identifier in the Problems view, reports them after the import, and imports the fixed rows', async () => {
        const lines = kind === 'contacts'
          ? ['First Name,Email,LinkedIn', `Ok1,noid-1-${token}@example.com,`, 'Missing1,,', `Ok2,,https://www.linkedin.com/in/noid-${token}`, 'Missing2, ,']
          : ['Company Name,LinkedIn,Industry', `NoId One ${token},,Software`, ',,Orphan industry 1', `,https://www.linkedin.com/company/noid-${token},Media`, ',,Orphan industry 2'];
        const path = write(`no-identifier-${kind}.csv`, `${lines.join('\r\n')}\r\n`);
        const uri = vscode.Uri.file(path);
        const before = sha(path);

        const outcome = await runImport(kind, { file: uri, showProblems: true });

        const missing = outcome.review?.validation.items.find((item) => item.code === 'missing-identifier');
        assert.equal(missing?.count, 2, 'the review counts the rows without identifier');
        assert.equal(outcome.diagnostics, 2);
        const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'GetSales');
        assert.deepEqual(diagnostics.map((d) => d.range.start.line).sort(), [2, 4], 'on the editor lines of the two rows (0-based)');
        assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error && /skip the row/.test(d.message)));

        const job = await finished(outcome.job);
        assert.equal(job.status, 'partial', 'finished with rejected rows');
        assert.equal(job.counts?.saved, 2);
        assert.equal(job.counts?.errors, 2);
        assert.deepEqual(job.rowErrors.map((e) => e.row).sort(), [3, 5], 'the server names the file lines it refused');
        assert.ok(api.notifier.shown().some((n) => n.jobId === job.id && n.actions.includes('Show Errors')), 'the completion notification offers Show Errors');

        const report = (await vscode.commands.executeCommand('getsales.import.showErrors', job.id, { open: false })) as ErrorReport | undefined;
        assert.ok(report, `Show Errors wrote a report (last error: ${api.commands.lastError()?.message ?? 'none'})`);
        assert.equal(dirname(report.path), scratch, 'beside the source');
        assert.equal(basename(report.path), `no-identifier-${kind}.errors.csv`);
        assert.equal(report.rows, 2);
        const parsed = Papa.parse<string[]>(readFileSync(report.path, 'utf8'), { skipEmptyLines: true });
        const [header, ...rows] = parsed.data;
        assert.deepEqual(header, [...(lines[0] ?? '').split(','), 'error'], 'original columns plus error');
        assert.deepEqual(rows.map((row) => row[0]), kind === 'contacts' ? ['Missing1', 'Missing2'] : ['', '']);
        assert.ok(rows.every((row) => /no identifier/.test(row[row.length - 1] ?? '')), 'each row says why');
        assert.equal(sha(path), before, 'the source file is untouched');
        assert.equal(api.jobs.get(job.id)?.data.errorReport, report.path, 'the job remembers its report');

        // The user fills in the identifiers and imports the fixed rows with the same mapping.
        const fixed = rows.map((row, i) => {
          const cells = [...row];
          cells[1] = kind === 'contacts' ? `fixed-${i}-${token}@example.com` : `https://www.linkedin.com/company/fixed-${i}-${token}`;
          return cells;
        });
        writeFileSync(report.path, Papa.unparse([header ?? [], ...fixed]));
        const again = (await vscode.commands.executeCommand('getsales.import.importFixedRows', job.id, { interactive: false })) as ImportOutcome[] | undefined;
        const fixedJob = await finished(again?.[0]?.job);
        assert.equal(fixedJob.status, 'done', fixedJob.message);
        assert.equal(fixedJob.counts?.saved, 2);
        assert.deepEqual(fixedJob.data.mapping, [...(job.data.mapping as (string | null)[]), null], 'same mapping, error column skipped');
      });

      it('shows a 422 from the server and loses nothing: no job, the file untouched, a second try works', async () => {
        const lines = kind === 'contacts'
          ? ['First Name,Email', `Rejected,r422-${token}@example.com`]
          : ['Company Name,Domain', `Rejected ${token},r422-${token}.example`];
        const path = write(`rejected-${kind}.csv`, `${lines.join('\r\n')}\r\n`);
        const before = sha(path);
        const jobsBefore = api.jobs.all().length;
        await addFault({ method: 'POST', path: START_PATH[kind], count: 1, status: 422 });

        const outcome = await runImport(kind, { file: path });

        assert.equal(outcome.job, undefined);
        assert.ok(api.logLines().some((line) => line.includes(`uploaded ${basename(path)}`)), 'the upload itself went through');
        assert.match(outcome.error ?? '', /GetSales rejected the request/);
        assert.equal(api.commands.lastError()?.kind, 'validation');
        assert.equal(api.jobs.all().length, jobsBefore, 'no job');
        assert.equal(sha(path), before, 'the file is untouched');

        const retried = await runImport(kind, { file: path });
        const job = await finished(retried.job);
        assert.equal(job.status, 'done', job.message);
        assert.equal(job.counts?.saved, 1);
      });

      it('cancelling during the upload leaves no job and no temp copy', async () => {
        const lines = kind === 'contacts'
          ? ['First Name,Email', `Cancelled-é,cancel-${token}@example.com`]
          : ['Company Name,Domain', `Cancelled é ${token},cancel-${token}.example`];
        // Windows-1252, so a converted temp copy exists while uploading.
        const path = write(`cancel-${kind}.csv`, `${lines.join('\r\n')}\r\n`, 'latin1');
        const jobsBefore = api.jobs.all().length;
        await addFault({ method: 'POST', path: '/leads/api/file-imports/upload-csv', count: 1, delayMs: 10_000 });
        const controller = new AbortController();

        const running = runImport(kind, { file: path, signal: controller.signal });
        // The converted copy exists from pre-flight until the upload ends; the delayed upload holds it there.
        await eventually('the converted copy to be made', () => (uploadCopies().length > 0 ? true : undefined), 10_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
        controller.abort();
        const outcome = await running;

        assert.equal(outcome.cancelled, true);
        assert.equal(outcome.job, undefined);
        assert.equal(api.jobs.all().length, jobsBefore, 'no job');
        assert.deepEqual(uploadCopies(), [], 'no temp copy left');
        assert.ok(existsSync(path), 'the source is still there');
      });
    });
  }

  it('a multi-select in the Explorer imports each file in turn: one mapping screen per file', async () => {
    const first = vscode.Uri.file(write('multi-a.csv', `Email\r\nmulti-a-${token}@example.com\r\n`));
    const second = vscode.Uri.file(write('multi-b.csv', `Email\r\nmulti-b-${token}@example.com\r\n`));
    // What the Explorer passes: the clicked file and the whole selection.
    const outcomes = (await vscode.commands.executeCommand(COMMAND.contacts, second, [first, second])) as ImportOutcome[] | undefined;
    assert.deepEqual(outcomes?.map((outcome) => [basename(outcome.file), outcome.screen]), [['multi-a.csv', true], ['multi-b.csv', true]]);
    const labels = (): string[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label);
    await eventually('both mapping tabs', () => (['Import: multi-a.csv', 'Import: multi-b.csv'].every((label) => labels().includes(label)) ? true : undefined), 5_000);
    assert.notEqual(outcomes?.[0]?.importUuid, outcomes?.[1]?.importUuid, 'two uploads');
  });

  it('Open Source CSV opens the file an import came from', async () => {
    const path = write('source-contacts.csv', `Email\r\nsource-${token}@example.com\r\n`);
    const outcome = await runImport('contacts', { file: path });
    assert.ok(outcome.job, `a job was started (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    const opened = (await vscode.commands.executeCommand('getsales.import.openSource', outcome.job.id)) as vscode.Uri | undefined;
    assert.equal(opened?.fsPath, path);
    await eventually('the source to be the active editor', () => (vscode.window.activeTextEditor?.document.uri.fsPath === path ? true : undefined), 5_000);
  });

  it('the interactive command opens the mapping screen as "Import: <file>"', async () => {
    const path = write('screen-contacts.csv', `First Name,Email\r\nScreen,screen-${token}@example.com\r\n`);
    const outcomes = (await vscode.commands.executeCommand(COMMAND.contacts, vscode.Uri.file(path))) as ImportOutcome[] | undefined;
    assert.equal(outcomes?.[0]?.screen, true, `the screen opened (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    const allTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const tab = await eventually(`the mapping tab (tabs: ${allTabs().map((t) => t.label).join(', ')})`, () => allTabs().find((t) => t.label === 'Import: screen-contacts.csv'), 5_000);
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'a webview tab');
    assert.match(tab.input.viewType, /getsalesCsv\.mapping$/);
  });
});
