/**
 * Cuts an upload copy that is over GetSales' per-upload limit into parts that are each
 * under it, for a file imported in parts. Every part is whole rows, starts with the header
 * row, and is otherwise a byte-for-byte slice of the copy: the server reads exactly the
 * rows the pre-flight counted. One streaming read; memory holds the read chunk and the
 * row being read, whatever the file's size.
 *
 * Where rows end is the parser's word: the copy is parsed as the pre-flight parsed it, so
 * a line break inside a quoted cell never cuts a row. When the pre-flight's parser found
 * no row spanning lines (`rowsSpanLines: false`, the common file), every line break ends
 * a row by that same count, and the copy is cut at line breaks without parsing it again.
 *
 * Line numbers: a part keeps its rows in order and every line between them, so line L of
 * a part (below its header) is line L + `lineOffset` of the copy — and the copy keeps each
 * row on its source line, so that is the line the user sees in the file. Error reports map
 * the server's row numbers back this way.
 *
 * The copy must use one line-ending style, as the full pass leaves it (a copy that mixed
 * them is rewritten row by row): line breaks are counted on the bytes (LF) and on the
 * parsed rows, and both must agree.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { removeQuietly, tempPathBeside } from '../files/atomic-file';
import type { CsvDelimiter } from './dialect';
import { PART_MAX_BYTES, STREAM_CHUNK_BYTES, describeSize } from './limits';
import { parseText } from './papa';
import { isBlankRow } from './row-lines';
import { streamRows } from './row-stream';

export interface PartFile {
  /** The published part, `part-<n>.csv` in the folder given. */
  readonly path: string;
  readonly sizeBytes: number;
  /** Data rows in the part (blank lines not counted). */
  readonly rows: number;
  /** Line of the copy (and of the source) on which the part's first data row starts. */
  readonly firstLine: number;
  /** A line of the part below its header, plus this, is the line of the copy. */
  readonly lineOffset: number;
}

export interface SplitResult {
  readonly parts: readonly PartFile[];
  /** Data rows in all parts together: the full pass's row count. */
  readonly rows: number;
}

export interface SplitOptions {
  /** An existing folder of the caller's; the parts are written there as part-1.csv, part-2.csv, … */
  readonly folder: string;
  /** How the copy separates its cells (the parser needs it to see where quoted cells start). */
  readonly delimiter: CsvDelimiter;
  /**
   * False only when the pre-flight's parser found no row with a line break inside a quoted
   * cell (`FullPassResult.multiLineRows === 0`): the copy is then cut at line breaks without
   * being parsed again. Default true: every row is parsed.
   */
  readonly rowsSpanLines?: boolean;
  /** The most a part may hold, header included. Default PART_MAX_BYTES. */
  readonly maxPartBytes?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** A single row bigger than a part may be: the file cannot be imported in parts. */
export class RowTooBigError extends Error {
  constructor(readonly line: number, readonly rowBytes: number, readonly maxPartBytes: number) {
    super(`The row on line ${line.toLocaleString('en-US')} is ${describeSize(rowBytes)} on its own, more than one part may hold (${describeSize(maxPartBytes)} with the header).`);
    this.name = 'RowTooBigError';
  }
}

const LF = 0x0a;
const QUOTE = 0x22;

export function partFileName(index: number): string {
  return `part-${index + 1}.csv`;
}

/** Byte offsets of line starts from the oldest line still needed onward. */
class LineStarts {
  private offsets: number[] = [0];
  private head = 0;
  /** Line number of offsets[head]. */
  private base = 1;

  /** Records a line break whose next line starts at `offset`. */
  add(offset: number): void {
    this.offsets.push(offset);
  }

  /** Where `line` starts, or undefined when the text has not reached it (the last row, without a final line break). */
  at(line: number): number | undefined {
    if (line < this.base) throw new Error(`Line ${line} was already dropped (oldest kept: ${this.base}).`);
    return this.offsets[this.head + line - this.base];
  }

  /** Lines before `line` are no longer needed. */
  dropBefore(line: number): void {
    if (line <= this.base) return;
    this.head += line - this.base;
    this.base = line;
    if (this.head > 4096 && this.head * 2 > this.offsets.length) {
      this.offsets = this.offsets.slice(this.head);
      this.head = 0;
    }
  }
}

/** Read bytes from the last written offset onward; views of the read buffer until `keepFrom` copies them. */
class ByteWindow {
  private chunks: { start: number; bytes: Uint8Array }[] = [];

  push(start: number, bytes: Uint8Array): void {
    this.chunks.push({ start, bytes });
  }

  /** The bytes in [from, to), as views. */
  slice(from: number, to: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const { start, bytes } of this.chunks) {
      const end = start + bytes.length;
      if (end <= from || start >= to) continue;
      out.push(bytes.subarray(Math.max(0, from - start), Math.min(bytes.length, to - start)));
    }
    return out;
  }

