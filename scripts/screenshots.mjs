// `npm run screenshots`: builds, then drives the real workbench and writes the README's
// PNGs to media/screenshots/.
import { spawnSync } from 'node:child_process';
import { takeScreenshots } from '../test/ui/support/screenshot-tour.ts';

const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
try {
  for (const path of await takeScreenshots()) console.log(`wrote ${path}`);
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
