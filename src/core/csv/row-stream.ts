/**
 * The streaming read loop shared by the full pass and row validation: bytes → text in the
 * file's encoding → "\n" line breaks → rows with the line each starts on. One reused read
 * buffer and no row kept after its callback, so memory stays flat on any file size.
 */
import { promises as fs } from 'node:fs';
import type { CsvDialect } from './dialect';
import { createChunkDecoder } from './encoding';
import { STREAM_CHUNK_BYTES } from './limits';
import { RowSplitter } from './line-endings';
import type { ParsedRows, QuoteErrorCode } from './papa';
import { LineCounter, isBlankRow } from './row-lines';

export interface RowHandlers {
  /** Every row that is not blank, with the 1-based line of the file it starts on. */
  onRow(fields: string[], line: number): void;
  /** The decoded text as read (BOM removed, line endings untouched), for a verbatim copy. */
  onText?(text: string): void;
  /** A quote the parser could not make sense of. */
  onQuoteError?(code: QuoteErrorCode, line: number): void;
  /** Awaited after each chunk: the place to drain a writer, so reading never outruns writing. */
  afterChunk?(): Promise<void>;
}

export interface RowStreamOptions {
  readonly signal?: AbortSignal;
  /** Called after each chunk with the bytes read so far and the file size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface RowStreamSummary {
  readonly bytesRead: number;
  /** Blank lines and delimiter-only rows that were skipped. */
  readonly blankRows: number;
}

/** Throws InvalidUtf8Error (from ./encoding) when a file read as UTF-8 turns out not to be. */
export async function streamRows(path: string, dialect: CsvDialect, handlers: RowHandlers, options: RowStreamOptions = {}): Promise<RowStreamSummary> {
  const decoder = createChunkDecoder(dialect.encoding);
  const splitter = new RowSplitter(dialect.delimiter);
  const lines = new LineCounter();
  let blankRows = 0;

  const deliver = (parsed: ParsedRows): void => {
    const errorRows = parsed.quoteErrors.length > 0 ? new Map(parsed.quoteErrors.map((e) => [e.rowIndex, e.code])) : undefined;
    const rows = parsed.rows;
    const singleLine = parsed.singleLineRows;
    for (let i = 0; i < rows.length; i += 1) {
      const fields = rows[i] as string[];
      const line = singleLine ? lines.takeOne() : lines.take(fields);
      const quoteError = errorRows?.get(i);
      if (quoteError !== undefined) handlers.onQuoteError?.(quoteError, line);
      if (isBlankRow(fields)) blankRows += 1;
      else handlers.onRow(fields, line);
    }
  };
  const take = (text: string): void => {
    if (text === '') return;
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
      bytesRead += n;
      take(decoder.decode(buffer.subarray(0, n)));
      await handlers.afterChunk?.();
      options.onProgress?.(bytesRead, totalBytes);
    }
    take(decoder.end());
    for (const parsed of splitter.end()) deliver(parsed);
    await handlers.afterChunk?.();
    return { bytesRead, blankRows };
  } finally {
    await handle.close();
  }
}