  /** Forgets what lies before `offset` and copies the rest, so the read buffer can be reused. */
  keepFrom(offset: number): void {
    this.chunks = this.chunks.flatMap(({ start, bytes }) => {
      const end = start + bytes.length;
      if (end <= offset) return [];
      const from = Math.max(0, offset - start);
      return [{ start: start + from, bytes: Buffer.from(bytes.subarray(from)) }];
    });
  }
}

/** A part file written beside its final name and renamed into place only once complete. */
class PartWriter {
  private constructor(readonly target: string, private readonly temp: string, private readonly handle: fs.FileHandle) {}

  static async open(target: string): Promise<PartWriter> {
    const temp = tempPathBeside(target);
    return new PartWriter(target, temp, await fs.open(temp, 'wx'));
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length > 0) await this.handle.write(bytes);
  }

  async publish(): Promise<void> {
    await this.handle.close();
    await fs.rename(this.temp, this.target);
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await removeQuietly(this.temp);
  }
}

interface PartPlan {
  /** Byte offset of the copy where the part's own bytes start (after the header it repeats). */
  readonly from: number;
  sizeBytes: number;
  rows: number;
  firstLine: number;
  readonly lineOffset: number;
}

/**
 * Decides which part each row goes to (the reader says where rows are) and writes the
 * decided bytes between reads. Both readers feed it the same way.
 */
class PartBuilder {
  readonly window = new ByteWindow();
  private readonly plans: PartPlan[] = [];
  private header: Uint8Array | undefined;
  private headerLines = 0;
  /** Bytes up to here belong to a part (the rows decided so far); `committedLine` is the line there. */
  private committed = 0;
  private committedLine = 1;
  private readonly published: string[] = [];
  private writer: PartWriter | undefined;
  private flushed = 0;
  private writing = 0;

  constructor(private readonly folder: string, private readonly maxPartBytes: number, private readonly totalBytes: number) {}

  /** A row (or the header) in bytes [start, end) of the copy, on lines [line, endLine). */
  row(start: number, end: number, line: number, endLine: number): void {
    if (start < this.committed || end < start) throw new Error(`The row on line ${line} was not found in the copy's bytes.`);
    if (this.header === undefined) {
      this.header = Buffer.concat(this.window.slice(start, end));
      this.headerLines = endLine - line;
      this.plans.push({ from: 0, sizeBytes: end, rows: 0, firstLine: endLine, lineOffset: 0 });
    } else {
      const added = end - this.committed;
      let plan = this.current();
      if (plan.rows > 0 && plan.sizeBytes + added > this.maxPartBytes) {
        plan = { from: this.committed, sizeBytes: this.header.length, rows: 0, firstLine: line, lineOffset: this.committedLine - (this.headerLines + 1) };
        this.plans.push(plan);
      }
      if (plan.sizeBytes + added > this.maxPartBytes) throw new RowTooBigError(line, end - start, this.maxPartBytes);
      if (plan.rows === 0) plan.firstLine = line;
      plan.sizeBytes += added;
      plan.rows += 1;
    }
    this.committed = end;
    this.committedLine = endLine;
  }

  /** Writes every decided byte, opening the next part where one begins; then the read buffer is free. */
  async flush(): Promise<void> {
    while (this.flushed < this.committed) {
      const next = this.plans[this.writing + 1];
      if (this.writer === undefined || (next !== undefined && this.flushed === next.from)) {
        if (this.writer !== undefined) {
          await this.writer.publish();
          this.published.push(this.writer.target);
          this.writing += 1;
        }
        this.writer = await PartWriter.open(join(this.folder, partFileName(this.writing)));
        if (this.writing > 0 && this.header !== undefined) await this.writer.write(this.header);
        continue;
      }
      const to = next === undefined ? this.committed : Math.min(this.committed, next.from);
      for (const bytes of this.window.slice(this.flushed, to)) await this.writer.write(bytes);
      this.flushed = to;
    }
    this.window.keepFrom(this.flushed);
  }

  /** Once the copy is read: trailing blank lines stay with the last row when they fit (they hold no data). */
  async finish(): Promise<SplitResult> {
    const last = this.plans[this.plans.length - 1];
    if (last !== undefined && last.sizeBytes + (this.totalBytes - this.committed) <= this.maxPartBytes) {
      last.sizeBytes += this.totalBytes - this.committed;
      this.committed = this.totalBytes;
    }
    await this.flush();
    if (this.writer !== undefined) {
      await this.writer.publish();
      this.published.push(this.writer.target);
      this.writer = undefined;
    }
    const parts = this.plans.map((plan, index): PartFile => ({
      path: this.published[index] ?? join(this.folder, partFileName(index)),
      sizeBytes: plan.sizeBytes,
      rows: plan.rows,
      firstLine: plan.firstLine,
      lineOffset: plan.lineOffset,
    }));
    return { parts, rows: parts.reduce((sum, part) => sum + part.rows, 0) };
  }

