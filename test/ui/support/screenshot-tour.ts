// `npm run screenshots`: drives the real workbench through the main surfaces and saves
// PNGs for the README to media/screenshots/. Add a step per new surface.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../harness/paths';
import { clickStartImport, openImportScreen, pickList } from './import-screen';
import { writeContactsCsv } from '../../fixtures/generate-contacts';
import { answerDialog } from './dialog';
import { clickExplorerContextMenuItem, explorerContextMenuItems, explorerRow, openExplorerContextMenu } from './explorer';
import { quickPickRow, runCommand } from './palette';
import { pause, until } from './retry';
import { editorTab } from './tabs';
import { openActivityBarContainer, openView, treeRow } from './tree';
import { activeWebview } from './webview';
import { launchWorkbench } from './workbench';

const OUT_DIR = join(REPO_ROOT, 'media', 'screenshots');

interface Shot {
  file: string;
  /** Puts the workbench in the state to capture; `workspace` is the opened folder's path. */
  stage(page: Page, workspace: string): Promise<void>;
}

const SHOTS: Shot[] = [
  {
    file: 'workbench.png',
    async stage(page) {
      await explorerRow(page, 'contacts.csv').dblclick();
      await openActivityBarContainer(page, 'GetSales');
      await page.mouse.move(900, 600); // no hover tooltip in the picture
      await pause(1000);
    },
  },
  {
    file: 'explorer-context-menu.png',
    async stage(page) {
      await page.locator('.activitybar li.action-item').filter({ has: page.locator('a.action-label[aria-label^="Explorer"]') }).first().click();
      // Wait until the extension's items are in the menu, then leave it open for the shot.
      await explorerContextMenuItems(page, 'contacts.csv', { waitFor: 'Import Contacts to GetSales…', timeoutMs: 15_000 });
      await openExplorerContextMenu(page, 'contacts.csv');
      await pause(300);
    },
  },
  {
    file: 'mapping-screen.png',
    async stage(page) {
      await clickExplorerContextMenuItem(page, 'contacts.csv', 'Import Contacts to GetSales…');
      await editorTab(page, 'Import: contacts.csv').waitFor({ timeout: 30_000 });
      const screen = activeWebview(page);
      await screen.locator('section.preview tbody tr').first().waitFor({ timeout: 30_000 });
      await screen.locator('#list-picker').click();
      await screen.locator('#list-picker vscode-option').getByText('Demo: Berlin CTOs', { exact: true }).click();
      await until('Start import to be enabled', async () => ((await screen.locator('#start-import').getAttribute('disabled')) === null ? true : undefined), 20_000);
      // Picking the list scrolled down: the picture starts at the preview.
      await screen.locator('html').evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(900, 850);
      await pause(500);
    },
  },
  {
    file: 'jobs-view.png',
    async stage(page) {
      // Starts the import staged above and shows it finished in the tab and the Jobs view.
      await activeWebview(page).locator('#start-import').click();
      await openView(page, 'GetSales', 'Jobs');
      const row = await treeRow(page, 'Jobs', 'contacts.csv');
      await until('the import to end in the Jobs view', async () => (/done|error/.test((await row.textContent()) ?? '') ? true : undefined), 60_000);
      await page.mouse.move(900, 850);
      await pause(800);
    },
  },
  {
    file: 'mapping-in-editor.png',
    async stage(page) {
      // The import above remembered its mapping: contacts.csv shows it on its header line.
      await openActivityBarContainer(page, 'Explorer');
      await explorerRow(page, 'contacts.csv').dblclick();
      await editorTab(page, /^contacts\.csv/).waitFor({ timeout: 30_000 });
      const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration').first();
      await until('the Import lens', async () => ((await lens.count()) > 0 && ((await lens.textContent()) ?? '').startsWith('Import Contacts') ? true : undefined), 60_000);
      await page.mouse.move(900, 850);
      await pause(800);
    },
  },
  {
    file: 'double-import-question.png',
    async stage(page) {
      // contacts.csv went to the demo list above: the same file, the same list, Start again.
      await runCommand(page, 'View: Close All Editors');
      const screen = await openImportScreen(page, 'contacts.csv');
      await pickList(screen, 'Demo: Berlin CTOs');
      await clickStartImport(screen);
      // The modal question; Escape after the shot answers Cancel, so nothing is imported twice.
      await page.locator('.monaco-dialog-box').waitFor({ timeout: 20_000 });
      await page.mouse.move(900, 850);
      await pause(500);
    },
  },
  {
    file: 'export-picker-count.png',
    async stage(page) {
      await page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: 10_000 });
      await runCommand(page, 'View: Close All Editors');
      await openView(page, 'GetSales', 'Jobs');
      await runCommand(page, 'GetSales: Export Contacts…');
      // The palette's click left the mouse on the picker: away from it, so no hover covers the picture.
      await page.mouse.move(900, 850);
      const all = quickPickRow(page, 'All').locator('.label-description');
      await until('the count beside All', async () => (/· \d[\d,]* contacts?$/.test(((await all.textContent()) ?? '').trim()) ? true : undefined), 30_000);
      await until('no hover over the picker', async () => ((await page.locator('.workbench-hover').filter({ visible: true }).count()) === 0 ? true : undefined), 10_000);
      await pause(500);
    },
  },
  {
    file: 'import-parts.png',
    async stage(page, workspace) {
      // A 40 MB file (generated here, never committed) goes up in 3 parts: the parent and its parts in the Jobs view.
      await page.keyboard.press('Escape');
      await writeContactsCsv(join(workspace, 'big-contacts.csv'), 40 * 1024 * 1024, { tag: 'tour' });
      await openActivityBarContainer(page, 'Explorer');
      await runCommand(page, 'Refresh Explorer');
      await explorerRow(page, 'big-contacts.csv').waitFor({ timeout: 30_000 });
      await clickExplorerContextMenuItem(page, 'big-contacts.csv', 'Import Contacts to GetSales…');
      await answerDialog(page, 'Import in 3 Parts');
      await editorTab(page, 'Import: big-contacts.csv').waitFor({ timeout: 60_000 });
      const screen = activeWebview(page);
      await screen.locator('#parts-note').waitFor({ timeout: 30_000 });
      await screen.locator('#list-picker').click();
      await screen.locator('#list-picker vscode-option').getByText('Demo: Berlin CTOs', { exact: true }).click();
      await until('Start import to be enabled', async () => ((await screen.locator('#start-import').getAttribute('disabled')) === null ? true : undefined), 30_000);
      await screen.locator('#start-import').click();
      await openView(page, 'GetSales', 'Jobs');
      const parent = await treeRow(page, 'Jobs', 'big-contacts.csv');
      await until('the import in parts to end', async () => ((await parent.textContent())?.includes('done') ? true : undefined), 240_000);
      // The tab's end: the parts' summed counts in one sentence.
      await screen.locator('#job-counts').scrollIntoViewIfNeeded();
      await page.mouse.move(900, 850);
      await pause(800);
    },
  },
];

export async function takeScreenshots(): Promise<string[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const workbench = await launchWorkbench();
  const written: string[] = [];
  try {
    for (const shot of SHOTS) {
      await shot.stage(workbench.page, workbench.workspace);
      const path = join(OUT_DIR, shot.file);
      await workbench.page.screenshot({ path });
      written.push(path);
      await workbench.page.keyboard.press('Escape');
    }
  } catch (error) {
    const failure = await workbench.screenshot('screenshots-failed').catch(() => undefined);
    if (failure !== undefined) console.error(`screenshot of the failure: ${failure}`);
    throw error;
  } finally {
    await workbench.close();
  }
  return written;
}
