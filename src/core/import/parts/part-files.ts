/**
 * Where the part files of files imported in parts live: one folder per file, named by the
 * parent job's local id, under a root in the extension's storage (so parts outlive a
 * window reload while some remain to be sent). A folder goes when its parent ends with
 * every part imported, when the parent is removed, or when the mapping screen that made
 * it closes without starting; a sweep at start-up removes old folders no job knows.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import type { PreparedFile } from '../preflight';
import { MAX_PARTS, MAX_UPLOAD_BYTES, describeSize } from '../../csv/limits';
import { formatBytes } from '../../../shared/format';
import { type PartFile, RowTooBigError, splitIntoParts } from '../../csv/part-splitter';
import { UserError } from '../../user-error';

/** A folder that no job refers to and that nobody touched for this long belongs to nobody. */
export const ORPHAN_PARTS_MS = 24 * 60 * 60 * 1000;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The folder of `id` under `root`; an id that is not one of ours (it may come from a webview's saved state) is refused. */
export function partsFolder(root: string, id: string): string {
  if (!ID.test(id)) throw new Error(`Not a parts id: ${id.slice(0, 60)}`);
  return join(root, id);
}

/** The file as GetSales lists it: "contacts.part-2-of-3.csv". */
export function partUploadName(sourceName: string, index: number, count: number): string {
  const stem = basename(sourceName).replace(/\.(csv|tsv|tab|txt)$/i, '') || 'upload';
  return `${stem}.part-${index + 1}-of-${count}.csv`;
}

/** A file cut into parts, waiting to be started (the mapping screen holds it until then). */
export interface PreparedParts {
  /** Becomes the parent job's local id. */
  readonly id: string;
  readonly folder: string;
  readonly parts: readonly PartFile[];
}

export interface SplitPreparedOptions {
  readonly root: string;
  /** Re-split into this id's folder (a screen restored after a reload); default a new id. */
  readonly id?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Default PART_MAX_BYTES; tests make small parts of small files. */
  readonly maxPartBytes?: number;
}

/**
 * Cuts a prepared file's upload copy into parts in a fresh folder. The caller still
 * disposes the upload copy; on failure the folder is gone.
 */
export async function splitPreparedFile(prepared: PreparedFile, options: SplitPreparedOptions): Promise<PreparedParts> {
  const id = options.id ?? randomUUID();
  const folder = partsFolder(options.root, id);
  const name = basename(prepared.path);
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(folder, { recursive: true });
  try {
    const split = await splitIntoParts(prepared.fullPass.uploadPath, {
      folder, delimiter: prepared.fullPass.uploadDelimiter, signal: options.signal, onProgress: options.onProgress, maxPartBytes: options.maxPartBytes,
      // The pre-flight's parser has read every row: without a line break inside a cell, every line break ends a row.
      rowsSpanLines: prepared.fullPass.multiLineRows > 0,
    });
    if (split.rows !== prepared.fullPass.rowCount) {
      throw new Error(`The parts of ${name} hold ${split.rows} rows, the pre-flight counted ${prepared.fullPass.rowCount}; nothing was sent.`);
    }
    if (split.parts.length > MAX_PARTS) {
      throw new UserError(`${name} cannot be imported: it would take ${split.parts.length} parts, and this extension imports at most ${MAX_PARTS} parts of a file. Split it into smaller files. Nothing was sent to GetSales.`, []);
    }
    return { id, folder, parts: split.parts };
  } catch (error) {
    await fs.rm(folder, { recursive: true, force: true });
    if (error instanceof RowTooBigError) throw new UserError(`${name} cannot be imported in parts: ${error.message} Nothing was sent to GetSales.`, []);
    throw error;
  }
}

/** The sentence that offers the parts: size, limit, count. */
export function partsOffer(prepared: PreparedFile, parts: PreparedParts): string {
  const converted = prepared.fullPass.converted ? ' once converted for the upload' : '';
  return `${basename(prepared.path)} is ${describeSize(prepared.fullPass.uploadSizeBytes)}${converted}; GetSales accepts up to ${formatBytes(MAX_UPLOAD_BYTES)} per upload. Import it in ${parts.parts.length} parts?`;
}

export async function removePartsFolder(folder: string): Promise<void> {
  await fs.rm(folder, { recursive: true, force: true });
}

/** Removes the folders under `root` that no job names and nobody touched for a day. Never fails. */
export async function sweepPartsFolders(root: string, known: ReadonlySet<string>, now = Date.now()): Promise<string[]> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const folder = join(root, name);
    if (!ID.test(name) || known.has(folder)) continue;
    const stat = await fs.stat(folder).catch(() => undefined);
    if (stat === undefined || now - stat.mtimeMs < ORPHAN_PARTS_MS) continue;
    await removePartsFolder(folder).catch(() => undefined);
    removed.push(folder);
  }
  return removed;
}
