// The real server's variants on the real workbench: signed in with a key against the
// sandbox in `sister` mode (contract §7: bare start answers, unknown running statuses,
// LinkedIn-type data sources, `completed`/`cancelled` exports, file objects, 404 on the
// undocumented poll paths): a CSV imported through the mapping screen (with an existing
// tag) ends done; Refresh Jobs with LinkedIn-type data sources shows no error; an export
// of all contacts ends done and opens with Download & Open; an export cancelled on the
// server shows as cancelled.
import { strict as assert } from 'node:assert';
import { workbenchSuite } from './support/flow';
import { clickStartImport, openImportScreen, pickList } from './support/import-screen';
import { readNotifications, waitForNotification } from './support/notifications';
import { pickQuickPickItem, runCommand } from './support/palette';
import { pause, retry, until } from './support/retry';
import { enterCredentials } from './support/sign-in';
import { activeTabTitle } from './support/tabs';
import { clickRowAction, openView, treeRow, treeRows, welcomeButton } from './support/tree';

const LIST = 'Demo: Berlin CTOs';
const TROUBLE = /unexpected answer|could not|failed|error/i;

workbenchSuite('sister: the real server’s variants, signed in with a key', { connection: 'signIn', compat: 'sister', batchDelayMs: 1_000 }, (flow) => {
  flow('sign in → import through the mapping screen to done → Refresh Jobs without error → export all → done → Download & Open → an export cancelled on the server shows cancelled', async ({ page, sandbox }) => {
    assert.ok(sandbox, 'the harness’s sister sandbox stands in for the GetSales API');
    const jobs = await openView(page, 'GetSales', 'Jobs');
    await until('the signed-out welcome', async () => ((await welcomeButton(jobs, 'Sign In').count()) > 0 ? true : undefined));
    await welcomeButton(jobs, 'Sign In').click();
    await enterCredentials(page, sandbox.apiKey);
    await waitForNotification(page, /^Signed in to GetSales\./);

    // Import through the mapping screen, with one of the account's tags.
    const screen = await openImportScreen(page, 'contacts.csv');
    await pickList(screen, LIST);
    const tag = screen.locator('#tags vscode-checkbox').first();
    await tag.waitFor({ timeout: 10_000 });
    await tag.click();
    await clickStartImport(screen);
    const status = screen.locator('#job-status');
    await until('the tab to show the import completed', async () => ((await status.textContent())?.startsWith('Completed') ? true : undefined), 90_000);

    // Refresh Jobs: the sister data-sources list is full of LinkedIn-type items; none is an error.
    await openView(page, 'GetSales', 'Jobs');
    const importRow = await treeRow(page, 'Jobs', 'contacts.csv');
    await until('the import to show done in the Jobs view', async () => ((await importRow.textContent())?.includes('done') ? true : undefined), 30_000);
    const before = (await readNotifications(page)).length;
    await runCommand(page, 'GetSales: Refresh Jobs');
    await pause(2_000);
    const after = await readNotifications(page);
    assert.deepEqual(after.slice(0, Math.max(0, after.length - before)).filter((text) => TROUBLE.test(text)), [], `no error after Refresh Jobs: ${after.join(' | ')}`);
    assert.equal(await (await treeRows(page, 'Jobs')).filter({ hasText: /linkedin|sales navigator/i }).count(), 0, 'no LinkedIn-type data source became a job');

    // Export all contacts → done → Download & Open.
    await runCommand(page, 'GetSales: Export Contacts…');
    await pickQuickPickItem(page, 'All');
    const exportRow = await treeRow(page, 'Jobs', 'All contacts');
    await exportRow.waitFor({ timeout: 15_000 });
    await until('the export to end done', async () => ((await exportRow.textContent())?.includes('done') ? true : undefined), 90_000);
    await retry(3, async () => {
      await pause(150);
      await clickRowAction(exportRow, 'Download & Open');
    });
    await until('the export to open as the active tab', async () => {
      const active = await activeTabTitle(page);
      return active !== undefined && /export/i.test(active) ? active : undefined;
    }, 30_000);

    // An export cancelled on the server ends cancelled, with its own words.
    await runCommand(page, 'GetSales: Export Contacts…');
    await pickQuickPickItem(page, 'All');
    const rows = await treeRows(page, 'Jobs');
    await until('a second export to run', async () => ((await rows.filter({ hasText: 'All contacts' }).count()) >= 2 ? true : undefined), 15_000);
    const cancelled = await fetch(`${sandbox.url}/__sandbox/cancel-exports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(cancelled.status, 200);
    assert.equal(((await cancelled.json()) as { cancelled: string[] }).cancelled.length, 1, 'the running export was cancelled on the server');
    await until('the export to show cancelled', async () => ((await rows.filter({ hasText: 'cancelled on GetSales' }).count()) === 1 ? true : undefined), 30_000);
    const shown = [await page.content(), ...(await readNotifications(page))].join('\n');
    assert.ok(!shown.includes(sandbox.apiKey), 'the key is not shown anywhere');
  }, { timeoutMs: 300_000 });
});
