// Notifications. With the smoke-test driver on, toasts are hidden: read them in the
// Notification Center instead.
import type { Page } from 'playwright-core';
import { pause } from './retry';

const CENTER = '.notifications-center';

export async function readNotifications(page: Page): Promise<string[]> {
  if (!await page.locator(CENTER).isVisible()) await page.locator('[id="status.notifications"]').click();
  await page.locator(CENTER).waitFor({ timeout: 5_000 });
  const messages = await page.locator(`${CENTER} .notification-list-item .notification-list-item-message`).allTextContents();
  return messages.map((message) => message.trim());
}

/** Waits until a notification matching `pattern` is shown; returns its text. */
export async function waitForNotification(page: Page, pattern: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const matches = (text: string): boolean => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await readNotifications(page);
    const found = seen.find(matches);
    if (found !== undefined) return found;
    await pause(500);
  }
  throw new Error(`No notification matching ${String(pattern)} within ${timeoutMs / 1000} s. Shown: ${seen.join(' | ') || 'none'}`);
}

/** Clicks a button (e.g. "Open", "Show Logs") on the notification matching `pattern`. */
export async function clickNotificationButton(page: Page, pattern: string | RegExp, button: string): Promise<void> {
  await waitForNotification(page, pattern);
  // Match the message alone: the item's text also holds its source and buttons.
  const item = page.locator(`${CENTER} .notification-list-item`).filter({
    has: page.locator('.notification-list-item-message').filter({ hasText: pattern }),
  }).first();
  await item.hover();
  await item.locator('.monaco-button').getByText(button, { exact: true }).first().click();
}

/**
 * Clicks "Show Details" on the notification matching `pattern` (which closes it, as any
 * button does) and returns the dialog's text; then presses the dialog's `choose` button
 * (the notification's own actions are offered there again), or Escape when none.
 */
export async function notificationDetails(page: Page, pattern: string | RegExp, choose?: string): Promise<string> {
  await clickNotificationButton(page, pattern, 'Show Details');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 10_000 });
  const text = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ');
  if (choose === undefined) await page.keyboard.press('Escape');
  else await dialog.locator('.monaco-button').getByText(choose, { exact: true }).first().click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  return text;
}