  /** Nothing is left behind: the part being written and every part already published go. */
  async abandon(): Promise<void> {
    await this.writer?.discard();
    await Promise.all(this.published.map(removeQuietly));
  }

  private current(): PartPlan {
    const plan = this.plans[this.plans.length - 1];
    if (plan === undefined) throw new Error('No part is open.');
    return plan;
  }
}

/** Rows from the parser: where each starts and ends, as lines, turned into bytes by counting LFs. */
async function parsedRows(copyPath: string, builder: PartBuilder, options: SplitOptions, totalBytes: number): Promise<void> {
  const lines = new LineStarts();
  let seen = 0;
  let openEnded = false;
  await streamRows(copyPath, { encoding: 'utf-8', delimiter: options.delimiter }, {
    onRow(_fields, line, endLine) {
      if (openEnded) throw new Error('The copy mixes line-ending styles, so its rows cannot be cut safely.');
      const start = lines.at(line);
      const lineEnd = lines.at(endLine);
      if (start === undefined) throw new Error(`The row on line ${line} was not found in the copy's bytes.`);
      // Only the last row of a copy without a final line break ends where the bytes end.
      if (lineEnd === undefined) openEnded = true;
      builder.row(start, lineEnd ?? totalBytes, line, endLine);
      lines.dropBefore(endLine);
    },
    onBytes(bytes) {
      builder.window.push(seen, bytes);
      for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) lines.add(seen + at + 1);
      seen += bytes.length;
    },
    afterChunk: () => builder.flush(),
  }, { signal: options.signal, onProgress: options.onProgress, strict: false });
}

/**
 * True when bytes [from, to) might make a blank row: nothing but delimiters, quotes,
 * spaces and bytes that may spell other whitespace. Most lines show a letter or a digit
 * in their first bytes, so this costs next to nothing.
 */
function maybeBlank(bytes: Uint8Array, from: number, to: number, delimiter: number): boolean {
  for (let at = from; at < to; at += 1) {
    const byte = bytes[at] ?? 0;
    if (byte > 0x20 && byte < 0x7f && byte !== delimiter && byte !== QUOTE) return false;
  }
  return true;
}

/**
 * Rows from line breaks: every line is a row (the pre-flight's parser said none spans
 * lines); a line that might be blank is parsed, and skipped when the parser calls it blank.
 */
async function lineRows(copyPath: string, builder: PartBuilder, options: SplitOptions, totalBytes: number): Promise<void> {
  const delimiter = options.delimiter.charCodeAt(0);
  const blank = (start: number, end: number): boolean => {
    const text = Buffer.concat(builder.window.slice(start, end)).toString('utf8').replace(/\r?\n$/, '');
    const [cells] = parseText(text, options.delimiter, true).rows;
    return cells === undefined || isBlankRow(cells);
  };
  const handle = await fs.open(copyPath, 'r');
  try {
    const buffer = Buffer.allocUnsafe(STREAM_CHUNK_BYTES);
    let seen = 0;
    let lineStart = 0;
    let line = 1;
    for (;;) {
      options.signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      builder.window.push(seen, bytes);
      for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) {
        const end = seen + at + 1;
        // A line begun in an earlier read is checked whole, from the window.
        const suspect = lineStart < seen ? maybeBlank(Buffer.concat(builder.window.slice(lineStart, end)), 0, end - lineStart, delimiter) : maybeBlank(bytes, lineStart - seen, at + 1, delimiter);
        if (!suspect || !blank(lineStart, end)) builder.row(lineStart, end, line, line + 1);
        lineStart = end;
        line += 1;
      }
      seen += bytesRead;
      await builder.flush();
      options.onProgress?.(seen, totalBytes);
    }
    if (lineStart < seen && !(maybeBlank(Buffer.concat(builder.window.slice(lineStart, seen)), 0, seen - lineStart, delimiter) && blank(lineStart, seen))) {
      builder.row(lineStart, seen, line, line + 1);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Writes the parts and resolves with them in order. On any failure (a read error, an
 * abort, a row too big for a part) nothing is left behind: the part being written and
 * every part already published are removed.
 */
export async function splitIntoParts(copyPath: string, options: SplitOptions): Promise<SplitResult> {
  const totalBytes = (await fs.stat(copyPath)).size;
  const builder = new PartBuilder(options.folder, options.maxPartBytes ?? PART_MAX_BYTES, totalBytes);
  try {
    if (options.rowsSpanLines === false) await lineRows(copyPath, builder, options, totalBytes);
    else await parsedRows(copyPath, builder, options, totalBytes);
    return await builder.finish();
  } catch (error) {
    await builder.abandon();
    throw error;
  }
}
