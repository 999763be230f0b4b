// No accidental double import on the real workbench: contacts.csv imported from the
// Explorer into the demo list, then the same file into the same list again → Start asks
// first, in a modal dialog with the words → Show Previous Import → nothing is
// started: the screen says so, the Jobs view still has one contacts.csv job, and that
// earlier job is the selected row.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { workbenchSuite } from './support/flow';
import { clickStartImport, openImportScreen, pickList } from './support/import-screen';
import { runCommand } from './support/palette';
import { until } from './support/retry';
import { treeRows } from './support/tree';
import { activeWebview } from './support/webview';

const LIST = 'Demo: Berlin CTOs';

/** Right-click contacts.csv → Import Contacts → pick the demo list → Start import. */
async function startImportIntoDemoList(page: Page): Promise<void> {
  const screen = await openImportScreen(page, 'contacts.csv');
  await pickList(screen, LIST);
  await clickStartImport(screen);
}

workbenchSuite('double import: the same contacts.csv into the same list asks first', {}, (flow) => {
  flow('import contacts.csv into the demo list twice → the question → Show Previous Import → nothing started, the earlier job selected', async ({ page }) => {
    await startImportIntoDemoList(page);
    const status = activeWebview(page).locator('#job-status');
    await until('the first import to complete', async () => ((await status.textContent())?.startsWith('Completed') ? true : undefined), 60_000);
    await runCommand(page, 'View: Close All Editors');

    await startImportIntoDemoList(page);
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    const text = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(text, /Identical content was imported into "Demo: Berlin CTOs" less than a minute ago \(\d[\d,]* saved(, [^)]+)?\)\. Import again\?/);
    for (const name of ['Import Anyway', 'Show Previous Import', 'Cancel']) assert.equal(await dialog.getByRole('button', { name, exact: true }).count(), 1, `the dialog offers ${name}`);
    await dialog.getByRole('button', { name: 'Show Previous Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    const error = activeWebview(page).locator('#start-error');
    await until('the screen to say nothing was started', async () => ((await error.textContent())?.includes('Not imported again: nothing was started on GetSales.') ? true : undefined), 10_000);
    const rows = (await treeRows(page, 'Jobs')).filter({ hasText: 'contacts.csv' });
    const selected = (await treeRows(page, 'Jobs')).and(page.locator('.selected'));
    await until('the earlier import to be the selected row of the Jobs view', async () => (((await selected.count()) === 1 && (await selected.textContent())?.includes('contacts.csv')) ? true : undefined), 10_000);
    assert.equal(await rows.count(), 1, 'one contacts.csv job: nothing else was started');
  });
});
