// Views in the side bar (the extension's Jobs tree): the pane with the given header
// title, expanded on demand, and its rows.
import type { Locator, Page } from 'playwright-core';

export function viewPaneHeader(page: Page, title: string): Locator {
  return page.locator('.pane-header').filter({ has: page.locator('.title').getByText(title, { exact: true }) }).first();
}

export function viewPane(page: Page, title: string): Locator {
  return page.locator('.pane').filter({ has: viewPaneHeader(page, title) }).first();
}

export async function expandView(page: Page, title: string): Promise<Locator> {
  const header = viewPaneHeader(page, title);
  await header.waitFor({ timeout: 15_000 });
  if (await header.getAttribute('aria-expanded') !== 'true') await header.click();
  return viewPane(page, title);
}

export async function treeRows(page: Page, viewTitle: string): Promise<Locator> {
  const pane = await expandView(page, viewTitle);
  return pane.locator('.pane-body .monaco-list-row');
}

/** One row of a view's tree by (part of) its label. */
export async function treeRow(page: Page, viewTitle: string, label: string | RegExp): Promise<Locator> {
  return (await treeRows(page, viewTitle)).filter({ hasText: label }).first();
}

/** The labels of a view's visible rows. */
export async function treeRowLabels(page: Page, viewTitle: string): Promise<string[]> {
  const rows = await treeRows(page, viewTitle);
  return (await rows.locator('.label-name').allTextContents()).map((text) => text.trim());
}

/** Opens an Activity Bar container (e.g. "GetSales") by its title; leaves it open if it is. */
export async function openActivityBarContainer(page: Page, title: string): Promise<void> {
  const tab = page.locator('.activitybar li.action-item').filter({ has: page.locator(`a.action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`) }).first();
  await tab.waitFor({ timeout: 15_000 });
  // Clicking the active container would close the side bar.
  const classes = (await tab.getAttribute('class') ?? '').split(/\s+/);
  if (!classes.includes('checked')) await tab.click();
}
