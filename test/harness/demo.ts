// `npm start`: builds, starts the sandbox with demo data, and opens a real VS Code with
// the extension loaded and connected to it, on a copy of examples/. Desktop VS Code when
// `code` is on PATH (or --desktop), otherwise code-server at a printed address
// (--browser forces that). Ctrl+C stops everything it started.
import { spawnSync } from 'node:child_process';
import { startCodeServer } from './code-server';
import { EXAMPLES_DIR, REPO_ROOT } from './paths';
import { spawnGroup, type GroupProcess } from './processes';
import { createProfile, type Profile } from './profile';
import { provision } from './provision';
import { startSandboxProcess } from './sandbox';
import { copyWorkspace } from './workspace';

export interface DemoOptions {
  mode: 'auto' | 'desktop' | 'browser';
  port?: number;
}

export async function runDemo(options: DemoOptions): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      console.log('\nStopping…');
      for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    step('Building the extension and the sandbox');
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('The build failed (see above).');

    const desktop = options.mode === 'desktop' || (options.mode === 'auto' && hasCommand('code'));
    const profile = createProfile('demo');
    stops.push(async () => profile.dispose());
    const workspace = copyWorkspace(EXAMPLES_DIR, profile);

    step('Starting the sandbox with demo data');
    const sandbox = await startSandboxProcess({ seed: 'demo' });
    stops.push(() => sandbox.close());
    const sandboxEnv = { GETSALES_SANDBOX_URL: sandbox.url, GETSALES_SANDBOX_KEY: sandbox.apiKey };

    if (desktop) {
      step('Opening desktop VS Code');
      const code = openDesktop(workspace, profile, sandboxEnv);
      stops.push(() => code.stop());
      printSummary(sandbox.url, workspace, 'a desktop VS Code window titled "[Extension Development Host]"');
      void code.exited.then((status) => { console.log(`VS Code closed (exit ${status}).`); void stopAll(0); });
    } else {
      step('Preparing the browser VS Code (code-server)');
      const runtime = await provision((line) => console.log(`  ${line}`), { browser: false });
      const server = await startCodeServer({ runtime, profile, env: sandboxEnv, folder: workspace, ...(options.port !== undefined ? { port: options.port } : {}) });
      stops.push(() => server.close());
      // The extension host inherits code-server's environment: the key stays out of the URL.
      const url = server.workbenchUrl(workspace, { extensionDevelopmentPath: REPO_ROOT });
      printSummary(sandbox.url, workspace, url);
    }
    console.log('Press Ctrl+C to stop everything.');
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

/** A separate VS Code instance (own user data), so the sandbox variables reach its extension host. */
function openDesktop(workspace: string, profile: Profile, env: Record<string, string>): GroupProcess {
  const args = [
    '--new-window', '--wait',
    `--extensionDevelopmentPath=${REPO_ROOT}`,
    `--user-data-dir=${profile.userDataDir}`,
    `--extensions-dir=${profile.extensionsDir}`,
    workspace,
  ];
  return spawnGroup('code', args, { env: { ...process.env, ...env }, echo: true });
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function step(text: string): void {
  console.log(`▶ ${text}…`);
}

function printSummary(sandboxUrl: string, workspace: string, vscode: string): void {
  console.log('');
  console.log('GetSales CSV is running:');
  console.log(`  sandbox    ${sandboxUrl}  (demo team; the extension is connected to it)`);
  console.log(`  workspace  ${workspace}  (a copy of examples/)`);
  console.log(`  VS Code    ${vscode}`);
  console.log('');
}
