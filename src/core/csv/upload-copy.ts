/**
 * The copy of the user's file that is uploaded instead of it: converted text, or a byte
 * snapshot taken while the pre-flight reads it (so a save during the upload cannot
 * change or break what is sent). A private temp directory, text buffered and written in
 * large slices, and the final name appearing only once the copy is complete. The user's
 * file is never opened for writing.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { safeFileName } from '../files/safe-file-name';

const FLUSH_CHARS = 1024 * 1024;

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
    }
    if (this.pendingChars === 0 || (!force && this.pendingChars < FLUSH_CHARS)) return;
    const data = Buffer.from(this.pieces.join(''), 'utf8');
    this.pieces = [];
    this.pendingChars = 0;
    await this.handle.write(data);
    this.bytesWritten += data.length;
  }

  /** Completes the copy under its final name; `dropLastBytes` cuts a snapshot's trailing end-of-file mark. */
  async publish(dropLastBytes = 0): Promise<{ path: string; sizeBytes: number }> {
    await this.flush(true);
    if (dropLastBytes > 0) {
      this.bytesWritten = Math.max(0, this.bytesWritten - dropLastBytes);
      await this.handle.truncate(this.bytesWritten);
    }
    await this.handle.close();
    await fs.rename(this.partPath, this.finalPath);
    return { path: this.finalPath, sizeBytes: this.bytesWritten };
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
