// The remembered mapping in the CSV editor, on the real workbench: import contacts.csv
// through the mapping screen (which remembers its mapping), then open contacts.csv in a
// text editor: a CodeLens "Import Contacts to GetSales · N of 8 columns mapped" sits above
// the first line and inlay hints ("→ Work email") follow the header cells on it.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { workbenchSuite } from './support/flow';
import { clickStartImport, openImportScreen, pickList } from './support/import-screen';
import { explorerRow } from './support/explorer';
import { until } from './support/retry';
import { editorTab } from './support/tabs';

const LIST = 'Demo: Berlin CTOs';

/** The text of the editor line that starts with `start`, inlay hints included (they render as spans in the line). */
async function editorLineText(page: Page, start: string): Promise<string | undefined> {
  const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').allTextContents();
  // Monaco renders spaces as non-breaking ones.
  return lines.map((line) => line.replace(/\u00a0/g, ' ')).find((line) => line.startsWith(start));
}

const started = Date.now();
/** Where a slow flow spent its time, in the test output. */
function step(what: string): void {
  console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${what}`);
}

workbenchSuite('mapping in the CSV editor: CodeLens and inlay hints on the header line', {}, (flow) => {
  flow('import contacts.csv once → open it → the lens and the field hints on its first line', async ({ page }) => {
    const screen = await openImportScreen(page, 'contacts.csv', 60_000);
    await pickList(screen, LIST);
    await clickStartImport(screen);
    step('import started');
    await until('the import to complete', async () => ((await screen.locator('#job-status').textContent())?.startsWith('Completed') ? true : undefined), 60_000);

    step('import completed');
    await explorerRow(page, 'contacts.csv').dblclick();
    await editorTab(page, /^contacts\.csv/).waitFor({ timeout: 30_000 });
    step('contacts.csv open');

    const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration').first();
    const title = await until('the Import lens above the first line', async () => {
      const text = (await lens.count()) > 0 ? (await lens.textContent())?.trim() : undefined;
      return text !== undefined && text.startsWith('Import Contacts') ? text : undefined;
    }, 60_000);
    step('lens shown');
    assert.match(title, /^Import Contacts to GetSales · [1-8] of 8 columns mapped$/);

    const header = await until('the field hints on the header line', async () => {
      const text = await editorLineText(page, 'First Name');
      return text?.includes('→ Work email') === true ? text : undefined;
    }, 30_000);
    // VS Code cuts a line's hints beyond editor.inlayHints.maximumLength (43 characters by default): the first ones show whole.
    for (const hint of ['→ First name', '→ Last name', '→ Work email']) {
      assert.ok(header.includes(hint), `"${hint}" on the header line: ${header}`);
    }
    assert.ok(header.indexOf('Email') < header.indexOf('→ Work email') && header.indexOf('→ Work email') < header.indexOf('Company'), `the hint follows its cell: ${header}`);
  }, { timeoutMs: 300_000 }); // an import through the mapping screen first, on a loaded machine
});
