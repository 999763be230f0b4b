// Provisions the VS Code used by the integration/UI suites and `npm start`: Node 24 and
// code-server from npm, cached in .vscode-test/ (reused while the pins match), plus a
// Chromium for Playwright. Usage: npm run provision
import { provision } from '../test/harness/provision.ts';

try {
  const runtime = await provision();
  console.log(`[provision] code-server: ${runtime.codeServerEntry}`);
  console.log(`[provision] node:        ${runtime.nodeBinary}`);
  console.log(`[provision] chromium:    ${runtime.chromium}`);
} catch (error) {
  console.error(`[provision] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
