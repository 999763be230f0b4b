/**
 * Writing files so that nothing is ever half-written or overwritten by surprise: data
 * goes to a temp file beside the target, and only a complete file is moved into place.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { candidatePaths } from './safe-file-name';

/** A hidden, unique temp path in the same directory (so the final rename stays on one volume). */
export function tempPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
}

/** The names tempPathBeside makes, and nothing else. */
const OWN_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.part$/;

/** A temp file untouched this long belongs to a download that was killed; a live one is written to all the time. */
export const STALE_TEMP_MS = 15 * 60 * 1000;

/** Removes this extension's temp files left in `dir` by downloads that were killed. Never fails. */
export async function removeStaleTempFiles(dir: string, now = Date.now()): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => OWN_TEMP_NAME.test(name)).map(async (name) => {
    const path = join(dir, name);
    const stat = await fs.lstat(path).catch(() => undefined);
    if (stat?.isFile() === true && now - stat.mtimeMs > STALE_TEMP_MS) await removeQuietly(path);
  }));
}

export async function removeQuietly(path: string): Promise<void> {
  await fs.rm(path, { force: true }).catch(() => undefined);
}

/**
 * Moves a finished temp file to `desired`, or to `name (1).ext`, `name (2).ext`, … when
 * that exists. Never replaces an existing file. Returns the path used.
 */
export async function publishWithoutOverwrite(tempPath: string, desired: string): Promise<string> {
  for (const candidate of candidatePaths(dirname(desired), basename(desired))) {
    try {
      // link() fails with EEXIST instead of replacing, which makes "pick a free name" race-free.
      await fs.link(tempPath, candidate);
      await removeQuietly(tempPath);
      return candidate;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
      // File systems without hard links (FAT, some network shares): check, then rename.
      if (await exists(candidate)) continue;
      await fs.rename(tempPath, candidate);
      return candidate;
    }
  }
  throw new Error(`No free file name found for ${basename(desired)} in ${dirname(desired)}.`);
}

/** Writes `data` to `target` through a temp file; replaces `target` only when `overwrite` is set. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { overwrite?: boolean } = {}): Promise<string> {
  const temp = tempPathBeside(target);
  try {
    await fs.writeFile(temp, data, { flag: 'wx' });
    if (options.overwrite) {
      await fs.rename(temp, target);
      return target;
    }
    return await publishWithoutOverwrite(temp, target);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
}

export interface StreamToFileOptions {
  readonly signal?: AbortSignal;
  /** Called with the running total after each chunk is handed to the file. */
  readonly onBytes?: (bytes: number) => void;
  /** Checked once the stream ends and before the file is published; throw to reject it. */
  readonly verify?: (bytes: number) => void;
}

/**
 * Streams `source` into a temp file beside `target`, then publishes it without
 * overwriting. On any failure (stream error, abort, `verify` throwing) the temp file is
 * removed and nothing appears at the target.
 */
export async function streamToFileAtomic(source: Readable | AsyncIterable<Uint8Array>, target: string, options: StreamToFileOptions = {}): Promise<{ path: string; bytes: number }> {
  await removeStaleTempFiles(dirname(target));
  const temp = tempPathBeside(target);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      options.onBytes?.(bytes);
      callback(null, chunk);
    },
  });
  // Opened before the pipeline starts and closed before any cleanup: a stream that opens
  // its file lazily can create it after a failed pipeline's cleanup has already run.
  const out = (await fs.open(temp, 'wx')).createWriteStream();
  try {
    await pipeline(source, counter, out, { signal: options.signal });
    options.verify?.(bytes);
    return { path: await publishWithoutOverwrite(temp, target), bytes };
  } catch (error) {
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    await removeQuietly(temp);
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(() => true, () => false);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
