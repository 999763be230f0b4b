/**
 * Receives the `file` part of an upload as it streams in: writes it to disk for the
 * later import, and parses it on the way (BOM stripped, dialect sniffed from the first
 * 64 KB) to find the header, the first 10 data rows and the row count. The parsed rows
 * are also kept, packed, for the import to reuse (see UploadRowsCache), unless they
 * outgrow `maxRowsBytes`; then only the summary stays in memory and the import reads
 * the copy on disk.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { PartSink } from '../http/multipart';
import type { Newline } from '../csv/papa-rows';
import { PackedRowsBuilder, packedRowsBytes, type PackedRows } from '../csv/packed-rows';
import { RowScanner } from '../csv/row-scanner';
import { sniffDelimiter, sniffNewline, type Delimiter } from '../csv/sniff';
import { BATCH_ROWS } from './file-import';

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const SNIFF_CHARS = 64 * 1024;
/**
 * The disk copy is written in batches of this much (one writev call instead of one write
 * per 64 KB network chunk), and the request is paused only when the disk falls this far
 * behind twice over, not after every chunk.
 */
const WRITE_BATCH_BYTES = 1024 * 1024;
const PREVIEW_ROWS = 10;

export class FileTooLargeError extends Error {
  constructor() {
    super(`The file may not be greater than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  }
}

export interface CsvSummary {
  readonly delimiter: Delimiter;
  readonly newline: Newline;
  readonly headers: readonly string[] | undefined;
  readonly preview: readonly (readonly string[])[];
  readonly rowsCount: number;
  readonly bytes: number;
  readonly binary: boolean;
  /** The data rows in batches of BATCH_ROWS; undefined when they were not kept (too large, or binary). */
  readonly rows: readonly PackedRows[] | undefined;
}

export class UploadScan implements PartSink {
  private readonly out;
  private corkedBytes = 0;
  private readonly decoder = new StringDecoder('utf8');
  private bytes = 0;
  private binary = false;
  private sample = '';
  private startSeen = false;
  private scanner: RowScanner | undefined;
  private delimiter: Delimiter = ',';
  private newline: Newline = '\n';
  private readonly preview: string[][] = [];
  private rowsCount = 0;
  private packer: PackedRowsBuilder | undefined = new PackedRowsBuilder(BATCH_ROWS);
  private packed: PackedRows[] = [];
  private packedBytes = 0;

  constructor(readonly path: string, private readonly maxRowsBytes: number) {
    this.out = createWriteStream(path, { highWaterMark: 2 * WRITE_BATCH_BYTES });
    this.out.on('error', () => undefined); // surfaced by finish(); an unhandled 'error' would crash the server
  }

  /** True while the disk is behind; the reader should wait for `drained()`. */
  get needsDrain(): boolean {
    return this.out.writableNeedDrain;
  }

  async drained(): Promise<void> {
    if (!this.out.writableNeedDrain) return;
    this.flushCorked(); // corked bytes count as unwritten: without this, 'drain' would never come
    await once(this.out, 'drain');
  }

  data(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > MAX_UPLOAD_BYTES) throw new FileTooLargeError();
    if (!this.binary && chunk.indexOf(0) >= 0) {
      this.binary = true;
      this.dropRows(); // the upload will be refused, so its rows are of no use
    }
    if (this.corkedBytes === 0) this.out.cork();
    this.out.write(chunk);
    this.corkedBytes += chunk.length;
    if (this.corkedBytes >= WRITE_BATCH_BYTES) this.flushCorked();
    this.feed(this.decoder.write(chunk), false);
  }

  end(): void {
    this.feed(this.decoder.end(), true);
  }

  /** Flushes the copy on disk and returns what the parse found. */
  async finish(): Promise<CsvSummary> {
    this.out.end(); // also writes what is still corked
    await once(this.out, 'finish');
    this.keepBatch(this.packer?.flush());
    return {
      delimiter: this.delimiter, newline: this.newline, headers: this.scanner?.header, preview: this.preview,
      rowsCount: this.rowsCount, bytes: this.bytes, binary: this.binary, rows: this.packer === undefined ? undefined : this.packed,
    };
  }

  async discard(): Promise<void> {
    this.out.destroy();
    await fs.rm(this.path, { force: true });
  }

  private feed(text: string, final: boolean): void {
    if (this.scanner !== undefined) {
      this.scanner.pushEach(text, this.take);
      if (final) this.scanner.endEach(this.take);
      return;
    }
    this.sample += text;
    if (!this.startSeen && this.sample.length > 0) {
      this.startSeen = true;
      if (this.sample.charCodeAt(0) === 0xfeff) this.sample = this.sample.slice(1);
    }
    if (this.sample.length < SNIFF_CHARS && !final) return;
    this.delimiter = sniffDelimiter(this.sample, final);
    this.newline = sniffNewline(this.sample);
    this.scanner = new RowScanner(this.delimiter, this.newline);
    const sample = this.sample;
    this.sample = '';
    this.scanner.pushEach(sample, this.take);
    if (final) this.scanner.endEach(this.take);
  }

  /** Counts a data row, keeps the first ones for the preview, and packs it for the import. */
  private readonly take = (line: number, cells: readonly string[]): void => {
    this.rowsCount += 1;
    if (this.preview.length < PREVIEW_ROWS) this.preview.push([...cells]);
    if (this.packer !== undefined) this.keepBatch(this.packer.add(line, cells));
  };

  private flushCorked(): void {
    if (this.corkedBytes === 0) return;
    this.corkedBytes = 0;
    this.out.uncork();
  }

  private keepBatch(batch: PackedRows | undefined): void {
    if (batch === undefined) return;
    this.packed.push(batch);
    this.packedBytes += packedRowsBytes(batch);
    if (this.packedBytes > this.maxRowsBytes) this.dropRows();
  }

  private dropRows(): void {
    this.packer = undefined;
    this.packed = [];
  }
}
