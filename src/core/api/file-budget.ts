/**
 * A request budget shared by every process of the machine that uses the same folder:
 * VS Code gives an extension one global storage folder that all its windows see, so two
 * windows on one API key draw on one bucket instead of each spending 300 a minute.
 *
 * One small file per key, named by the key's digest (never the key): `<id>.json` holding
 * `{"tat": <epoch ms>}`. Each change runs under a lock file (proper-lockfile, which
 * takes over a lock whose holder crashed once it is stale) and is written through a temp
 * file and a rename, so a reader never sees half a file. A file that cannot be read is
 * taken as an empty bucket: the safe side.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { writeFileAtomic } from '../files/atomic-file';
import type { BudgetStore } from './limiter';

export interface FileBudgetOptions {
  readonly folder: string;
  /** When a state file cannot be read: "now" for the bucket's purposes (epoch ms). */
  readonly now?: () => number;
  /** A wait long enough to cover a full burst, used when the stored state is unreadable. */
  readonly unreadableHoldMs?: number;
  readonly onProblem?: (message: string) => void;
}

/** A crashed window's lock is taken over after this long (proper-lockfile's minimum). */
const STALE_LOCK_MS = 2_000;

export class FileBudget implements BudgetStore {
  /** Changes from this process go one at a time per key, so only other processes contend for the lock. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: FileBudgetOptions) {}

  update<T>(keyId: string, change: (tat: number | undefined) => { readonly tat: number; readonly result: T }): Promise<T> {
    if (!/^[A-Za-z0-9_-]+$/.test(keyId)) return Promise.reject(new RangeError('A budget key id must be a plain file name.'));
    const previous = this.queues.get(keyId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.locked(keyId, change));
    this.queues.set(keyId, next);
    void next.finally(() => {
      if (this.queues.get(keyId) === next) this.queues.delete(keyId);
    }).catch(() => undefined);
    return next;
  }

  private async locked<T>(keyId: string, change: (tat: number | undefined) => { readonly tat: number; readonly result: T }): Promise<T> {
    await fs.mkdir(this.options.folder, { recursive: true });
    const file = join(this.options.folder, `${keyId}.json`);
    const release = await lock(file, {
      realpath: false,
      stale: STALE_LOCK_MS,
      retries: { retries: 200, minTimeout: 2, maxTimeout: 25, factor: 1.3 },
      onCompromised: (error) => this.options.onProblem?.(`request budget lock lost: ${error.message}`),
    });
    try {
      const { tat, result } = change(await this.read(file));
      await writeFileAtomic(file, JSON.stringify({ tat }), { overwrite: true });
      return result;
    } finally {
      await release().catch((error: unknown) => this.options.onProblem?.(`request budget lock not released: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  private async read(file: string): Promise<number | undefined> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && 'tat' in value && typeof value.tat === 'number' && Number.isFinite(value.tat)) return value.tat;
    } catch {
      // fall through: treated as spent below
    }
    this.options.onProblem?.('the shared request budget file was unreadable; starting from an empty bucket');
    const now = this.options.now?.() ?? Date.now();
    return now + (this.options.unreadableHoldMs ?? 0);
  }
}
