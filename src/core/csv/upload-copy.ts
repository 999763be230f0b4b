/**
 * The copy of the user's file that is uploaded instead of it: converted text, or a byte
 * snapshot taken while the pre-flight reads it (so a save during the upload cannot
 * change or break what is sent). A private temp directory, text encoded a few rows at a
 * time and written with one call per read, and the final name appearing only once the
 * copy is complete. The user's file is never opened for writing. The SHA-256 of the copy
 * is worked out as it is written, so telling one upload from another needs no second read.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { safeFileName } from '../files/safe-file-name';

/**
 * Text is turned into UTF-8 this many characters at a time: joining and encoding much
 * longer strings (V8 large objects) measured several times slower.
 */
const ENCODE_CHARS = 32 * 1024;

/** "contacts.tsv" → "contacts.csv": the server is told the copy is a CSV. */
export function uploadFileName(sourcePath: string): string {
  const name = basename(sourcePath);
  const extension = extname(name).toLowerCase();
  const stem = ['.csv', '.tsv', '.tab', '.txt'].includes(extension) ? name.slice(0, -extension.length) : name;
  return safeFileName(`${stem}.csv`, { extension: '.csv', fallback: 'upload' });
}

export class UploadCopy {
  /** Text not encoded yet: it is encoded a few rows at a time, not row by row. */
  private pieces: string[] = [];
  private pendingChars = 0;
  /** Encoded text and snapshot bytes in file order, waiting for `flush`. */
  private queued: Uint8Array[] = [];
  private bytesWritten = 0;
  private readonly hash = createHash('sha256');
  /** The last byte written, hashed once more follows or the copy is published with it (a snapshot's end-of-file mark is cut). */
  private unhashedByte: number | undefined;

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
    if (this.pendingChars >= ENCODE_CHARS) this.encodePending();
  }

  /** Bytes as they are (a snapshot of the user's file), kept by reference: the caller must `flush` before it reuses them. */
  writeBytes(bytes: Uint8Array): void {
    this.encodePending();
    if (bytes.length > 0) this.queued.push(bytes);
  }

  /** Writes what is queued; with `force`, the text not encoded yet too. */
  async flush(force = false): Promise<void> {
    if (force) this.encodePending();
    if (this.queued.length === 0) return;
    const data = this.queued;
    this.queued = [];
    await this.handle.writev(data);
    for (const bytes of data) this.hashWritten(bytes);
  }

  private encodePending(): void {
    if (this.pendingChars === 0) return;
    this.queued.push(Buffer.from(this.pieces.length === 1 ? this.pieces[0] ?? '' : this.pieces.join(''), 'utf8'));
    this.pieces = [];
    this.pendingChars = 0;
  }

  private hashWritten(bytes: Uint8Array): void {
    this.bytesWritten += bytes.length;
    if (this.unhashedByte !== undefined) this.hash.update(Uint8Array.of(this.unhashedByte));
    this.hash.update(bytes.subarray(0, -1));
    this.unhashedByte = bytes[bytes.length - 1];
  }

  /**
   * Completes the copy under its final name; `dropLastByte` cuts a snapshot's trailing
   * end-of-file mark. `contentHash` is the hex SHA-256 of the copy's bytes.
   */
  async publish(dropLastByte = false): Promise<{ path: string; sizeBytes: number; contentHash: string }> {
    await this.flush(true);
    if (dropLastByte && this.unhashedByte !== undefined) {
      this.bytesWritten -= 1;
      await this.handle.truncate(this.bytesWritten);
    } else if (this.unhashedByte !== undefined) {
      this.hash.update(Uint8Array.of(this.unhashedByte));
    }
    this.unhashedByte = undefined;
    await this.handle.close();
    await fs.rename(this.partPath, this.finalPath);
    return { path: this.finalPath, sizeBytes: this.bytesWritten, contentHash: this.hash.digest('hex') };
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
