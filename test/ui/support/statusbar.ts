// The status bar: an item by (part of) its text, e.g. the "GetSales Sandbox" marker.
import type { Locator, Page } from 'playwright-core';

export function statusBarItem(page: Page, text: string): Locator {
  return page.locator('.statusbar-item').filter({ hasText: text }).first();
}
