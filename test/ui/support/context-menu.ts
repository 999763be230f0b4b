// The workbench's context menus (the Explorer's, a view title's "More Actions"): VS Code
// draws them in the page as `.context-view .monaco-menu`.
import type { Locator, Page } from 'playwright-core';

export const MENU = '.context-view .monaco-menu';

export function menuItem(page: Page, title: string): Locator {
  return page.locator(`${MENU} .action-item`).filter({ has: page.locator('.action-label').getByText(title, { exact: true }) }).first();
}

/** The titles of the open menu's items. */
export async function menuItemTitles(page: Page): Promise<string[]> {
  const labels = await page.locator(`${MENU} .action-item .action-label`).allTextContents();
  return labels.map((label) => label.trim()).filter((label) => label !== '');
}

export async function closeMenus(page: Page): Promise<void> {
  if (await page.locator(MENU).count() === 0) return;
  await page.keyboard.press('Escape');
  await page.locator(MENU).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}
