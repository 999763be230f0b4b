// What the harness needs from the operating system: a Chromium for Playwright, and the
// tool chain code-server's native modules compile with. Installs them with apt-get when
// it can (Debian, root); otherwise says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages code-server's install compiles native modules with. */
const BUILD_PACKAGES = ['libkrb5-dev', 'build-essential', 'python3', 'pkg-config'];
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string | undefined {
  const override = process.env.CHROME_PATH;
  if (override !== undefined && override !== '') {
    if (!existsSync(override)) throw new Error(`CHROME_PATH points to ${override}, which does not exist.`);
    return override;
  }
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Returns the Chromium executable, installing Debian's `chromium` when that is possible. */
export function ensureChromium(log: (line: string) => void): string {
  const found = findChromium();
  if (found !== undefined) return found;
  if (canUseApt()) {
    aptInstall(['chromium'], log);
    const installed = findChromium();
    if (installed !== undefined) return installed;
  }
  throw new Error('No Chromium found. Install it (Debian: `apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium executable.');
}

/** Makes sure the compiler tool chain for code-server's native modules is there. */
export function ensureBuildPackages(log: (line: string) => void): void {
  if (!hasDpkg()) return; // not Debian: the install itself will say what is missing
  const missing = BUILD_PACKAGES.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  if (!canUseApt()) {
    throw new Error(`code-server's native modules need: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
  }
  aptInstall(missing, log);
}

function hasDpkg(): boolean {
  return spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
}

function isInstalled(name: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function canUseApt(): boolean {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function aptInstall(names: readonly string[], log: (line: string) => void): void {
  log(`Installing system packages with apt-get: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', ...names], { stdio: 'inherit', env }) : update;
  if (install.status !== 0) throw new Error(`apt-get could not install ${names.join(' ')} (exit ${install.status}).`);
}
