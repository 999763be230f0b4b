// Export flow on the real workbench: Export Contacts… from the palette (its "All" item
// gains the record count once the sandbox tells it) → A list… → the sandbox's demo list
// (which gains its own count while highlighted) → the job completes in the Jobs view →
// its inline "Download & Open" → the CSV is the active editor tab, shows the export
// header, and sits in the workspace's getsales-exports/ folder.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACT_FIELDS } from '../../src/core/mapping/catalogue';
import { workbenchSuite } from './support/flow';
import { clickExplorerContextMenuItem, explorerContextMenuItems } from './support/explorer';
import { notificationDetails, readNotifications, waitForNotification } from './support/notifications';
import { highlightQuickPickItem, pickQuickPickItem, quickPickRow, runCommand } from './support/palette';
import { pause, retry, until } from './support/retry';
import { activeTabTitle } from './support/tabs';
import { clickRowAction, openActivityBarContainer, openView, treeRow } from './support/tree';

const LIST = 'Demo: Berlin CTOs';
const JOB_LABEL = `Contacts in ${LIST}`;
const HEADER = ['uuid', ...CONTACT_FIELDS.map((field) => field.name)].join(',');

workbenchSuite('export: a list of contacts, downloaded and opened', {}, (flow) => {
  flow('Export Contacts → A list… → the demo list → done in Jobs → Download & Open → the CSV is the active tab', async ({ page, workspace, sandbox }) => {
    // The view's menus arrive with it: open it before anything else.
    await openView(page, 'GetSales', 'Jobs');
    await runCommand(page, 'GetSales: Export Contacts…');
    // The picker is open at once; the count arrives into it.
    const all = quickPickRow(page, 'All').locator('.label-description');
    await until('the count beside All', async () => (/^every contact in the workspace · \d[\d,]* contacts?$/.test(((await all.textContent()) ?? '').trim()) ? true : undefined), 15_000);
    await pickQuickPickItem(page, 'A list…');
    // Highlighted (by typing its name), the list gains its own count; Enter then picks it.
    await highlightQuickPickItem(page, LIST);
    const list = quickPickRow(page, LIST).locator('.label-description');
    await until('the count beside the list', async () => (/· \d[\d,]* contacts?$/.test(((await list.textContent()) ?? '').trim()) ? true : undefined), 15_000);
    await page.keyboard.press('Enter');

    const row = await treeRow(page, 'Jobs', JOB_LABEL);
    await row.waitFor({ timeout: 15_000 });
    await until('the export to finish in the Jobs view', async () => ((await row.textContent())?.includes('done') ? true : undefined));

    // The download answers 2.5 s late, so its progress notification is seen before it must be gone.
    assert.ok(sandbox, 'the workbench runs against the harness’s sandbox');
    const fault = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/leads/api/file-exports/download', delayMs: 2_500 }),
    });
    assert.equal(fault.status, 200, await fault.text());
    await retry(3, async () => {
      await pause(150);
      await clickRowAction(row, 'Download & Open');
    });
    await waitForNotification(page, /Downloading/, 10_000);

    const title = await until('the export to open as the active tab', async () => {
      const active = await activeTabTitle(page);
      // The tab's label-name may leave the extension to a separate span.
      return active !== undefined && /^contacts-export-\d{8}-\d{6}-[0-9a-f]{8}(\.csv)?$/.test(active) ? active.replace(/(\.csv)?$/, '.csv') : undefined;
    });
    const firstLines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
    await until('the header line to render', async () => {
      const lines = await firstLines.allTextContents();
      return lines.some((line) => line.replace(/\u00a0/g, ' ').trim() === HEADER) ? true : undefined;
    }, 15_000);

    const folder = join(workspace, 'getsales-exports');
    assert.deepEqual(readdirSync(folder), [title], 'one file, in the workspace’s getsales-exports/');
    assert.equal(readFileSync(join(folder, title), 'utf8').split('\r\n')[0], HEADER);

    await until('the "Downloading" progress to close', async () => ((await readNotifications(page)).some((text) => /Downloading/.test(text)) ? undefined : true), 10_000);

    // The item now shows where the file went and offers Open Again instead.
    await until('the item to show the local path', async () => ((await row.textContent())?.includes(`getsales-exports/${title}`) ? true : undefined), 10_000);
    await row.hover();
    await row.locator('.actions .action-label[aria-label="Open Again"]').waitFor({ timeout: 5_000 });
  });

  flow('the Explorer menu of a CSV offers “Export these Contacts from GetSales”; a CSV without a uuid column is refused with a clear message', async ({ page }) => {
    const item = 'Export these Contacts from GetSales';
    await openActivityBarContainer(page, 'Explorer');
    const csvItems = await explorerContextMenuItems(page, 'contacts.csv', { waitFor: item });
    assert.ok(csvItems.includes(item), `contacts.csv menu lacks "${item}": ${csvItems.join(' | ')}`);
    const txtItems = await explorerContextMenuItems(page, 'notes.txt');
    assert.ok(!txtItems.includes(item), 'not offered on a .txt file');
    await clickExplorerContextMenuItem(page, 'contacts.csv', item);
    const refused = /contacts\.csv cannot say which records to export: it has no uuid column/;
    const message = await waitForNotification(page, refused);
    assert.doesNotMatch(message, /Use a CSV exported from GetSales/, 'the notification leads with the reason alone');
    assert.match(await notificationDetails(page, refused), /Use a CSV exported from GetSales/);
  });
});
