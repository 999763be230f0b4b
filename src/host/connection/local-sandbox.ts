/**
 * "Try the Local Sandbox": runs the sandbox server inside this extension host, on
 * 127.0.0.1 and a free port, with a fresh random key held in memory only. Its data
 * (demo data the first time, then whatever the user did) is kept in `dataDir`, so after
 * a window reload its jobs still refresh and its exports still download.
 * GETSALES_SANDBOX_COMPAT=sister (tests) makes it play the real server's variants.
 */
import { randomBytes } from 'node:crypto';
import { COMPAT_MODES, isCompat, type Compat } from '../../sandbox/compat';
import { startSandbox } from '../../sandbox/index';
import type { SandboxHandle } from './connection-service';

export const SANDBOX_COMPAT_VAR = 'GETSALES_SANDBOX_COMPAT';

function compatFrom(env: NodeJS.ProcessEnv): Compat {
  const value = env[SANDBOX_COMPAT_VAR];
  if (value === undefined || value === '') return 'doc';
  if (!isCompat(value)) throw new Error(`${SANDBOX_COMPAT_VAR} must be ${COMPAT_MODES.join(' or ')} (got "${value}").`);
  return value;
}

export async function startLocalSandbox(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<SandboxHandle> {
  const apiKey = `sandbox-${randomBytes(16).toString('hex')}`;
  const sandbox = await startSandbox({ port: 0, apiKey, seed: 'demo', dataDir, compat: compatFrom(env) });
  return { url: sandbox.url, apiKey: sandbox.apiKey, close: () => sandbox.close() };
}
