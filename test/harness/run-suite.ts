// Runs one VS Code suite and writes .test-results/<suite>.json {passed, failed, skipped}
// for scripts/test.mjs; exits non-zero on any failure.
// Usage: node --import tsx test/harness/run-suite.ts integration|ui [flow file filter…]
//   integration  Mocha inside the real extension host (code-server + headless Chromium)
//   ui           Playwright flows (test/ui/**/*.ui.ts) on the real workbench; extra
//                arguments pick flow files by part of their path
// Set GETSALES_TEST_GREP to run only the tests whose title matches.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runIntegrationSuite } from './integration';
import { REPO_ROOT } from './paths';
import { provision } from './provision';
import { writeSuiteResults, type SuiteCounts } from './results';
import { runUiSuite } from './ui';

const suite = process.argv[2];
const log = (line: string): void => console.log(`[harness:${suite}] ${line}`);

async function main(): Promise<SuiteCounts> {
  const runtime = await provision((line) => log(line));
  // The extension and sandbox bundles are what VS Code loads: always test fresh ones.
  build('esbuild.mjs', 'Building the extension');
  if (suite === 'integration') {
    build('esbuild.tests.mjs', 'Bundling the integration suite');
    return runIntegrationSuite(runtime, log);
  }
  return runUiSuite(log, process.argv.slice(3));
}

function build(script: string, what: string): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, script)], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (see above).`);
}

async function runAndReport(): Promise<void> {
  let counts: SuiteCounts;
  try {
    counts = await main();
  } catch (error) {
    console.error(`[harness:${suite}] ${error instanceof Error ? error.message : String(error)}`);
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  writeSuiteResults(suite ?? 'unknown', counts);
  log(`${counts.passed} passed, ${counts.failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

if (suite !== 'integration' && suite !== 'ui') {
  console.error('Usage: run-suite.ts integration|ui');
  process.exit(2);
}
void runAndReport();
