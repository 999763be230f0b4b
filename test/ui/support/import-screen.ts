// The mapping screen of an import started from the Explorer, as a user drives it:
// right-click → Import Contacts → pick the list → Start import.
import type { FrameLocator, Page } from 'playwright-core';
import { clickExplorerContextMenuItem } from './explorer';
import { until } from './retry';
import { editorTab } from './tabs';
import { openActivityBarContainer } from './tree';
import { activeWebview } from './webview';

/** Right-click `fileName` in the Explorer → "Import Contacts to GetSales…" → its mapping screen, once the preview shows. */
export async function openImportScreen(page: Page, fileName: string, timeoutMs = 30_000): Promise<FrameLocator> {
  await openActivityBarContainer(page, 'Explorer');
  await clickExplorerContextMenuItem(page, fileName, 'Import Contacts to GetSales…');
  await editorTab(page, `Import: ${fileName}`).waitFor({ timeout: timeoutMs });
  const screen = activeWebview(page);
  await screen.locator('section.preview tbody tr').first().waitFor({ timeout: 30_000 });
  return screen;
}

/** Chooses the target list in the screen's list picker. */
export async function pickList(screen: FrameLocator, list: string): Promise<void> {
  await screen.locator('#list-picker').click();
  await screen.locator('#list-picker vscode-option').getByText(list, { exact: true }).click();
}

/** Waits for Start import to be enabled (the mapping checked), then clicks it. */
export async function clickStartImport(screen: FrameLocator): Promise<void> {
  const start = screen.locator('#start-import');
  await until('Start import to be enabled', async () => ((await start.getAttribute('disabled')) === null ? true : undefined), 20_000);
  await start.click();
}
