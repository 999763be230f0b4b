// Modal dialogs (`showWarningMessage(…, { modal: true }, …)`): VS Code draws them in the
// page as `.monaco-dialog-box`, with the message, its detail and one button per choice.
import type { Page } from 'playwright-core';

/** Waits for the modal dialog, returns its text and clicks the button titled `button`. */
export async function answerDialog(page: Page, button: string, timeoutMs = 60_000): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: timeoutMs });
  const text = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  await dialog.locator('.monaco-button').getByText(button, { exact: true }).first().click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  return text;
}
