// Runs the GetSales sandbox (dist/sandbox.js, built by esbuild.mjs) as its own process
// on a free port, the same way `npm run sandbox` does, with a fresh random API key.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';
import { freePort, spawnGroup, waitForHttp } from './processes';

export interface SandboxProcess {
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** `demo` seeds lists, contacts and companies; `none` starts empty. */
  seed?: 'demo' | 'none';
  /** Enables the /__sandbox/faults endpoints tests use. */
  faults?: boolean;
  batchDelayMs?: number;
  echo?: boolean;
}

export async function startSandboxProcess(options: SandboxOptions = {}): Promise<SandboxProcess> {
  const entry = join(REPO_ROOT, 'dist', 'sandbox.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
  const port = await freePort();
  const apiKey = `sandbox-${randomBytes(12).toString('hex')}`;
  const args = [entry, '--port', String(port), '--api-key', apiKey, '--seed', options.seed ?? 'demo'];
  if (options.faults === true) args.push('--faults');
  if (options.batchDelayMs !== undefined) args.push('--batch-delay-ms', String(options.batchDelayMs));
  const proc = spawnGroup(process.execPath, args, { cwd: REPO_ROOT, echo: options.echo ?? false });
  const url = `http://127.0.0.1:${port}`;
  try {
    // Any answer will do (an unknown route gets the 401/404 envelope): it is listening.
    await waitForHttp(url, 'The sandbox (dist/sandbox.js)', proc, 30_000);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return { url, apiKey, close: () => proc.stop() };
}
