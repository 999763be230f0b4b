// A fresh workbench for a UI flow: its own sandbox, code-server, profile and copy of a
// sample folder, the extension loaded from the repository, and a Chromium page on it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../../harness/browser';
import { startCodeServer, type CodeServer } from '../../harness/code-server';
import { EXAMPLES_DIR, REPO_ROOT, SCREENSHOTS_DIR } from '../../harness/paths';
import { createProfile } from '../../harness/profile';
import { provision } from '../../harness/provision';
import { startSandboxProcess, type SandboxProcess } from '../../harness/sandbox';
import { copyWorkspace } from '../../harness/workspace';
import { explorerRow } from './explorer';

export interface WorkbenchOptions {
  /** Folder copied and opened as the workspace (default: examples/). */
  workspace?: string;
  /** A file expected in the Explorer once the workbench is up (default: contacts.csv). */
  waitForFile?: string;
  /**
   * How the extension starts, always with a fresh profile:
   * - `sandbox` (default): connected at activation to a sandbox process of the harness's own;
   * - `none`: signed out and no sandbox process, as a new user finds it;
   * - `signIn`: signed out, with the harness's sandbox as the user's `getsales.apiBaseUrl`,
   *   so Sign In checks keys against it.
   */
  connection?: 'sandbox' | 'none' | 'signIn';
  /** Which server the harness's sandbox plays: `doc` (default) or `sister`, the real server's variants (contract §7). */
  compat?: 'doc' | 'sister';
  /** The sandbox's pause per 1,000-row batch (default 50 ms); longer leaves time to act on a running job. */
  batchDelayMs?: number;
  /** Echo code-server's and the sandbox's output (debugging). */
  echo?: boolean;
}

export interface Workbench {
  readonly page: Page;
  /** Absolute path of the opened workspace copy. */
  readonly workspace: string;
  /** The harness's sandbox (undefined with `connection: 'none'`). */
  readonly sandbox: SandboxProcess | undefined;
  readonly codeServer: CodeServer;
  /** Saves a PNG under .test-results/screenshots/ and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const runtime = await provision();
  const profile = createProfile('ui');
  const cleanup: (() => Promise<void>)[] = [async () => profile.dispose()];
  const close = async (): Promise<void> => {
    for (const step of cleanup.splice(0)) await step().catch(() => undefined);
  };
  let page: Page | undefined;
  try {
    const workspace = copyWorkspace(options.workspace ?? EXAMPLES_DIR, profile);
    const connection = options.connection ?? 'sandbox';
    let sandbox: SandboxProcess | undefined;
    let env: Record<string, string> = {};
    if (connection !== 'none') {
      const started = await startSandboxProcess({
        seed: 'demo', faults: true, batchDelayMs: options.batchDelayMs ?? 50, echo: options.echo ?? false,
        ...(options.compat === undefined ? {} : { compat: options.compat }),
      });
      cleanup.unshift(() => started.close());
      sandbox = started;
      // The extension host inherits code-server's environment and connects at activation.
      if (connection === 'sandbox') env = { GETSALES_SANDBOX_URL: started.url, GETSALES_SANDBOX_KEY: started.apiKey };
      else profile.addMachineSettings({ 'getsales.apiBaseUrl': started.url });
    }
    const codeServer = await startCodeServer({ runtime, profile, env, echo: options.echo ?? false });
    cleanup.unshift(() => codeServer.close());
    const browser: Browser = await launchBrowser(runtime, profile);
    cleanup.unshift(() => browser.close());
    page = await newPage(browser);
    await page.goto(codeServer.workbenchUrl(workspace, { extensionDevelopmentPath: REPO_ROOT }));
    await explorerRow(page, options.waitForFile ?? 'contacts.csv').waitFor({ timeout: 60_000 });
    const ready = page;
    return { page: ready, workspace, sandbox, codeServer, screenshot: (name) => saveScreenshot(ready, name), close };
  } catch (error) {
    if (page !== undefined) {
      const shot = await saveScreenshot(page, 'workbench-launch-failed').catch(() => undefined);
      if (shot !== undefined) console.error(`screenshot: ${shot}`);
    }
    await close();
    throw error;
  }
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'screenshot';
  const path = join(SCREENSHOTS_DIR, `${slug}.png`);
  await page.screenshot({ path });
  return path;
}
