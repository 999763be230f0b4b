/**
 * A local GetSales-compatible API server (contract: shared/design/api-contract.md),
 * in memory, for tests, demos and the extension's "try without an account" mode.
 *
 *   const sandbox = await startSandbox({ seed: 'demo', batchDelayMs: 0 });
 *   fetch(`${sandbox.url}/leads/api/lists`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
 *   await sandbox.close();
 */
import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCompat, type Compat } from './compat';
import { requestListener } from './server';
import { SandboxState } from './state';
import { loadSnapshot } from './persist';
import type { RateWindow } from './rate-limit';

export interface SandboxOptions {
  /** Default 0 (ephemeral); the host is always 127.0.0.1. */
  port?: number;
  /** Default 'sandbox-demo-key'. */
  apiKey?: string;
  /** When set, a request that sends Team-ID must match it (else 403). */
  teamId?: string;
  /** Pause per 1,000-row batch of imports and exports; default 700 (a 5,000-row import takes ~4 s). */
  batchDelayMs?: number;
  /** Default 'demo'. */
  seed?: 'demo' | 'none';
  /** Which server to play (see compat.ts): 'doc' (default) or 'sister', the real server's variants. */
  compat?: Compat;
  /** Demo seed sizes; default 5,000 contacts and 500 companies. */
  seedContacts?: number;
  seedCompanies?: number;
  /** Enables the /__sandbox/* endpoints (faults, reset, state). */
  faults?: boolean;
  /** Default 300. */
  rateLimitPerMinute?: number;
  /** How the limit is counted: `fixed` one-minute windows (default) or any 60 s (`sliding`). */
  rateLimitWindow?: RateWindow;
  /** Where export files go; default a fresh temp dir, removed on close(). */
  exportDir?: string;
  /**
   * Keeps the sandbox across restarts: its data is read from this folder at start
   * (instead of the seed) and written back as it changes and on close(); export files
   * live in `<dataDir>/exports` and stay. Default: in memory only.
   */
  dataDir?: string;
  /** One line per request: method path status ms (never the key). */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  readonly url: string;
  readonly apiKey: string;
  readonly teamId?: string;
  readonly compat: Compat;
  close(): Promise<void>;
}

export const DEFAULT_API_KEY = 'sandbox-demo-key';
export const DEFAULT_BATCH_DELAY_MS = 700;

function count(value: number | undefined, name: string, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer (got ${String(value)}).`);
  return n;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (apiKey === '' || /\s/.test(apiKey)) throw new RangeError('apiKey must be a non-empty string without spaces.');
  const compat = options.compat ?? 'doc';
  if (!isCompat(compat)) throw new RangeError(`compat must be doc or sister (got ${String(compat)}).`);
  const rateLimitPerMinute = count(options.rateLimitPerMinute, 'rateLimitPerMinute', 300);
  if (rateLimitPerMinute === 0) throw new RangeError('rateLimitPerMinute must be at least 1.');
  const workDir = await fs.mkdtemp(join(tmpdir(), 'getsales-sandbox-'));
  const uploadDir = join(workDir, 'uploads');
  const exportDir = options.exportDir ?? (options.dataDir !== undefined ? join(options.dataDir, 'exports') : join(workDir, 'exports'));
  await fs.mkdir(uploadDir, { recursive: true });
  await fs.mkdir(exportDir, { recursive: true });
  const teamId = options.teamId;
  const state = new SandboxState({
    apiKey,
    teamId,
    teamNumber: teamId !== undefined && /^\d{1,15}$/.test(teamId) ? Number(teamId) : 1,
    batchDelayMs: count(options.batchDelayMs, 'batchDelayMs', DEFAULT_BATCH_DELAY_MS),
    seed: options.seed ?? 'demo',
    compat,
    seedContacts: count(options.seedContacts, 'seedContacts', 5000),
    seedCompanies: count(options.seedCompanies, 'seedCompanies', 500),
    faults: options.faults ?? false,
    rateLimitPerMinute,
    rateLimitWindow: options.rateLimitWindow ?? 'fixed',
    uploadDir,
    dataDir: options.dataDir,
    exportDir,
    log: options.log ?? (() => undefined),
  });
  if (options.dataDir !== undefined) await loadSnapshot(state, options.dataDir);
  const server = createServer({ keepAliveTimeout: 5000 }, requestListener(state));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // A port in use: nothing listens, but the work folder is already on disk.
    await fs.rm(workDir, { recursive: true, force: true });
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await state.shutdown();
      await closed;
      await fs.rm(workDir, { recursive: true, force: true });
    })();
    return closing;
  };
  return { url: `http://127.0.0.1:${port}`, apiKey, compat, ...(teamId !== undefined ? { teamId } : {}), close };
}
