// Where the harness keeps things, and the versions it pins. One place so a pin change
// (which triggers a fresh provisioning) is a one-line edit.
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Git-ignored cache of the provisioned runtime (Node 24 + code-server). */
export const CACHE_DIR = join(REPO_ROOT, '.vscode-test');
export const RESULTS_DIR = join(REPO_ROOT, '.test-results');
export const SCREENSHOTS_DIR = join(RESULTS_DIR, 'screenshots');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
/** Where esbuild.tests.mjs writes the bundled integration suite. */
export const INTEGRATION_BUNDLE_DIR = join(REPO_ROOT, 'out', 'test', 'integration');

export const PINS = {
  /** code-server 4.139.x requires Node 24; checked with `npm view code-server version`. */
  codeServer: '4.139.1',
  /** The npm `node` package: a Node binary without touching the system Node. */
  node: '24.9.0',
} as const;

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'getsales-csv.getsales-csv';
