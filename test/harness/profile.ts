// A throwaway world for one VS Code run: its own HOME, TMPDIR, XDG folders, user data and
// extensions folders, all inside one temp directory that `dispose()` removes. Chromium
// and Node otherwise write into the real home and /tmp.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Profile {
  readonly root: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Environment for every process of this run (code-server, Chromium). */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Sets machine settings before VS Code starts. Machine-scoped settings such as
   * `getsales.apiBaseUrl` are read there, not from the user's settings, when the
   * extension host runs on a server (code-server is one).
   */
  addMachineSettings(settings: Readonly<Record<string, unknown>>): void;
  dispose(): void;
}

/** Keeps the screen free of things that are not the extension. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
};

export function createProfile(label: string): Profile {
  const root = mkdtempSync(join(tmpdir(), `getsales-${label}-`));
  const dir = (...parts: string[]): string => {
    const path = join(root, ...parts);
    mkdirSync(path, { recursive: true, mode: 0o700 });
    return path;
  };
  const userDataDir = dir('user-data');
  const writeSettings = (scope: 'User' | 'Machine', settings: Readonly<Record<string, unknown>>): void => {
    writeFileSync(join(dir('user-data', scope), 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  };
  writeSettings('User', USER_SETTINGS);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir('home'),
    TMPDIR: dir('tmp'),
    XDG_RUNTIME_DIR: dir('xdg-runtime'),
    XDG_CONFIG_HOME: dir('home', '.config'),
    XDG_CACHE_HOME: dir('home', '.cache'),
    XDG_DATA_HOME: dir('home', '.local', 'share'),
  };
  // code-server reads these when set and would escape the profile.
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  // A harness connects the extension on purpose (startCodeServer's env), never by leak
  // from the caller's shell (e.g. a terminal of `npm start`).
  delete env.GETSALES_SANDBOX_URL;
  delete env.GETSALES_SANDBOX_KEY;
  delete env.GETSALES_SANDBOX_COMPAT;
  delete env.GETSALES_SISTER_SANDBOX_URL;
  delete env.GETSALES_SISTER_SANDBOX_KEY;
  return {
    root,
    userDataDir,
    extensionsDir: dir('extensions'),
    env,
    addMachineSettings: (settings) => writeSettings('Machine', settings),
    // GETSALES_KEEP_PROFILE=1 keeps the folder (its logs) for a post-mortem of a failed flow.
    dispose: () => {
      if (process.env.GETSALES_KEEP_PROFILE === '1') console.log(`[harness] profile kept: ${root}`);
      else rmSync(root, { recursive: true, force: true });
    },
  };
}
