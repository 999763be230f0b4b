// The remembered mapping in the CSV editor, in the real extension host: once an import
// saved a mapping for a file's headers, the header line of that CSV gets an inlay hint per
// mapped cell and an "Import … to GetSales" CodeLens (one per remembered kind) that opens
// the mapping screen; editing the header line moves or removes them; the
// getsales.showMappingInEditor setting turns them off.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { GetSalesExtensionApi } from '../../src/host/api';
import type { ImportOutcome } from '../../src/host/import';
import { extensionApi, eventually } from './support/api';

interface Hint {
  readonly label: string;
  readonly character: number;
}

function labelText(label: string | vscode.InlayHintLabelPart[]): string {
  return typeof label === 'string' ? label : label.map((part) => part.value).join('');
}

async function hintsOf(document: vscode.TextDocument): Promise<Hint[]> {
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
  return hints.map((hint) => ({ label: labelText(hint.label), character: hint.position.character }))
    .sort((a, b) => a.character - b.character || a.label.localeCompare(b.label));
}

async function lensesOf(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return lenses.filter((lens) => lens.command?.command.startsWith('getsales.') === true);
}

/** Resolves with the value once `read` gives what `matches` accepts; fails with the last value seen. */
async function settles<T>(what: string, read: () => Promise<T>, matches: (value: T) => boolean): Promise<T> {
  let last: T | undefined;
  try {
    return await eventually(what, async () => {
      last = await read();
      return matches(last) ? last : undefined;
    }, 10_000);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last seen: ${JSON.stringify(last)}`, { cause: error });
  }
}

describe('mapping in the CSV editor: inlay hints and CodeLens on the header line', () => {
  let api: GetSalesExtensionApi;
  let scratch: string;
  let listUuid: string;
  const token = randomBytes(4).toString('hex');
  // A column unique to this run, so the headers' fingerprint is too.
  const header = `First Name,Last Name,Email,Company,Ref ${token}`;

  before(async () => {
    api = await extensionApi();
    await api.connection.restore(process.env);
    scratch = mkdtempSync(join(tmpdir(), 'getsales-hints-test-'));
    listUuid = (await api.connection.requireClient().createList(`Hint tests ${token}`)).uuid;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('getsales').update('showMappingInEditor', undefined, vscode.ConfigurationTarget.Global);
    rmSync(scratch, { recursive: true, force: true });
  });

  async function importRemembering(kind: 'contacts' | 'companies', file: vscode.Uri, mapping: (string | null)[]): Promise<void> {
    const command = kind === 'contacts' ? 'getsales.importContacts' : 'getsales.importCompanies';
    const target = kind === 'contacts' ? { listUuid } : { listUuids: [listUuid] };
    const outcomes = await vscode.commands.executeCommand<ImportOutcome[] | undefined>(command, { file, mapping, saveMapping: true, interactive: false, ...target });
    assert.ok(outcomes?.[0]?.job, `the ${kind} import started and saved its mapping (last error: ${api.commands.lastError()?.message ?? 'none'})`);
  }

  it('shows the remembered mapping, follows header edits, a second kind and the setting', async function () {
    this.timeout(180_000); // two imports and a mapping screen on a loaded machine
    const path = join(scratch, `hints-${token}.csv`);
    writeFileSync(path, `${header}\r\nAda,Lovelace,hints-${token}@example.com,Analytical Engines,1\r\n`);
    const uri = vscode.Uri.file(path);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.deepEqual(await hintsOf(document), [], 'nothing before a mapping was remembered for these headers');
    assert.deepEqual(await lensesOf(document), []);

    await importRemembering('contacts', uri, ['first_name', 'last_name', 'work_email', 'company_name', null]);

    // After each cell: "First Name" ends at 10, "Last Name" at 20, "Email" at 26, "Company" at 34.
    const expected = [
      { label: '→ First name', character: 10 },
      { label: '→ Last name', character: 20 },
      { label: '→ Work email', character: 26 },
      { label: '→ Company', character: 34 },
    ];
    await settles('the hints after the header cells', () => hintsOf(document), (hints) => JSON.stringify(hints) === JSON.stringify(expected));
    const [lens, ...more] = await lensesOf(document);
    assert.equal(more.length, 0, 'one lens for the one remembered kind');
    assert.equal(lens?.range.start.line, 0, 'above the first line');
    assert.equal(lens?.command?.title, 'Import Contacts to GetSales · 4 of 5 columns mapped');
    assert.equal(lens?.command?.command, 'getsales.importContacts');

    // The lens opens the mapping screen for this file.
    const outcomes = await vscode.commands.executeCommand<ImportOutcome[] | undefined>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.equal(outcomes?.[0]?.screen, true, `the lens opened the mapping screen (last error: ${api.commands.lastError()?.message ?? 'none'})`);
    const tabs = (): string[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label);
    await eventually(`the mapping tab (tabs: ${tabs().join(', ')})`, () => tabs().find((label) => label === `Import: hints-${token}.csv`), 5_000);
    await vscode.window.showTextDocument(document);

    // " Email " is the same header as "Email" (spacing aside), two characters longer: the hints move.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 21, 0, 26), ' Email ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await settles('the hints to follow the edited header', () => hintsOf(document), (hints) => hints.map((h) => h.character).join() === '10,20,28,36');

    const renamed = new vscode.WorkspaceEdit();
    renamed.replace(uri, new vscode.Range(0, 21, 0, 28), 'Mail to');
    assert.ok(await vscode.workspace.applyEdit(renamed));
    await settles('no hints for headers without a remembered mapping', () => hintsOf(document), (hints) => hints.length === 0);
    assert.deepEqual(await lensesOf(document), []);

    const back = new vscode.WorkspaceEdit();
    back.replace(uri, new vscode.Range(0, 0, 0, document.lineAt(0).text.length), header);
    assert.ok(await vscode.workspace.applyEdit(back));
    await settles('the hints back with the header', () => hintsOf(document), (hints) => hints.length === 4);

    // Companies remembered for the same headers (from another file): a lens each, the hints name their kind.
    const companiesFile = join(scratch, `hints-companies-${token}.csv`);
    writeFileSync(companiesFile, `${header}\r\n,,,Analytical Engines ${token},2\r\n`);
    await importRemembering('companies', vscode.Uri.file(companiesFile), [null, null, null, 'name', null]);
    const titles = await settles('a lens per kind', async () => (await lensesOf(document)).map((l) => l.command?.title), (list) => list.length === 2);
    assert.deepEqual(titles, ['Import Contacts to GetSales · 4 of 5 columns mapped', 'Import Companies to GetSales · 1 of 5 columns mapped']);
    const both = await hintsOf(document);
    assert.ok(both.some((h) => h.label === '→ Contacts: Company' && h.character === 34), JSON.stringify(both));
    assert.ok(both.some((h) => h.label === '→ Companies: Company name' && h.character === 34), JSON.stringify(both));

    await vscode.workspace.getConfiguration('getsales').update('showMappingInEditor', false, vscode.ConfigurationTarget.Global);
    await settles('no hints with the setting off', () => hintsOf(document), (hints) => hints.length === 0);
    assert.deepEqual(await lensesOf(document), [], 'no lens with the setting off');
    await vscode.workspace.getConfiguration('getsales').update('showMappingInEditor', undefined, vscode.ConfigurationTarget.Global);
    await settles('the hints back with the setting on', () => hintsOf(document), (hints) => hints.length === 5);
    assert.equal(readFileSync(path, 'utf8').split('\r\n')[0], header, 'the CSV on disk is as written: hints, lens and edits never save it');
  });
});
