/**
 * Makes sure dist/webview/main.js exists and is newer than its sources, building it when
 * not. The options mirror the webview entry of esbuild.mjs (importing that file would
 * build all three bundles). Output is written to a temp name and renamed, so two test
 * processes building at once never load a half-written bundle.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
export const bundlePath = join(repoRoot, 'dist', 'webview', 'main.js');

function newestSource(): number {
  let newest = 0;
  for (const folder of ['webview', join('src', 'shared')]) {
    for (const name of readdirSync(join(repoRoot, folder), { recursive: true }).map(String)) {
      if (name.endsWith('.ts')) newest = Math.max(newest, statSync(join(repoRoot, folder, name)).mtimeMs);
    }
  }
  return newest;
}

export async function ensureWebviewBundle(): Promise<void> {
  if (existsSync(bundlePath) && statSync(bundlePath).mtimeMs >= newestSource()) return;
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: { main: 'webview/main.ts' },
    outdir: 'dist/webview',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'inline',
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
}
