/**
 * The parsed rows of uploads whose import has not started, so the import reuses the
 * upload's parse instead of parsing the file again. Bounded: one upload's rows are at
 * most its text (a 15 MB file is at most 15 M characters, 30 MB as UTF-16) plus 8 bytes
 * a row, and all kept rows together stay within `maxBytes`; the oldest give way to a
 * newer upload, and an upload that alone exceeds the budget is not kept. Giving way
 * loses nothing: the file is on disk, and an import without kept rows reads it again.
 */
import { packedRowsBytes, type PackedRows } from '../csv/packed-rows';

/** Room for two of the largest uploads that are plain text. */
export const UPLOAD_ROWS_BUDGET_BYTES = 64 * 1024 * 1024;

interface Entry {
  readonly rows: readonly PackedRows[];
  readonly bytes: number;
}

export class UploadRowsCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(readonly maxBytes: number = UPLOAD_ROWS_BUDGET_BYTES) {}

  keep(uploadUuid: string, rows: readonly PackedRows[]): void {
    const bytes = rows.reduce((sum, batch) => sum + packedRowsBytes(batch), 0);
    if (bytes > this.maxBytes) return;
    for (const [uuid, entry] of this.entries) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.entries.delete(uuid);
      this.bytes -= entry.bytes;
    }
    this.entries.set(uploadUuid, { rows, bytes });
    this.bytes += bytes;
  }

  /** The upload's rows, if still kept; they leave the cache (an import runs once). */
  take(uploadUuid: string): readonly PackedRows[] | undefined {
    const entry = this.entries.get(uploadUuid);
    if (entry === undefined) return undefined;
    this.entries.delete(uploadUuid);
    this.bytes -= entry.bytes;
    return entry.rows;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
