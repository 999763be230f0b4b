// Headless Chromium (Debian's, or CHROME_PATH) driven by playwright-core, living inside
// the run's profile so it writes nothing into the real home or /tmp.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Profile } from './profile';
import type { Runtime } from './provision';

export const VIEWPORT = { width: 1440, height: 900 };

export async function launchBrowser(runtime: Runtime, profile: Profile): Promise<Browser> {
  return chromium.launch({
    executablePath: runtime.chromium,
    headless: true,
    env: profile.env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  return context.newPage();
}
