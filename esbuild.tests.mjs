// Bundles the integration suite for the extension host: test/integration/index.ts and
// every test/integration/**/*.test.ts, each into out/test/integration/ (CommonJS).
// `vscode` is provided by the host; Mocha stays one shared instance from node_modules
// (its CommonJS build, so no ESM loading inside the host).
// Usage: node esbuild.tests.mjs
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('.', import.meta.url).pathname;
const sourceDir = join(root, 'test', 'integration');
const outdir = join(root, 'out', 'test', 'integration');

const testFiles = readdirSync(sourceDir, { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => join(sourceDir, name));

/** `import … from 'mocha'` → require('mocha/lib/mocha.cjs') at run time. */
const mochaAsCommonJs = {
  name: 'mocha-commonjs',
  setup(build) {
    build.onResolve({ filter: /^mocha$/ }, () => ({ path: 'mocha/lib/mocha.cjs', external: true }));
  },
};

// Old bundles of deleted test files would otherwise still run.
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await esbuild.build({
  entryPoints: [join(sourceDir, 'index.ts'), ...testFiles],
  outbase: sourceDir,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  sourcesContent: false,
  external: ['vscode'],
  plugins: [mochaAsCommonJs],
  logLevel: 'warning',
});
console.log(`esbuild: built the integration suite (${testFiles.length} test files) in ${Date.now() - started} ms`);
