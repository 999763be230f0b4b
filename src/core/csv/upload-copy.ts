/**
 * The copy of the user's file that is uploaded instead of it: converted text, or a byte
 * snapshot taken while the pre-flight reads it (so a save during the upload cannot
 * change or break what is sent). A private temp directory, text buffered and written in
 * large slices, and the final name appearing only once the copy is complete. The user's
 * file is never opened for writing.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { safeFileName } from '../files/safe-file-name';

const FLUSH_CHARS = 1024 * 1024;
/** The most `publish` may cut from the end (a snapshot's end-of-file mark is one byte). */
const MAX_DROPPED_BYTES = 16;

/** "contacts.tsv" → "contacts.csv": the server is told the copy is a CSV. */
export function uploadFileName(sourcePath: string): string {
  const name = basename(sourcePath);
  const extension = extname(name).toLowerCase();
  const stem = ['.csv', '.tsv', '.tab', '.txt'].includes(extension) ? name.slice(0, -extension.length) : name;
  return safeFileName(`${stem}.csv`, { extension: '.csv', fallback: 'upload' });
}

export class UploadCopy {
  private pieces: string[] = [];
  private readonly byteChunks: Uint8Array[] = [];
  private pendingChars = 0;
  private bytesWritten = 0;
  private readonly hash = createHash('sha256');
  /** The last bytes written, hashed only once `publish` knows whether it cuts them. */
  private unhashed: Buffer = Buffer.alloc(0);

  private constructor(
    private readonly dir: string,
    private readonly finalPath: string,
    private readonly partPath: string,
    private readonly handle: fs.FileHandle,
  ) {}

  static async create(sourcePath: string, tempRoot: string = tmpdir()): Promise<UploadCopy> {
    const dir = await fs.mkdtemp(join(tempRoot, 'getsales-csv-'));
    const finalPath = join(dir, uploadFileName(sourcePath));
    const partPath = `${finalPath}.part`;
    try {
      return new UploadCopy(dir, finalPath, partPath, await fs.open(partPath, 'wx'));
    } catch (error) {
      await fs.rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  write(text: string): void {
    this.pieces.push(text);
    this.pendingChars += text.length;
  }

  /** Bytes as they are (a snapshot of the user's file), kept by reference: the caller must `flush` before it reuses them. */
  writeBytes(bytes: Uint8Array): void {
    this.byteChunks.push(bytes);
  }

  /** Writes what is buffered once there is enough of it (or always, with `force`). */
  async flush(force = false): Promise<void> {
    for (const chunk of this.byteChunks.splice(0)) {
      await this.handle.write(chunk);
      this.bytesWritten += chunk.length;
      this.addToHash(chunk);
    }
    if (this.pendingChars === 0 || (!force && this.pendingChars < FLUSH_CHARS)) return;
    const data = Buffer.from(this.pieces.join(''), 'utf8');
    this.pieces = [];
    this.pendingChars = 0;
    await this.handle.write(data);
    this.bytesWritten += data.length;
    this.addToHash(data);
  }

  /**
   * Completes the copy under its final name; `dropLastBytes` cuts a snapshot's trailing
   * end-of-file mark. `contentHash` is the hex SHA-256 of exactly the bytes published.
   */
  async publish(dropLastBytes = 0): Promise<{ path: string; sizeBytes: number; contentHash: string }> {
    if (dropLastBytes > MAX_DROPPED_BYTES) throw new RangeError(`publish cuts at most ${MAX_DROPPED_BYTES} bytes`);
    await this.flush(true);
    const kept = Math.max(0, this.unhashed.length - dropLastBytes);
    this.hash.update(this.unhashed.subarray(0, kept));
    if (dropLastBytes > 0) {
      this.bytesWritten = Math.max(0, this.bytesWritten - dropLastBytes);
      await this.handle.truncate(this.bytesWritten);
    }
    await this.handle.close();
    await fs.rename(this.partPath, this.finalPath);
    return { path: this.finalPath, sizeBytes: this.bytesWritten, contentHash: this.hash.digest('hex') };
  }

  /** Hashes what was written but the last few bytes, which wait for `publish` (it may cut them). */
  private addToHash(written: Uint8Array): void {
    if (written.length >= MAX_DROPPED_BYTES) {
      this.hash.update(this.unhashed);
      this.hash.update(written.subarray(0, written.length - MAX_DROPPED_BYTES));
      // A copy: snapshot chunks are the reader's buffers, reused after `flush`.
      this.unhashed = Buffer.from(written.subarray(written.length - MAX_DROPPED_BYTES));
      return;
    }
    const joined = Buffer.concat([this.unhashed, written]);
    const cut = Math.max(0, joined.length - MAX_DROPPED_BYTES);
    this.hash.update(joined.subarray(0, cut));
    this.unhashed = joined.subarray(cut);
  }

  /** Removes the copy and its directory; safe to call at any point. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await removeUploadCopy(this.finalPath);
  }

  get directory(): string {
    return this.dir;
  }
}

/** Deletes a published copy together with the private directory it lives in. */
export async function removeUploadCopy(copyPath: string): Promise<void> {
  const dir = join(copyPath, '..');
  if (!basename(dir).startsWith('getsales-csv-')) throw new Error(`Not an upload copy: ${copyPath}`);
  await fs.rm(dir, { recursive: true, force: true });
}
