// `npm run test:electron`: the integration suite in desktop VS Code (@vscode/test-electron),
// where VS Code can be downloaded or VSCODE_EXECUTABLE_PATH points to one.
import { main } from '../test/harness/electron.ts';

await main();
