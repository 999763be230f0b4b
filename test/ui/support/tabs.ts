// Editor tabs.
import type { Locator, Page } from 'playwright-core';

export function editorTab(page: Page, title: string | RegExp): Locator {
  return page.locator('.tabs-container .tab').filter({ hasText: title }).first();
}

export async function tabTitles(page: Page): Promise<string[]> {
  const labels = await page.locator('.tabs-container .tab .label-name').allTextContents();
  return labels.map((label) => label.trim());
}

export async function activeTabTitle(page: Page): Promise<string | undefined> {
  const label = page.locator('.tabs-container .tab.active .label-name').first();
  return (await label.count()) > 0 ? (await label.textContent())?.trim() : undefined;
}
