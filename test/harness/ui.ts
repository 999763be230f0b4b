// The UI suite: every test/ui/**/*.ui.ts file is a node:test file driving the real
// workbench with Playwright (see test/ui/support/). Files run one after another (each
// starts its own code-server and Chromium); counts come from the TAP report.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT, SCREENSHOTS_DIR } from './paths';
import { countTap, type SuiteCounts } from './results';

const UI_DIR = join(REPO_ROOT, 'test', 'ui');

export function uiFlowFiles(): string[] {
  if (!existsSync(UI_DIR)) return [];
  return readdirSync(UI_DIR, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.ui.ts') && !name.startsWith('support'))
    .sort()
    .map((name) => relative(REPO_ROOT, join(UI_DIR, name)));
}

/** `only`: substrings of the flow files to run (all when empty). */
export async function runUiSuite(log: (line: string) => void, only: readonly string[] = []): Promise<SuiteCounts> {
  const files = uiFlowFiles().filter((file) => only.length === 0 || only.some((part) => file.includes(part)));
  if (files.length === 0) {
    log('no test/ui/**/*.ui.ts files');
    return { passed: 0, failed: 1, skipped: 0 };
  }
  // Outside .test-results: a concurrent `scripts/test.mjs` run empties that folder.
  const tapDir = mkdtempSync(join(tmpdir(), 'getsales-ui-tap-'));
  const tap = join(tapDir, 'ui.tap');
  const started = Date.now();
  log(`running ${files.length} flow file(s) on the real workbench…`);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [
      '--import', 'tsx',
      '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...(process.env.GETSALES_TEST_GREP ? ['--test-name-pattern', process.env.GETSALES_TEST_GREP] : []),
      ...files,
    ], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', () => resolve(null));
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const counts = existsSync(tap) ? countTap(readFileSync(tap, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
  rmSync(tapDir, { recursive: true, force: true });
  for (const shot of screenshotsSince(started)) log(`failure screenshot: ${shot}`);
  // A crash outside any test still has to fail the suite.
  return code !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

function screenshotsSince(started: number): string[] {
  if (!existsSync(SCREENSHOTS_DIR)) return [];
  return readdirSync(SCREENSHOTS_DIR)
    .filter((name) => name.endsWith('.png'))
    .map((name) => join(SCREENSHOTS_DIR, name))
    .filter((path) => statSync(path).mtimeMs >= started)
    .sort();
}
