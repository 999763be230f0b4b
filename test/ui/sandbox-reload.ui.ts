// The local sandbox is a connection the user chose, and it outlives a window reload:
// Try the Local Sandbox → import contacts.csv through the mapping screen → export all
// companies (not downloaded yet) → Developer: Reload Window → the workbench comes back
// still connected to the sandbox (status item, side bar title), both jobs are there,
// Refresh Job on the import answers without an error, and the export made before the
// reload downloads and opens after it.
import { strict as assert } from 'node:assert';
import { workbenchSuite } from './support/flow';
import { clickStartImport, openImportScreen, pickList } from './support/import-screen';
import { readNotifications } from './support/notifications';
import { pickQuickPickItem, runCommand } from './support/palette';
import { until } from './support/retry';
import { statusBarItem } from './support/statusbar';
import { editorTab } from './support/tabs';
import { clickRowAction, openView, treeRow, waitForSideBarTitle, welcomeButton } from './support/tree';

const SANDBOX_STATUS = 'GetSales Sandbox';
const LIST = 'Demo: Berlin CTOs';

workbenchSuite('sandbox reload: the local sandbox and its jobs survive a window reload', { connection: 'none' }, (flow) => {
  flow('Try the Local Sandbox → import → export → Reload Window → still the sandbox, the import refreshes, the export downloads', async ({ page }) => {
    const jobs = await openView(page, 'GetSales', 'Jobs');
    await welcomeButton(jobs, 'Try the Local Sandbox').click();
    await statusBarItem(page, SANDBOX_STATUS).waitFor({ timeout: 30_000 });

    // An import through the mapping screen.
    const screen = await openImportScreen(page, 'contacts.csv');
    await pickList(screen, LIST);
    await clickStartImport(screen);
    await until('the tab to show the import completed', async () => ((await screen.locator('#job-status').textContent())?.startsWith('Completed') ? true : undefined), 60_000);

    // An export, left for after the reload.
    await runCommand(page, 'GetSales: Export Companies…');
    await pickQuickPickItem(page, 'All');
    await openView(page, 'GetSales', 'Jobs');
    const exportRow = await treeRow(page, 'Jobs', 'All companies');
    await until('the export to end done', async () => ((await exportRow.textContent())?.includes('done') ? true : undefined), 60_000);

    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await statusBarItem(page, SANDBOX_STATUS).waitFor({ timeout: 60_000 });
    await openView(page, 'GetSales', 'Jobs');
    await waitForSideBarTitle(page, /Jobs \(Sandbox\)/, 30_000);

    const importRow = await treeRow(page, 'Jobs', 'contacts.csv');
    await importRow.waitFor({ timeout: 15_000 });
    await clickRowAction(importRow, 'Refresh Job');
    await until('the refreshed import to stay done', async () => ((await importRow.textContent())?.includes('done') ? true : undefined), 15_000);

    const exportAfter = await treeRow(page, 'Jobs', 'All companies');
    await clickRowAction(exportAfter, 'Download & Open');
    await editorTab(page, /companies-export-.*\.csv/).waitFor({ timeout: 30_000 });
    await until('the row to name the downloaded file', async () => ((await exportAfter.textContent())?.includes('companies-export-') ? true : undefined), 15_000);
    const problems = (await readNotifications(page)).filter((text) => /could not|no longer known|404|failed/i.test(text));
    assert.deepEqual(problems, [], 'neither Refresh Job nor the download after the reload raised an error');
  }, { timeoutMs: 240_000 });
});
