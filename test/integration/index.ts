// Entry of the integration suite inside the extension host. Both runners load it: the
// code-server route (test/harness) and @vscode/test-electron (`npm run test:electron`).
// It runs every bundled *.test.js next to it with Mocha, writes the counts to
// $GETSALES_TEST_RESULTS when set, and rejects when anything failed (what both expect).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.GETSALES_TEST_GREP;
  if (grep !== undefined && grep !== '') mocha.grep(grep);
  const files = findTestFiles(__dirname);
  if (files.length === 0) throw new Error(`No *.test.js files next to ${__filename}: build the suite with \`node esbuild.tests.mjs\`.`);
  for (const file of files) mocha.addFile(file);
  await mocha.loadFilesAsync();

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 } as Mocha.Stats));
  });
  const counts = { passed: stats.passes, failed: stats.failures, skipped: stats.pending };
  const resultsFile = process.env.GETSALES_TEST_RESULTS;
  if (resultsFile !== undefined && resultsFile !== '') {
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(counts)}\n`);
  }
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed.`);
}

function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}
