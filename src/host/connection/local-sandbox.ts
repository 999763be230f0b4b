/**
 * "Try the Local Sandbox": runs the sandbox server inside this extension host, on
 * 127.0.0.1 and a free port, with demo data and a fresh random key held in memory only.
 */
import { randomBytes } from 'node:crypto';
import { startSandbox } from '../../sandbox/index';
import type { SandboxHandle } from './connection-service';

export async function startLocalSandbox(): Promise<SandboxHandle> {
  const apiKey = `sandbox-${randomBytes(16).toString('hex')}`;
  const sandbox = await startSandbox({ port: 0, apiKey, seed: 'demo' });
  return { url: sandbox.url, apiKey: sandbox.apiKey, close: () => sandbox.close() };
}
