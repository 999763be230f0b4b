// Runs every test suite and ends with one line that sums them: `N passed, N failed`.
// Usage: node scripts/test.mjs [unit|webview|integration|ui ...]   (default: all, after
// build, typecheck and lint). Exits non-zero when anything failed or a suite crashed.
// Before anything else, when a suite drives a browser, Chromium is found (or installed
// with apt) and launched once; if it cannot start, the run stops there with the reason.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, '.test-results');
const allSuites = ['unit', 'webview', 'integration', 'ui'];
const browserSuites = new Set(['webview', 'integration', 'ui']);
const requested = process.argv.slice(2);
const suites = requested.length > 0 ? requested : allSuites;
for (const suite of suites) {
  if (!allSuites.includes(suite)) {
    console.error(`Unknown suite "${suite}". Known: ${allSuites.join(', ')}.`);
    process.exit(2);
  }
}

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function testFiles(folder) {
  const dir = join(root, 'test', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => relative(root, join(dir, name)));
}

/** node:test prints `# pass N` style totals in TAP; cancelled tests count as failures. */
function readTap(file) {
  const text = readFileSync(file, 'utf8');
  const total = (key) => [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
  return { passed: total('pass'), failed: total('fail') + total('cancelled'), skipped: total('skipped') + total('todo') };
}

function runNodeTests(suite) {
  const files = testFiles(suite);
  if (files.length === 0) return { passed: 0, failed: 1, skipped: 0, note: `no test files under test/${suite}` };
  const tap = join(resultsDir, `${suite}.tap`);
  const ok = run(`${suite} tests (${files.length} files)`, process.execPath, [
    '--import', 'tsx',
    '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  if (!existsSync(tap)) return { passed: 0, failed: 1, skipped: 0, note: 'the test runner wrote no results' };
  const counts = readTap(tap);
  if (!ok && counts.failed === 0) return { ...counts, failed: 1, note: 'the test runner failed outside any test' };
  return counts;
}

/** The VS Code suites run through the harness, which writes `{passed, failed, skipped}`. */
function runHarnessSuite(suite) {
  const file = join(resultsDir, `${suite}.json`);
  const ok = run(`${suite} tests (real VS Code)`, process.execPath, ['--import', 'tsx', 'test/harness/run-suite.ts', suite]);
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, note: 'the harness wrote no results' };
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  if (!ok && counts.failed === 0) return { ...counts, failed: 1, note: 'the harness failed outside any test' };
  return counts;
}

// `npm test` on a fresh clone: install the locked dependencies first, once.
if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('node_modules is missing: running `npm ci` once before the tests…');
  const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (installed.status !== 0) {
    console.error('`npm ci` failed; fix the error above and run `npm test` again.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

/**
 * The harness's one resolver (CHROME_PATH, else the system's Chromium, installed with
 * apt as root) and a real launch; every suite then gets that path as CHROME_PATH.
 * Returns why the browser cannot be used, or undefined when it starts.
 */
async function ensureBrowser() {
  console.log('\n▶ browser (Chromium for the webview, integration and UI suites)');
  try {
    const { tsImport } = await import('tsx/esm/api');
    const { ensureLaunchableChromium } = await tsImport('../test/harness/browser.ts', import.meta.url);
    process.env.CHROME_PATH = await ensureLaunchableChromium((line) => console.log(`[browser] ${line}`));
    console.log(`Chromium at ${process.env.CHROME_PATH} starts.`);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

// Checked first, not when the first browser suite comes: a browser that cannot start
// ends the run in seconds, before minutes of build, lint and unit tests.
const browserProblem = suites.some((suite) => browserSuites.has(suite)) ? await ensureBrowser() : undefined;
if (browserProblem !== undefined) {
  console.log('\nSummary');
  for (const suite of suites) {
    console.log(`  ${suite.padEnd(12)} ${browserSuites.has(suite) ? '0 passed, 1 failed (no usable Chromium)' : 'not run'}`);
  }
  console.log(`\n${browserProblem}\nFix that and run again; \`node scripts/test.mjs unit\` runs the tests that need no browser.`);
  const failed = suites.filter((suite) => browserSuites.has(suite)).length;
  console.log(`0 passed, ${failed} failed`);
  process.exit(1);
}

const gates = [];
if (requested.length === 0) {
  gates.push(['build', run('build', process.execPath, ['esbuild.mjs'])]);
  gates.push(['typecheck', run('typecheck', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'])]);
  gates.push(['lint', run('lint', process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.'])]);
} else if (suites.some((s) => s === 'integration' || s === 'ui')) {
  gates.push(['build', run('build', process.execPath, ['esbuild.mjs'])]);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const suite of suites) {
  const counts = suite === 'unit' || suite === 'webview' ? runNodeTests(suite) : runHarnessSuite(suite);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`  ${suite.padEnd(12)} ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}${counts.note ? ` (${counts.note})` : ''}`);
}

console.log('\nSummary');
for (const [name, ok] of gates) console.log(`  ${name.padEnd(12)} ${ok ? 'ok' : 'FAILED'}`);
for (const line of lines) console.log(line);
const gateFailures = gates.filter(([, ok]) => !ok).length;
if (gateFailures > 0) totals.failed += gateFailures;
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
