// Starts code-server (VS Code's server + web workbench) on 127.0.0.1 in its own process
// group, with the flags the recipe proved, and builds workbench URLs for it.
import { join } from 'node:path';
import { freePort, spawnGroup, waitForHttp } from './processes';
import type { Profile } from './profile';
import type { Runtime } from './provision';

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** `host:port`; the authority `vscode-remote://` URIs must use. */
  readonly authority: string;
  /** Workbench URL opening `folder`, with the smoke-test-driver payload. */
  workbenchUrl(folder: string, payload: WorkbenchPayload): string;
  /** Resolves if code-server stops (by itself or by close()). */
  readonly exited: Promise<unknown>;
  close(): Promise<void>;
}

export interface WorkbenchPayload {
  /** Repository root loaded as the extension under development. */
  extensionDevelopmentPath?: string;
  /** Bundled Mocha suite index; makes the window run it and report back. */
  extensionTestsPath?: string;
  /** Extra environment for the extension host. */
  extensionEnvironment?: Record<string, string>;
}

export interface CodeServerOptions {
  runtime: Runtime;
  profile: Profile;
  /** Extra environment for code-server and so the extension host. */
  env?: Record<string, string>;
  /** Folder opened at `/` (the demo); tests pass the folder in the URL instead. */
  folder?: string;
  /** Echo code-server's output (the demo); tests keep it for error messages. */
  echo?: boolean;
  /** Fixed port (the demo's --port); default: a free one. */
  port?: number;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { runtime, profile } = options;
  const port = options.port ?? await freePort();
  const authority = `127.0.0.1:${port}`;
  const args = [
    runtime.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', authority,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
    // Without this the workbench ignores the payload (extension tests, dev path).
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--config', join(profile.root, 'code-server.yaml'),
    ...(options.folder !== undefined ? [options.folder] : []),
  ];
  const proc = spawnGroup(runtime.nodeBinary, args, { env: { ...profile.env, ...options.env }, echo: options.echo ?? false });
  const url = `http://${authority}`;
  try {
    await waitForHttp(`${url}/healthz`, 'code-server', proc);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  const remote = (path: string): string => `vscode-remote://${authority}${path}`;
  return {
    url,
    authority,
    workbenchUrl(folder, payload) {
      const entries: [string, string][] = [];
      if (payload.extensionDevelopmentPath !== undefined) entries.push(['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]);
      if (payload.extensionTestsPath !== undefined) entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
      if (payload.extensionEnvironment !== undefined) entries.push(['extensionEnvironment', JSON.stringify(payload.extensionEnvironment)]);
      // encodeURIComponent, not URLSearchParams: the workbench does not read '+' as a space.
      const payloadQuery = entries.length > 0 ? `&payload=${encodeURIComponent(JSON.stringify(entries))}` : '';
      return `${url}/?folder=${encodeURIComponent(folder)}${payloadQuery}`;
    },
    exited: proc.exited,
    close: () => proc.stop(),
  };
}
