/**
 * "Try the Local Sandbox": runs the sandbox server inside this extension host, on
 * 127.0.0.1 and a free port, with a fresh random key held in memory only. Its data
 * (demo data the first time, then whatever the user did) is kept in `dataDir`, so after
 * a window reload its jobs still refresh and its exports still download.
 */
import { randomBytes } from 'node:crypto';
import { startSandbox } from '../../sandbox/index';
import type { SandboxHandle } from './connection-service';

export async function startLocalSandbox(dataDir: string): Promise<SandboxHandle> {
  const apiKey = `sandbox-${randomBytes(16).toString('hex')}`;
  const sandbox = await startSandbox({ port: 0, apiKey, seed: 'demo', dataDir });
  return { url: sandbox.url, apiKey: sandbox.apiKey, close: () => sandbox.close() };
}
