// Builds the three bundles: the extension (Node, CommonJS, `vscode` external), the
// mapping screen (browser IIFE) and the sandbox server (Node, runnable on its own).
// Usage: node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

/** @type {import('esbuild').BuildOptions[]} */
export const bundles = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...node, entryPoints: { sandbox: 'src/sandbox/main.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { main: 'webview/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (watch) {
  for (const options of bundles) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching for changes…');
} else {
  // A production build starts from an empty dist/ so no stale source map is packaged.
  if (production) rmSync('dist', { recursive: true, force: true });
  const started = Date.now();
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  console.log(`esbuild: built ${bundles.length} bundles${production ? ' (production)' : ''} in ${Date.now() - started} ms`);
}
