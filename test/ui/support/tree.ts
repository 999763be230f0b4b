// Views in the side bar (the extension's Jobs tree): the pane with the given header
// title, expanded on demand, its rows and its welcome content.
//
// A container with a single view merges that view's header into the container title:
// the pane header is still in the DOM but hidden, and the pane is always expanded.
import type { Locator, Page } from 'playwright-core';
import { MENU, closeMenus, menuItemTitles } from './context-menu';
import { pause, until } from './retry';

/** The header of the view titled `title`, also while it carries a "(…)" state suffix ("Jobs (Sandbox)"). */
export function viewPaneHeader(page: Page, title: string): Locator {
  const titled = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`);
  return page.locator('.pane-header').filter({ has: page.locator('.title').getByText(titled) }).first();
}

export function viewPane(page: Page, title: string): Locator {
  return page.locator('.pane').filter({ has: viewPaneHeader(page, title) }).first();
}

/** Waits for the view (its menus arrive with it) and expands it if it can collapse. */
export async function expandView(page: Page, title: string): Promise<Locator> {
  const header = viewPaneHeader(page, title);
  await header.waitFor({ state: 'attached', timeout: 30_000 });
  if (await header.isVisible() && await header.getAttribute('aria-expanded') !== 'true') await header.click();
  return viewPane(page, title);
}

/** Opens an Activity Bar container and the view in it; returns the view's pane. */
export async function openView(page: Page, container: string, viewTitle: string): Promise<Locator> {
  await openActivityBarContainer(page, container);
  return expandView(page, viewTitle);
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

/** A button of the view's welcome content (shown while its tree is empty). */
export function welcomeButton(pane: Locator, label: string): Locator {
  return pane.locator('.welcome-view-content').getByRole('button', { name: label, exact: true });
}

/** The text of the view's welcome content, or '' when the view shows its tree. */
export async function welcomeText(pane: Locator): Promise<string> {
  const content = pane.locator('.welcome-view-content');
  return (await content.isVisible()) ? ((await content.textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
}

/** Clicks a row's inline action (shown on hover) by its title. */
export async function clickRowAction(row: Locator, title: string): Promise<void> {
  await row.hover();
  await row.locator(`.actions .action-label[aria-label="${title.replace(/"/g, '\\"')}"]`).click({ timeout: 5_000 });
}

/**
 * The side bar's title. A container's only view (the GetSales Jobs view) has its title
 * merged there, e.g. "GetSales: Jobs (Sandbox)".
 */
export async function sideBarTitle(page: Page): Promise<string> {
  return ((await page.locator('.part.sidebar .composite.title').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the side bar's title matches, e.g. /Jobs \(Sandbox\)/. */
export async function waitForSideBarTitle(page: Page, expected: RegExp, timeoutMs = 15_000): Promise<void> {
  await until(`the side bar title to match ${String(expected)}`, async () => (expected.test(await sideBarTitle(page)) ? true : undefined), timeoutMs);
}

/** An action of the side bar's title, where a container's only view has its title actions. */
export function sideBarTitleAction(page: Page, title: string): Locator {
  return page.locator(`.part.sidebar .composite.title .action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`).first();
}

/** The items of the side bar title's "More Actions" menu (a container's only view keeps its secondary title actions there). */
export async function sideBarMoreActions(page: Page): Promise<string[]> {
  await closeMenus(page);
  await sideBarTitleAction(page, 'Views and More Actions').click();
  await page.locator(MENU).first().waitFor({ timeout: 10_000 });
  const titles = await menuItemTitles(page);
  await closeMenus(page);
  return titles;
}

/** Opens an Activity Bar container (e.g. "GetSales") by its title; leaves it open if it is. */
export async function openActivityBarContainer(page: Page, title: string): Promise<void> {
  const tab = page.locator('.activitybar li.action-item').filter({ has: page.locator(`a.action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`) }).first();
  await tab.waitFor({ timeout: 15_000 });
  const open = async (): Promise<boolean> => (await tab.getAttribute('class') ?? '').split(/\s+/).includes('checked');
  // Clicking the active container would close the side bar. The extension may open it
  // between the look and the click (an export focuses the Jobs view), so look again after.
  await until(`the ${title} container to be open`, async () => {
    if (await open()) return true;
    await tab.click();
    await pause(300);
    return (await open()) ? true : undefined;
  }, 15_000);
}
