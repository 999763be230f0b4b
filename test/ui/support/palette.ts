// The command palette. A focused webview swallows F1, and the palette closes when focus
// moves, so the whole open-type-pick sequence is retried.
import type { Locator, Page } from 'playwright-core';
import { retry, until } from './retry';

const WIDGET = '.quick-input-widget';

/**
 * Runs a command by its title. Returns once the palette has handed over: it closed, or
 * the command put up a quick pick or input box of its own in the same widget.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await retry(3, async () => {
    await page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement) active.blur();
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = inputBoxField(page);
    await input.waitFor({ timeout: 5_000 });
    await input.fill(`>${title}`);
    await quickPickRow(page, title).click({ timeout: 5_000 });
    await page.waitForFunction((widget) => {
      const element = document.querySelector<HTMLElement>(widget);
      if (element === null || element.getClientRects().length === 0) return true;
      const box = element.querySelector<HTMLInputElement>('.quick-input-box input');
      return box === null || !box.value.startsWith('>');
    }, WIDGET, { timeout: 5_000 });
  });
}

/**
 * Picks an item of an open quick pick (e.g. one a command showed) by its label, with the
 * keyboard: the label goes into the filter, and Enter accepts once that row is the
 * highlighted one. Never by a click: a click leaves the mouse over the widget, and the
 * hover of a row that changes under it (an item gaining its count) can cover the rows of
 * the next quick pick shown in the same place.
 */
export async function pickQuickPickItem(page: Page, label: string): Promise<void> {
  await highlightQuickPickItem(page, label);
  await page.keyboard.press('Enter');
}

/** Types `label` into the open quick pick's filter and waits until its row is the highlighted one (Enter would pick it). */
export async function highlightQuickPickItem(page: Page, label: string): Promise<void> {
  await quickPickRow(page, label).waitFor({ timeout: 10_000 });
  await inputBoxField(page).fill(label);
  // Filtering sorts the best match first and highlights it; wait for that to be the exact label.
  await until(`"${label}" to be the highlighted row of the quick pick`, async () => ((await highlightedRowLabel(page)) === label ? true : undefined), 10_000);
}

async function highlightedRowLabel(page: Page): Promise<string | undefined> {
  const row = page.locator(`${WIDGET} .quick-input-list .monaco-list-row.focused .label-name`).first();
  return (await row.count()) === 0 ? undefined : ((await row.textContent()) ?? undefined)?.trim();
}

/**
 * Types into an open input box (e.g. showInputBox) and confirms. Give the box's `title`
 * when one box follows another: the widget and its input stay the same element.
 */
export async function answerInputBox(page: Page, text: string, title?: string): Promise<void> {
  if (title !== undefined) await inputBoxTitle(page, title).waitFor({ timeout: 10_000 });
  const input = inputBoxField(page);
  await input.waitFor({ timeout: 10_000 });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** A row of the open quick pick, by its exact label (e.g. to read its description). */
export function quickPickRow(page: Page, label: string): Locator {
  return page.locator(`${WIDGET} .quick-input-list .monaco-list-row`).filter({
    has: page.locator('.label-name').getByText(label, { exact: true }),
  }).first();
}

/** The title of the open quick input (e.g. "GetSales: Sign In (1/2)"). */
export function inputBoxTitle(page: Page, title: string): Locator {
  return page.locator(`${WIDGET} .quick-input-title`).getByText(title, { exact: true });
}

/** The text field of the open quick input. */
export function inputBoxField(page: Page): Locator {
  return page.locator(`${WIDGET} .quick-input-box input`);
}
