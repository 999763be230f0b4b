// Runs the GetSales sandbox (dist/sandbox.js, built by esbuild.mjs) as its own process
// on a free port, the same way `npm run sandbox` does, with a fresh random API key; and
// the pair the VS Code suites run against: the doc sandbox the extension connects to,
// and a sister-mode one (the real server's variants) for the tests that run in both.
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
  /** `doc` (default) answers as documented; `sister` with the real server's variants (contract §7). */
  compat?: 'doc' | 'sister';
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
  if (options.compat !== undefined) args.push('--compat', options.compat);
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

export interface SuiteSandboxes {
  /** GETSALES_SANDBOX_URL/KEY (the doc sandbox) and GETSALES_SISTER_SANDBOX_URL/KEY. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

/** The doc and the sister sandbox of the integration suite, both with faults enabled. */
export async function startSuiteSandboxes(): Promise<SuiteSandboxes> {
  const doc = await startSandboxProcess({ faults: true, batchDelayMs: 20, seed: 'demo' });
  let sister: SandboxProcess;
  try {
    sister = await startSandboxProcess({ faults: true, batchDelayMs: 20, seed: 'demo', compat: 'sister' });
  } catch (error) {
    await doc.close();
    throw error;
  }
  return {
    env: {
      GETSALES_SANDBOX_URL: doc.url,
      GETSALES_SANDBOX_KEY: doc.apiKey,
      GETSALES_SISTER_SANDBOX_URL: sister.url,
      GETSALES_SISTER_SANDBOX_KEY: sister.apiKey,
    },
    close: async () => {
      await Promise.all([doc.close(), sister.close()]);
    },
  };
}
