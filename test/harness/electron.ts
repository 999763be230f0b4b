// `npm run test:electron`: the same Mocha suite in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (these cannot: use the
// code-server route, `npm run test:integration`). VSCODE_EXECUTABLE_PATH uses an
// installed VS Code instead of downloading one; VSCODE_VERSION picks the version.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { EXAMPLES_DIR, INTEGRATION_BUNDLE_DIR, REPO_ROOT } from './paths';
import { createProfile } from './profile';
import { readSuiteCounts, writeSuiteResults, type SuiteCounts } from './results';
import { startSuiteSandboxes, type SuiteSandboxes } from './sandbox';
import { copyWorkspace } from './workspace';

export async function runElectronSuite(): Promise<SuiteCounts> {
  for (const script of ['esbuild.mjs', 'esbuild.tests.mjs']) {
    const built = spawnSync(process.execPath, [join(REPO_ROOT, script)], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`node ${script} failed (see above).`);
  }
  const profile = createProfile('electron');
  let sandboxes: SuiteSandboxes | undefined;
  try {
    sandboxes = await startSuiteSandboxes();
    const resultsFile = join(profile.root, 'integration-results.json');
    const executable = process.env.VSCODE_EXECUTABLE_PATH;
    const code = await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(INTEGRATION_BUNDLE_DIR, 'index.js'),
      extensionTestsEnv: { ...sandboxes.env, GETSALES_TEST_RESULTS: resultsFile, ...(process.env.SANDBOX_COMPAT !== undefined ? { SANDBOX_COMPAT: process.env.SANDBOX_COMPAT } : {}) },
      launchArgs: [copyWorkspace(EXAMPLES_DIR, profile), '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${profile.userDataDir}`],
      ...(executable !== undefined && executable !== '' ? { vscodeExecutablePath: executable } : {}),
      ...(process.env.VSCODE_VERSION !== undefined ? { version: process.env.VSCODE_VERSION } : {}),
    }).catch((error: unknown) => {
      console.error(`[test:electron] ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    });
    const counts = readSuiteCounts(resultsFile) ?? { passed: 0, failed: 1, skipped: 0 };
    return code !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
  } finally {
    // Also when the sandboxes did not start: the profile folder is already on disk.
    await sandboxes?.close();
    profile.dispose();
  }
}

export async function main(): Promise<void> {
  let counts: SuiteCounts;
  try {
    counts = await runElectronSuite();
  } catch (error) {
    console.error(`[test:electron] ${error instanceof Error ? error.message : String(error)}`);
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  writeSuiteResults('electron', counts);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exitCode = counts.failed > 0 ? 1 : 0;
}
