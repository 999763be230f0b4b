// The command palette. A focused webview swallows F1, and the palette closes when focus
// moves, so the whole open-type-pick sequence is retried.
import type { Page } from 'playwright-core';
import { retry } from './retry';

const WIDGET = '.quick-input-widget';

export async function runCommand(page: Page, title: string): Promise<void> {
  await retry(3, async () => {
    await page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement) active.blur();
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator(`${WIDGET} .quick-input-box input`);
    await input.waitFor({ timeout: 5_000 });
    await input.fill(`>${title}`);
    const row = page.locator(`${WIDGET} .quick-input-list .monaco-list-row`).filter({
      has: page.locator('.label-name').getByText(title, { exact: true }),
    }).first();
    await row.waitFor({ timeout: 5_000 });
    await row.click();
    await page.locator(WIDGET).waitFor({ state: 'hidden', timeout: 5_000 });
  });
}

/** Picks an item of an open quick pick (e.g. one a command showed) by its label. */
export async function pickQuickPickItem(page: Page, label: string): Promise<void> {
  const row = page.locator(`${WIDGET} .quick-input-list .monaco-list-row`).filter({
    has: page.locator('.label-name').getByText(label, { exact: true }),
  }).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

/** Types into an open input box (e.g. showInputBox) and confirms. */
export async function answerInputBox(page: Page, text: string): Promise<void> {
  const input = page.locator(`${WIDGET} .quick-input-box input`);
  await input.waitFor({ timeout: 10_000 });
  await input.fill(text);
  await page.keyboard.press('Enter');
}
