// The Explorer and its context menu. A context menu is fixed when it opens, and the
// extension's items arrive a little after the Explorer, so reading or clicking an item
// reopens the menu until the item is there.
import type { Locator, Page } from 'playwright-core';
import { MENU, closeMenus, menuItem, menuItemTitles } from './context-menu';
import { pause, retry } from './retry';

export function explorerRow(page: Page, fileName: string): Locator {
  return page.locator('.explorer-folders-view .monaco-list-row').filter({
    has: page.locator('.label-name').getByText(fileName, { exact: true }),
  }).first();
}

/** Right-clicks the file's row and returns the visible item titles of its context menu. */
export async function openExplorerContextMenu(page: Page, fileName: string): Promise<string[]> {
  await closeMenus(page);
  const row = explorerRow(page, fileName);
  await row.click();
  await row.click({ button: 'right' });
  await page.locator(MENU).first().waitFor({ timeout: 10_000 });
  return menuItemTitles(page);
}

/**
 * The context menu titles of a file. With `waitFor`, reopens the menu until that item
 * shows (or `timeoutMs` ends) — for items an extension contributes.
 */
export async function explorerContextMenuItems(page: Page, fileName: string, options: { waitFor?: string; timeoutMs?: number } = {}): Promise<string[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 90_000); // ends as soon as the item shows; a busy machine needs the margin
  for (;;) {
    const titles = await openExplorerContextMenu(page, fileName);
    await closeMenus(page);
    if (options.waitFor === undefined || titles.includes(options.waitFor) || Date.now() > deadline) return titles;
    await pause(500);
  }
}

/** Runs a context menu item of a file: reopen until present, hover, click (retried once). */
export async function clickExplorerContextMenuItem(page: Page, fileName: string, title: string): Promise<void> {
  const titles = await explorerContextMenuItems(page, fileName, { waitFor: title });
  if (!titles.includes(title)) throw new Error(`"${title}" is not in the context menu of ${fileName}. It has: ${titles.join(' | ')}`);
  await retry(2, async () => {
    await openExplorerContextMenu(page, fileName);
    const item = menuItem(page, title);
    await item.hover();
    await pause(150);
    await item.click({ timeout: 5_000 });
    await page.locator(MENU).first().waitFor({ state: 'hidden', timeout: 5_000 });
  });
}
