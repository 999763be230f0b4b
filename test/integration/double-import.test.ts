// No accidental double import, in the real extension host against the harness's sandbox:
// importing content this connection already imported into the same list asks first, in
// the issue's words, and only Import Anyway starts it (Cancel and Show Previous Import
// start nothing); other content, another list, an earlier import that imported nothing,
// and scripts that do not ask go ahead without a question. The modal question is answered
// through the test API's hook, which also records what was asked.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Job } from '../../src/core/jobs';
import type { GetSalesExtensionApi } from '../../src/host/api';
import type { ImportOutcome } from '../../src/host/import';
import type { ModalQuestion } from '../../src/host/modal-questions';
import { extensionApi, eventually, finished as finishedJob, switchSandbox } from './support/api';

const IMPORT_ANYWAY = 'Import Anyway';
const SHOW_PREVIOUS_IMPORT = 'Show Previous Import';

describe('double import: identical content into the same list asks first (doc sandbox)', () => {
  let api: GetSalesExtensionApi;
  let scratch: string;
  const token = randomBytes(4).toString('hex');
  const listName = `Webinar leads ${token}`;
  let webinar: string;
  let newsletter: string;
  /** Every question asked, and the answer the next one gets. */
  const asked: ModalQuestion[] = [];
  let answer: string | undefined;
  let hook: vscode.Disposable | undefined;

  const contacts = (prefix: string): string => `First Name,Email\r\n${['Ada', 'Grace', 'Linus'].map((name) => `${name},${prefix}-${name.toLowerCase()}-${token}@example.com`).join('\r\n')}\r\n`;

  before(async () => {
    api = await extensionApi();
    await switchSandbox(api, 'doc');
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    scratch = mkdtempSync(join(tmpdir(), 'getsales-double-import-test-'));
    const client = api.connection.requireClient();
    webinar = (await client.createList(listName)).uuid;
    newsletter = (await client.createList(`Newsletter ${token}`)).uuid;
    hook = api.questions.answerWith((question) => {
      asked.push(question);
      return answer;
    });
  });

  afterEach(() => {
    asked.length = 0;
    answer = undefined;
  });

  after(async () => {
    hook?.dispose();
    await eventually('running jobs to end', () => (api.jobs.active().length === 0 ? true : undefined), 25_000);
    await vscode.workspace.getConfiguration('getsales').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    rmSync(scratch, { recursive: true, force: true });
  });

  function write(name: string, text: string): string {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  }

  async function runImport(path: string, options: Record<string, unknown> = {}): Promise<ImportOutcome> {
    const outcomes: unknown = await vscode.commands.executeCommand('getsales.importContacts', { file: path, listUuid: webinar, interactive: false, askIfImportedBefore: true, ...options });
    assert.ok(Array.isArray(outcomes) && outcomes.length === 1, `one outcome (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    return outcomes[0] as ImportOutcome;
  }

  function finished(job: Job | undefined): Promise<Job> {
    return finishedJob(api, job);
  }

  const importStarts = (): number => api.logLines().filter((line) => /POST \S*\/import-leads/.test(line)).length;

  it('asks in the words of the issue before importing the same content into the same list again; Import Anyway imports it', async () => {
    const first = await finished((await runImport(write('webinar.csv', contacts('first')))).job);
    assert.equal(first.status, 'done', first.message);
    assert.equal(first.counts?.saved, 3);
    assert.equal(asked.length, 0, 'the first import asks nothing');
    assert.match(String(first.data.contentHash), /^[0-9a-f]{64}$/, 'the job keeps its content hash');

    // The same bytes under another name: the content is what counts.
    answer = IMPORT_ANYWAY;
    const again = await runImport(write('webinar copy.csv', contacts('first')));

    assert.equal(asked.length, 1, 'asked once');
    assert.equal(asked[0]?.message, `Identical content was imported into "${listName}" less than a minute ago (3 saved). Import again?`);
    assert.deepEqual(asked[0]?.buttons, [IMPORT_ANYWAY, SHOW_PREVIOUS_IMPORT]);
    const second = await finished(again.job);
    assert.equal(second.counts?.duplicates, 3, 'imported again: the same three contacts, now duplicates');
    assert.equal(second.data.contentHash, first.data.contentHash);
  });

  it('Cancel starts nothing, and the outcome names the import kept', async () => {
    const path = write('webinar again.csv', contacts('first'));
    const jobsBefore = api.jobs.all().length;
    const startsBefore = importStarts();
    answer = undefined;

    const outcome = await runImport(path);

    assert.equal(asked.length, 1);
    // The newest earlier import is the one named: the second, with its duplicates.
    assert.equal(asked[0]?.message, `Identical content was imported into "${listName}" less than a minute ago (0 saved, 3 duplicates). Import again?`);
    assert.equal(outcome.job, undefined);
    assert.equal(outcome.cancelled, true);
    const kept = api.jobs.get(outcome.keptImport ?? '');
    assert.equal(kept?.counts?.duplicates, 3, 'the newest earlier import');
    assert.equal(api.jobs.all().length, jobsBefore, 'no job');
    assert.equal(importStarts(), startsBefore, 'no import was started on the server');
  });

  it('Show Previous Import starts nothing either', async () => {
    const jobsBefore = api.jobs.all().length;
    answer = SHOW_PREVIOUS_IMPORT;

    const outcome = await runImport(write('webinar once more.csv', contacts('first')));

    assert.equal(asked.length, 1);
    assert.equal(outcome.job, undefined);
    assert.ok(outcome.keptImport !== undefined && api.jobs.get(outcome.keptImport) !== undefined, 'names the job it showed');
    assert.equal(api.jobs.all().length, jobsBefore, 'no job');
    assert.ok(api.logLines().some((line) => line.includes('webinar once more.csv not imported again')), 'the log says why');
  });

  it('does not ask for other content, another list, or a script that does not ask', async () => {
    answer = undefined; // a question would cancel: each import below must start

    const otherContent = await runImport(write('webinar changed.csv', contacts('first').replace('Linus', 'Linda')));
    const otherList = await runImport(write('newsletter.csv', contacts('first')), { listUuid: newsletter });
    const unasked = await runImport(write('scripted.csv', contacts('first')), { askIfImportedBefore: false });

    assert.equal(asked.length, 0, asked.map((question) => question.message).join(' | '));
    for (const outcome of [otherContent, otherList, unasked]) await finished(outcome.job);
    assert.ok(api.logLines().some((line) => line.includes('scripted.csv has the content') && line.includes('a scripted import does not ask')), 'the script is told in the log');
  });

  it('does not ask when the earlier import imported nothing (every row refused)', async () => {
    const refused = `First Name,Email\r\nNobody,\r\nNoone,\r\n`;
    const first = await finished((await runImport(write('no-identifiers.csv', refused))).job);
    assert.equal(first.status, 'partial');
    assert.equal(first.counts?.saved, 0);
    answer = undefined;

    const again = await runImport(write('no-identifiers again.csv', refused));

    assert.equal(asked.length, 0, 'nothing was imported the first time: no question');
    await finished(again.job);
  });
});
