// Export flow on the real workbench: Export Contacts… from the palette → A list… → the
// sandbox's demo list → the job completes in the Jobs view → its inline "Download & Open"
// → the CSV is the active editor tab, shows the export header, and sits in the
// workspace's getsales-exports/ folder.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACT_FIELDS } from '../../src/core/csv/catalogue';
import { workbenchSuite } from './support/flow';
import type { Page } from 'playwright-core';
import { clickExplorerContextMenuItem, explorerContextMenuItems } from './support/explorer';
import { waitForNotification } from './support/notifications';
import { pickQuickPickItem } from './support/palette';
import { pause, retry } from './support/retry';
import { activeTabTitle } from './support/tabs';
import { openActivityBarContainer, viewPane, viewPaneHeader } from './support/tree';

const LIST = 'Demo: Berlin CTOs';
const JOB_LABEL = `Contacts in ${LIST}`;
const HEADER = ['uuid', ...CONTACT_FIELDS.map((field) => field.name)].join(',');

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await pause(250);
  }
}

/**
 * Runs a palette command that answers with a quick pick of its own. (runCommand waits for
 * the palette to close, which never happens when the command opens the next pick.)
 */
async function runCommandIntoPick(page: Page, title: string, expectedItem: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const row = (label: string) => widget.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name').getByText(label, { exact: true }) }).first();
  await retry(3, async () => {
    await page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement) active.blur();
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await widget.locator('.quick-input-box input').fill(`>${title}`, { timeout: 5_000 });
    await row(title).click({ timeout: 5_000 });
    await row(expectedItem).waitFor({ timeout: 10_000 });
  });
}

workbenchSuite('export: a list of contacts, downloaded and opened', {}, (flow) => {
  flow('Export Contacts → A list… → the demo list → done in Jobs → Download & Open → the CSV is the active tab', async ({ page, workspace }) => {
    // The view's menus arrive with it: open the container and wait for the view first.
    // Jobs is the container's only view, so its pane header is attached but hidden.
    await openActivityBarContainer(page, 'GetSales');
    await viewPaneHeader(page, 'Jobs').waitFor({ state: 'attached', timeout: 30_000 });
    await runCommandIntoPick(page, 'GetSales: Export Contacts…', 'A list…');
    await pickQuickPickItem(page, 'A list…');
    await pickQuickPickItem(page, LIST);

    const row = viewPane(page, 'Jobs').locator('.pane-body .monaco-list-row').filter({ hasText: JOB_LABEL }).first();
    await row.waitFor({ timeout: 15_000 });
    await until('the export to finish in the Jobs view', async () => ((await row.textContent())?.includes('done') ? true : undefined));

    await retry(3, async () => {
      await row.hover();
      await pause(150);
      await row.locator('.actions .action-label[aria-label="Download & Open"]').click({ timeout: 5_000 });
    });

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
    const message = await waitForNotification(page, /contacts\.csv cannot say which records to export: it has no uuid column/);
    assert.match(message, /Use a CSV exported from GetSales/);
  });
});
