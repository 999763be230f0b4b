// The integration suite through code-server: a sandbox, a code-server, and one headless
// Chromium window whose payload makes the workbench load the extension from the
// repository and run the bundled Mocha suite in the real extension host. The suite
// reports its output through `codeAutomationLog` and its end through `codeAutomationExit`.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, newPage } from './browser';
import { startCodeServer } from './code-server';
import { EXAMPLES_DIR, INTEGRATION_BUNDLE_DIR, REPO_ROOT, SCREENSHOTS_DIR } from './paths';
import { createProfile } from './profile';
import type { Runtime } from './provision';
import { readSuiteCounts, type SuiteCounts } from './results';
import { startSuiteSandboxes } from './sandbox';
import { copyWorkspace } from './workspace';

/** Generous (the matrix runs most suites twice, on a loaded machine): a hung suite must end the run, not stall CI. */
const SUITE_TIMEOUT_MS = 15 * 60_000;

export async function runIntegrationSuite(runtime: Runtime, log: (line: string) => void): Promise<SuiteCounts> {
  const suiteIndex = join(INTEGRATION_BUNDLE_DIR, 'index.js');
  if (!existsSync(suiteIndex)) throw new Error(`${suiteIndex} is missing: run \`node esbuild.tests.mjs\`.`);
  const profile = createProfile('integration');
  const cleanup: (() => Promise<void>)[] = [async () => profile.dispose()];
  try {
    const sandboxes = await startSuiteSandboxes();
    cleanup.unshift(() => sandboxes.close());
    log(`sandboxes at ${sandboxes.env.GETSALES_SANDBOX_URL ?? '?'} (doc) and ${sandboxes.env.GETSALES_SISTER_SANDBOX_URL ?? '?'} (sister)`);
    const resultsFile = join(profile.root, 'integration-results.json');
    // The extension host inherits code-server's environment: the suite and the extension
    // read the sandboxes from it (and the keys stay out of URLs and logs).
    const suiteEnv: Record<string, string> = { ...sandboxes.env, GETSALES_TEST_RESULTS: resultsFile };
    for (const name of ['GETSALES_TEST_GREP', 'SANDBOX_COMPAT']) {
      const value = process.env[name];
      if (value !== undefined) suiteEnv[name] = value;
    }
    const codeServer = await startCodeServer({ runtime, profile, env: suiteEnv });
    cleanup.unshift(() => codeServer.close());
    log(`code-server at ${codeServer.url}`);
    const browser = await launchBrowser(runtime, profile);
    cleanup.unshift(() => browser.close());
    const page = await newPage(browser);

    let finished = false;
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => { resolveExit = resolve; });
    const settle = (code: number): void => { finished = true; resolveExit(code); };
    await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => printSuiteOutput(type, args));
    await page.exposeFunction('codeAutomationExit', (code: unknown) => settle(typeof code === 'number' ? code : 1));
    page.once('crash', () => { if (!finished) log('the workbench page crashed'); settle(1); });
    void codeServer.exited.then(() => { if (!finished) log('code-server exited during the suite'); settle(1); });

    const workspace = copyWorkspace(EXAMPLES_DIR, profile);
    const url = codeServer.workbenchUrl(workspace, { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: suiteIndex });
    log('running the Mocha suite inside the extension host…');
    await page.goto(url);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS).unref());
    const outcome = await Promise.race([exited, timeout]);
    finished = true;

    const counts = readSuiteCounts(resultsFile);
    if (outcome === 'timeout' || outcome !== 0) {
      const shot = join(SCREENSHOTS_DIR, 'integration-failure.png');
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot({ path: shot }).then(() => log(`screenshot: ${shot}`), () => undefined);
    }
    if (outcome === 'timeout') {
      log(`the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes`);
      return { passed: counts?.passed ?? 0, failed: Math.max(1, counts?.failed ?? 0), skipped: counts?.skipped ?? 0 };
    }
    if (counts === undefined) {
      log(`the suite ended (exit ${outcome}) without reporting counts: it failed before running tests (see the output above)`);
      return { passed: 0, failed: 1, skipped: 0 };
    }
    // A non-zero exit with zero failures means the run itself broke.
    return outcome !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
  } finally {
    for (const step of cleanup) await step().catch(() => undefined);
  }
}

/** Known harmless workbench noise on a machine without the marketplace. */
const NOISE = [/open-vsx\.org/, /\bvsda\b/];

/** The workbench's and extension host's console: (level, [format, ...args]). */
function printSuiteOutput(type: unknown, args: unknown): void {
  const parts: unknown[] = Array.isArray(args) ? args : [args];
  const line = format(...parts);
  if (NOISE.some((pattern) => pattern.test(line))) return;
  if (type === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
