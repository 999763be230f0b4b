// Makes a ready VS Code for tests and the demo: Node 24 (from npm) and code-server (from
// npm, installed with that Node), cached under .vscode-test/ and reused while the pins in
// paths.ts match the marker; a pin change provisions afresh. Safe to call from several
// processes at once: a lock serialises installs, and each install lands by rename.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR, PINS } from './paths';
import { withLock } from './lock';
import { ensureBuildPackages, ensureChromium } from './system-packages';

export interface Runtime {
  /** Node 24 binary code-server runs on. */
  nodeBinary: string;
  /** code-server's JavaScript entry (run it with `nodeBinary`). */
  codeServerEntry: string;
  /** Chromium for Playwright. */
  chromium: string;
}

const MARKER = join(CACHE_DIR, 'provisioned.json');
const nodeDir = join(CACHE_DIR, `node-${PINS.node}`);
const codeServerDir = join(CACHE_DIR, `code-server-${PINS.codeServer}`);
/** HOME for npm/node-gyp during installs, so nothing lands in the real home. */
const installHome = join(CACHE_DIR, 'install-home');

function runtimePaths(): Omit<Runtime, 'chromium'> {
  return {
    nodeBinary: join(nodeDistDir(nodeDir), 'bin', 'node'),
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

function nodeDistDir(projectDir: string): string {
  return join(projectDir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
}

export interface ProvisionOptions {
  /** Also make sure a Chromium is there (tests need one; the demo does not). Default true. */
  browser?: boolean;
}

export async function provision(log: (line: string) => void = defaultLog, options: ProvisionOptions = {}): Promise<Runtime> {
  // '' when not asked for: the demo opens the workbench in the user's own browser.
  const chromium = options.browser === false ? '' : ensureChromium(log);
  if (isProvisioned()) return { ...runtimePaths(), chromium };
  mkdirSync(CACHE_DIR, { recursive: true });
  await withLock(join(CACHE_DIR, '.provision.lock'), log, async () => {
    if (isProvisioned()) return; // another process finished while we waited
    const started = Date.now();
    ensureBuildPackages(log);
    removeStale();
    if (!existsSync(runtimePaths().nodeBinary)) await installNode(log);
    if (!existsSync(join(codeServerDir, 'ok'))) await installCodeServer(log);
    writeFileSync(MARKER, `${JSON.stringify(PINS, null, 2)}\n`);
    log(`VS Code runtime ready in ${Math.round((Date.now() - started) / 1000)} s (cached in ${CACHE_DIR}).`);
  });
  return { ...runtimePaths(), chromium };
}

function isProvisioned(): boolean {
  if (!existsSync(MARKER)) return false;
  try {
    const marker: unknown = JSON.parse(readFileSync(MARKER, 'utf8'));
    const pinsMatch = typeof marker === 'object' && marker !== null
      && (marker as Record<string, unknown>).codeServer === PINS.codeServer
      && (marker as Record<string, unknown>).node === PINS.node;
    const paths = runtimePaths();
    return pinsMatch && existsSync(paths.nodeBinary) && existsSync(paths.codeServerEntry) && existsSync(join(codeServerDir, 'ok'));
  } catch {
    return false;
  }
}

/** Drops runtimes of other pins and half-finished installs. */
function removeStale(): void {
  rmSync(MARKER, { force: true });
  const keep = new Set([`node-${PINS.node}`, `code-server-${PINS.codeServer}`]);
  for (const name of readdirSync(CACHE_DIR)) {
    const ours = /^(node|code-server)-\d/.test(name);
    if (ours && (!keep.has(name) || name.endsWith('.partial'))) rmSync(join(CACHE_DIR, name), { recursive: true, force: true });
  }
}

async function installNode(log: (line: string) => void): Promise<void> {
  log(`Installing Node ${PINS.node} from npm (its own folder, a few seconds)…`);
  await npmInstallInto(nodeDir, { name: 'harness-node', private: true, dependencies: { node: PINS.node } }, process.env.PATH ?? '', undefined);
}

async function installCodeServer(log: (line: string) => void): Promise<void> {
  log(`Installing code-server ${PINS.codeServer} with Node ${PINS.node} (about 90 s and 620 MB, once)…`);
  const nodeDist = nodeDistDir(nodeDir);
  // Node 24 first on PATH: code-server's postinstall reads the Node version from npm's
  // user agent, and its native modules must be built for that Node's ABI.
  const path = `${join(nodeDist, 'bin')}:${process.env.PATH ?? ''}`;
  await npmInstallInto(codeServerDir, {
    name: 'harness-code-server',
    private: true,
    dependencies: { 'code-server': PINS.codeServer },
    // npm 11 blocks dependency install scripts by default; code-server's postinstall
    // installs VS Code's own modules and builds the native ones. Allowed here only.
    allowScripts: { 'code-server': true, argon2: true },
  }, path, nodeDist);
  const native = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
  if (!existsSync(native)) {
    throw new Error(`code-server installed but its native modules were not built (${native} is missing). See ${join(CACHE_DIR, 'install.log')}.`);
  }
  writeFileSync(join(codeServerDir, 'ok'), `${PINS.codeServer}\n`);
}

/** `npm install` into `<dir>.partial`, renamed to `dir` only when it succeeded. */
async function npmInstallInto(dir: string, manifest: object, path: string, nodedir: string | undefined): Promise<void> {
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  mkdirSync(installHome, { recursive: true });
  writeFileSync(join(partial, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const tmp = mkdtempSync(join(tmpdir(), 'getsales-provision-'));
  const logFile = join(CACHE_DIR, 'install.log');
  const logFd = openSync(logFile, 'a');
  try {
    const env: NodeJS.ProcessEnv = {
      ...withoutNpmVariables(process.env),
      PATH: path,
      HOME: installHome,
      TMPDIR: tmp,
      npm_config_cache: join(installHome, '.npm'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    if (nodedir !== undefined) env.npm_config_nodedir = nodedir; // else node-gyp downloads headers
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('npm', ['install', '--omit=dev', '--no-package-lock'], { cwd: partial, env, stdio: ['ignore', logFd, logFd] });
      child.once('error', () => resolve(null));
      child.once('exit', (exitCode) => resolve(exitCode));
    });
    if (code !== 0) throw new Error(`npm install in ${partial} failed (exit ${code}). The last lines of ${logFile}:\n${tail(logFile, 30)}`);
    renameSync(partial, dir);
  } finally {
    closeSync(logFd);
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Drops the npm_* variables a parent `npm run` exports: the inner npm would read them as
 * its config (a Node 20 user agent that code-server's postinstall rejects, loglevel
 * silent, the project's script policy).
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}

function tail(file: string, lines: number): string {
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

function defaultLog(line: string): void {
  console.log(`[provision] ${line}`);
}
