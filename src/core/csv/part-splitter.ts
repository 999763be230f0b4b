/**
 * Cuts an upload copy that is over GetSales' per-upload limit into parts that are each
 * under it, for a file imported in parts. Every part is whole rows (the parser says where
 * each row starts and ends, so a line break inside a quoted cell never cuts a row), starts
 * with the header row, and is otherwise a byte-for-byte slice of the copy: the server reads
 * exactly the rows the pre-flight counted. One streaming read; memory holds the read chunk
 * and the row being read, whatever the file's size.
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
import { PART_MAX_BYTES, describeSize } from './limits';
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

/** Read bytes from the last written offset onward; views of the read buffer until `own()` copies them. */
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

export function partFileName(index: number): string {
  return `part-${index + 1}.csv`;
}

/**
 * Writes the parts and resolves with them in order. On any failure (a read error, an
 * abort, a row too big for a part) nothing is left behind: the part being written and
 * every part already published are removed.
 */
export async function splitIntoParts(copyPath: string, options: SplitOptions): Promise<SplitResult> {
  const maxPartBytes = options.maxPartBytes ?? PART_MAX_BYTES;
  const totalBytes = (await fs.stat(copyPath)).size;
  const lines = new LineStarts();
  const window = new ByteWindow();
  const plans: PartPlan[] = [];
  let seen = 0;
  let header: Uint8Array | undefined;
  let headerLines = 0;
  /** Bytes up to here belong to a part (the rows decided so far); `committedLine` is the line there. */
  let committed = 0;
  let committedLine = 1;
  let openEnded = false;

  const published: string[] = [];
  let writer: PartWriter | undefined;
  let flushed = 0;
  let writing = 0;

  const current = (): PartPlan => {
    const plan = plans[plans.length - 1];
    if (plan === undefined) throw new Error('No part is open.');
    return plan;
  };

  const onRow = (fields: string[], line: number, endLine: number): void => {
    if (openEnded) throw new Error('The copy mixes line-ending styles, so its rows cannot be cut safely.');
    const start = lines.at(line);
    const lineEnd = lines.at(endLine);
    if (start === undefined || start < committed) throw new Error(`The row on line ${line} was not found in the copy's bytes.`);
    // Only the last row of a copy without a final line break ends where the bytes end.
    if (lineEnd === undefined) openEnded = true;
    const end = lineEnd ?? totalBytes;
    if (header === undefined) {
      header = Buffer.concat(window.slice(start, end));
      headerLines = endLine - line;
      plans.push({ from: 0, sizeBytes: end, rows: 0, firstLine: endLine, lineOffset: 0 });
    } else {
      const added = end - committed;
      let plan = current();
      if (plan.rows > 0 && plan.sizeBytes + added > maxPartBytes) {
        plan = { from: committed, sizeBytes: header.length, rows: 0, firstLine: line, lineOffset: committedLine - (headerLines + 1) };
        plans.push(plan);
      }
      if (plan.sizeBytes + added > maxPartBytes) throw new RowTooBigError(line, end - start, maxPartBytes);
      if (plan.rows === 0) plan.firstLine = line;
      plan.sizeBytes += added;
      plan.rows += 1;
    }
    committed = end;
    committedLine = endLine;
    lines.dropBefore(endLine);
  };

  /** Writes every decided byte, opening the next part where one begins. */
  const flush = async (): Promise<void> => {
    while (flushed < committed) {
      const next = plans[writing + 1];
      if (writer === undefined || (next !== undefined && flushed === next.from)) {
        if (writer !== undefined) {
          await writer.publish();
          published.push(writer.target);
          writing += 1;
        }
        writer = await PartWriter.open(join(options.folder, partFileName(writing)));
        if (writing > 0 && header !== undefined) await writer.write(header);
        continue;
      }
      const to = next === undefined ? committed : Math.min(committed, next.from);
      for (const bytes of window.slice(flushed, to)) await writer.write(bytes);
      flushed = to;
    }
    window.keepFrom(flushed);
  };

  try {
    await streamRows(copyPath, { encoding: 'utf-8', delimiter: options.delimiter }, {
      onRow,
      onBytes(bytes) {
        window.push(seen, bytes);
        for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) lines.add(seen + at + 1);
        seen += bytes.length;
      },
      afterChunk: flush,
    }, { signal: options.signal, onProgress: options.onProgress, strict: false });
    // Blank lines after the last row stay with it when they fit; they hold no data.
    const last = plans[plans.length - 1];
    if (last !== undefined && last.sizeBytes + (totalBytes - committed) <= maxPartBytes) {
      last.sizeBytes += totalBytes - committed;
      committed = totalBytes;
    }
    await flush();
    if (writer !== undefined) {
      await writer.publish();
      published.push(writer.target);
      writer = undefined;
    }
  } catch (error) {
    await writer?.discard();
    await Promise.all(published.map(removeQuietly));
    throw error;
  }
  const parts = plans.map((plan, index): PartFile => ({
    path: published[index] ?? join(options.folder, partFileName(index)),
    sizeBytes: plan.sizeBytes,
    rows: plan.rows,
    firstLine: plan.firstLine,
    lineOffset: plan.lineOffset,
  }));
  return { parts, rows: parts.reduce((sum, part) => sum + part.rows, 0) };
}
