/**
 * Receives the `file` part of an upload as it streams in: writes it to disk for the
 * later import, and parses it on the way (BOM stripped, dialect sniffed from the first
 * 64 KB) to find the header, the first 10 data rows and the row count. Nothing but
 * that summary is kept in memory.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { PartSink } from '../http/multipart';
import type { Newline } from '../csv/papa-rows';
import { RowScanner, type DataRow } from '../csv/row-scanner';
import { sniffDelimiter, sniffNewline, type Delimiter } from '../csv/sniff';

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const SNIFF_CHARS = 64 * 1024;
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
}

export class UploadScan implements PartSink {
  private readonly out;
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

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
    this.out.on('error', () => undefined); // surfaced by finish(); an unhandled 'error' would crash the server
  }

  /** True while the disk is behind; the reader should wait for `drained()`. */
  get needsDrain(): boolean {
    return this.out.writableNeedDrain;
  }

  async drained(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  data(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > MAX_UPLOAD_BYTES) throw new FileTooLargeError();
    if (!this.binary && chunk.indexOf(0) >= 0) this.binary = true;
    this.out.write(chunk);
    this.feed(this.decoder.write(chunk), false);
  }

  end(): void {
    this.feed(this.decoder.end(), true);
  }

  /** Flushes the copy on disk and returns what the parse found. */
  async finish(): Promise<CsvSummary> {
    this.out.end();
    await once(this.out, 'finish');
    return {
      delimiter: this.delimiter, newline: this.newline, headers: this.scanner?.header, preview: this.preview,
      rowsCount: this.rowsCount, bytes: this.bytes, binary: this.binary,
    };
  }

  async discard(): Promise<void> {
    this.out.destroy();
    await fs.rm(this.path, { force: true });
  }

  private feed(text: string, final: boolean): void {
    if (this.scanner !== undefined) {
      this.take(this.scanner.push(text));
      if (final) this.take(this.scanner.end());
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
    this.take(this.scanner.push(sample));
    if (final) this.take(this.scanner.end());
  }

  private take(rows: readonly DataRow[]): void {
    this.rowsCount += rows.length;
    for (const row of rows) {
      if (this.preview.length >= PREVIEW_ROWS) break;
      this.preview.push([...row.cells]);
    }
  }
}
