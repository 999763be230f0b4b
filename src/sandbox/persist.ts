/**
 * A sandbox that outlives its process: its team data and jobs as one JSON file in a
 * data folder (the extension passes its global storage), its export files beside it, so
 * after a window reload the same jobs are found and the same exports download.
 *
 * Bounded: at most MAX_RECORDS contacts and companies each, the newest MAX_IMPORTS
 * imports and MAX_EXPORTS exports (older export files are deleted). Written through a
 * temp file and a rename; a file that does not read back is set aside, never half-used.
 * Jobs that were running when the sandbox stopped are marked failed: their work stopped.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/files/atomic-file';
import { messageOf } from '../core/message-of';
import { type RecordDump, SNAPSHOT_VERSION, type Snapshot, decodeSnapshot, storedExport, storedImport } from './snapshot-codec';
import type { SandboxState } from './state';
import { TeamStore } from './store/team-store';

export const SNAPSHOT_FILE = 'sandbox.json';
export const MAX_RECORDS = 100_000;
export const MAX_IMPORTS = 200;
export const MAX_EXPORTS = 50;

function newestFirst<T extends { readonly seq: number }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => b.seq - a.seq);
}

function dump<M>(table: TeamStore['contacts'] | TeamStore['companies'], membership: (position: number) => M): RecordDump<M>[] {
  const out: RecordDump<M>[] = [];
  for (let position = 0; position < Math.min(table.size, MAX_RECORDS); position += 1) {
    out.push({ uuid: table.uuid(position), values: table.values(position), lists: membership(position), created_at: table.createdAt(position), updated_at: table.updatedAt(position) });
  }
  return out;
}

/** Writes the sandbox's state; old export files beyond the bound are deleted. */
export async function saveSnapshot(state: SandboxState, folder: string): Promise<void> {
  const exports = newestFirst(state.exports.values());
  for (const dropped of exports.slice(MAX_EXPORTS)) {
    state.exports.delete(dropped.uuid);
    if (dropped.filePath) await fs.rm(dropped.filePath, { force: true });
  }
  const store = state.store;
  const snapshot: Snapshot = {
    version: SNAPSHOT_VERSION,
    lists: newestFirst(store.lists.values()).reverse(),
    contacts: dump(store.contacts, (p) => store.contacts.membership(p)),
    companies: dump(store.companies, (p) => store.companies.membership(p)),
    imports: newestFirst(state.imports.values()).slice(0, MAX_IMPORTS).map(storedImport),
    exports: exports.slice(0, MAX_EXPORTS).map(storedExport),
  };
  await fs.mkdir(folder, { recursive: true });
  await writeFileAtomic(join(folder, SNAPSHOT_FILE), JSON.stringify(snapshot), { overwrite: true });
}

/**
 * Reads a saved sandbox into `state` (replacing its seed). False when there is none;
 * a file that is not a snapshot is renamed aside and reported through `log`.
 */
export async function loadSnapshot(state: SandboxState, folder: string): Promise<boolean> {
  const file = join(folder, SNAPSHOT_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  let snapshot: Snapshot;
  try {
    snapshot = decodeSnapshot(JSON.parse(text));
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    await fs.rename(file, aside).catch(() => undefined);
    state.config.log(`saved sandbox data could not be read (${messageOf(error)}); starting from the demo data, the old file is kept as ${aside}`);
    return false;
  }
  const store = new TeamStore();
  for (const list of snapshot.lists) store.createList(list.name, list.uuid, list.created_at);
  for (const r of snapshot.contacts) store.contacts.touch(store.contacts.addWithValues(r.values, r.created_at, r.lists, r.uuid), r.updated_at);
  for (const r of snapshot.companies) store.companies.touch(store.companies.addWithValues(r.values, r.created_at, r.lists, r.uuid), r.updated_at);
  state.store = store;
  for (const job of snapshot.imports) {
    const interrupted = job.status === 'in_progress';
    state.imports.set(job.uuid, { ...job, status: interrupted ? 'failed' : job.status, filePath: undefined });
  }
  for (const job of snapshot.exports) {
    const ready = job.status === 'done' && job.filePath !== undefined && (await exists(job.filePath));
    // A controller does not survive a restart: each kept export gets its own again.
    state.exports.set(job.uuid, { ...job, status: ready || job.status === 'failed' ? job.status : 'failed', filePath: ready ? job.filePath : undefined, partialPath: undefined, cancel: new AbortController() });
  }
  return true;
}

async function exists(path: string): Promise<boolean> {
  return fs.stat(path).then(() => true, () => false);
}
