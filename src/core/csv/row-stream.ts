/**
 * The streaming read loop shared by the full pass and row validation: bytes → text in the
 * file's encoding → "\n" line breaks → rows with the line each starts on. One reused read
 * buffer and no row kept after its callback, so memory stays flat on any file size.
 */
import { promises as fs } from 'node:fs';
import type { CsvDialect } from './dialect';
import { createChunkDecoder } from './encoding';
import { STREAM_CHUNK_BYTES, STREAM_SLICE_BYTES } from './limits';
import { RowSplitter } from './line-endings';
import type { ParsedRows, QuoteErrorCode } from './papa';
import { LineCounter, isBlankRow } from './row-lines';

export interface RowHandlers {
  /** Every row that is not blank, with the 1-based line of the file it starts on and the line after its last one. */
  onRow(fields: string[], line: number, endLine: number): void;
  /** A blank row (or Excel's "sep=" line), skipped: `lines` is how many lines it spans. */
  onSkippedRow?(lines: number): void;
  /** The bytes as read, before decoding: for a snapshot. The view is valid until `afterChunk` resolves (the buffer is then read into again). */
  onBytes?(bytes: Uint8Array): void;
  /** The decoded text as read (BOM and a final end-of-file mark removed, line endings untouched), for a verbatim copy. */
  onText?(text: string): void;
  /** A quote the parser could not make sense of. */
  onQuoteError?(code: QuoteErrorCode, line: number): void;
  /** Awaited after each chunk: the place to drain a writer, so reading never outruns writing. */
  afterChunk?(): Promise<void>;
}

export interface RowStreamOptions {
  readonly signal?: AbortSignal;
  /** Whether UTF-8 bytes that are not valid throw (true) or become U+FFFD (false); the default is the encoding's (see createChunkDecoder). */
  readonly strict?: boolean;
  /** Called as the reading goes with the bytes read and parsed so far, and the file size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface RowStreamSummary {
  readonly bytesRead: number;
  /** Blank lines and delimiter-only rows that were skipped. */
  readonly blankRows: number;
  /** Skipped rows that have cells (",,," or spaces): a server that only skips empty lines would take them for data. */
  readonly blankRowsWithCells: number;
  /** The text mixes line-ending styles (or ends lines with a lone CR), which a server picking one style would misread. */
  readonly mixedLineEndings: boolean;
  /** The file ended with the DOS end-of-file mark (0x1A), left out. */
  readonly endOfFileMark: boolean;
  /** 1-based line of the first NUL character, if the text holds one. */
  readonly nulLine: number | undefined;
  /** Rows (blank ones too) with a line break inside a quoted cell: 0 means every line break ends a row. */
  readonly multiLineRows: number;
}

const EOF_MARK = '\u001a';

function lineBreaks(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) breaks += 1;
  return breaks;
}

/** The line of the first NUL in a row that starts on `line`, if it holds one. */
function nulLineIn(fields: readonly string[], line: number): number | undefined {
  const column = fields.findIndex((field) => field.includes('\u0000'));
  if (column === -1) return undefined;
  const field = fields[column] ?? '';
  return line + lineBreaks(fields.slice(0, column)) + lineBreaks([field.slice(0, field.indexOf('\u0000'))]);
}

/** Throws InvalidUtf8Error (from ./encoding) when a file read as UTF-8 turns out not to be. */
export async function streamRows(path: string, dialect: CsvDialect, handlers: RowHandlers, options: RowStreamOptions = {}): Promise<RowStreamSummary> {
  const decoder = createChunkDecoder(dialect.encoding, options.strict);
  const splitter = new RowSplitter(dialect.delimiter);
  const lines = new LineCounter();
  let blankRows = 0;
  let blankRowsWithCells = 0;
  let skipSepLine = dialect.sepLine === true;
  let heldEofMark = false;
  let nulSeen = false;
  let nulLine: number | undefined;
  let multiLineRows = 0;

  const deliver = (parsed: ParsedRows): void => {
    const errorRows = parsed.quoteErrors.length > 0 ? new Map(parsed.quoteErrors.map((e) => [e.rowIndex, e.code])) : undefined;
    const rows = parsed.rows;
    const singleLine = parsed.singleLineRows;
    for (let i = 0; i < rows.length; i += 1) {
      const fields = rows[i] as string[];
      const line = singleLine ? lines.takeOne() : lines.take(fields);
      if (!singleLine && lines.next - line > 1) multiLineRows += 1;
      // Only rows of a chunk that held a NUL are searched, so clean files pay nothing.
      if (nulSeen && nulLine === undefined) nulLine = nulLineIn(fields, line);
      const quoteError = errorRows?.get(i);
      if (quoteError !== undefined) handlers.onQuoteError?.(quoteError, line);
      if (skipSepLine) {
        skipSepLine = false;
        handlers.onSkippedRow?.(1);
      } else if (isBlankRow(fields)) {
        blankRows += 1;
        if (fields.length > 1 || (fields[0] ?? '') !== '') blankRowsWithCells += 1;
        handlers.onSkippedRow?.(singleLine ? 1 : 1 + lineBreaks(fields));
      } else {
        handlers.onRow(fields, line, lines.next);
      }
    }
  };
  const take = (chunk: string): void => {
    // A DOS end-of-file mark is held back until more text shows it was not the last character.
    let text = heldEofMark ? `${EOF_MARK}${chunk}` : chunk;
    heldEofMark = text.endsWith(EOF_MARK);
    if (heldEofMark) text = text.slice(0, -1);
    if (text === '') return;
    if (!nulSeen && text.includes('\u0000')) nulSeen = true;
    handlers.onText?.(text);
    deliver(splitter.push(text));
  };

  const handle = await fs.open(path, 'r');
  try {
    const totalBytes = (await handle.stat()).size;
    const buffer = Buffer.allocUnsafe(STREAM_CHUNK_BYTES);
    let bytesRead = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const { bytesRead: n } = await handle.read(buffer, 0, buffer.length, null);
      if (n === 0) break;
      const bytes = buffer.subarray(0, n);
      handlers.onBytes?.(bytes);
      // Read in large chunks, decoded and parsed in small slices (see STREAM_SLICE_BYTES).
      for (let at = 0; at < n; at += STREAM_SLICE_BYTES) {
        const end = Math.min(n, at + STREAM_SLICE_BYTES);
        take(decoder.decode(bytes.subarray(at, end)));
        options.onProgress?.(bytesRead + end, totalBytes);
        if (end < n) options.signal?.throwIfAborted();
      }
      bytesRead += n;
      await handlers.afterChunk?.();
    }
    take(decoder.end());
    for (const parsed of splitter.end()) deliver(parsed);
    await handlers.afterChunk?.();
    return { bytesRead, blankRows, blankRowsWithCells, mixedLineEndings: splitter.mixedLineEndings, endOfFileMark: heldEofMark, nulLine, multiLineRows };
  } finally {
    await handle.close();
  }
}
