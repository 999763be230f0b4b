/**
 * The one place that touches papaparse. Papa splits rows on ONE newline string, so a file
 * mixing CRLF and LF would glue rows together: text reaches it either with every line
 * break turned into "\n" (see line-endings.ts) or, for the common all-CRLF file, as it is
 * with "\r\n" as the newline (normalising 15 MB of CRLF costs more than parsing it).
 *
 * Papa.Parser is driven directly (rather than Papa.parse on a stream) so the caller owns
 * the read loop: decoding, backpressure on the upload copy, and cancellation stay ours.
 */
import Papa from 'papaparse';
import type { CsvDelimiter } from './dialect';

export type QuoteErrorCode = 'MissingQuotes' | 'InvalidQuotes';

export type Newline = '\n' | '\r\n';

export interface QuoteError {
  /** Index into the `rows` of the same result. */
  readonly rowIndex: number;
  readonly code: QuoteErrorCode;
}

export interface ParsedRows {
  readonly rows: readonly string[][];
  readonly quoteErrors: readonly QuoteError[];
  /** True when no row spans more than one line (no line break inside a quoted cell). */
  readonly singleLineRows: boolean;
}

interface PapaError {
  readonly code?: unknown;
  readonly row?: unknown;
}

interface PapaResult {
  readonly data: string[][];
  readonly errors: readonly PapaError[];
  readonly meta: { readonly cursor: number };
}

function createParser(delimiter: CsvDelimiter, newline: Newline, maxRows = 0): Papa.Parser {
  return new Papa.Parser({ delimiter, newline, quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false, preview: maxRows });
}

function countLineFeeds(text: string, end: number): number {
  let count = 0;
  let at = text.indexOf('\n');
  while (at !== -1 && at < end) {
    count += 1;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

/** `terminated` says whether every row (the last one too) ended with a newline. */
function toParsedRows(result: PapaResult, input: string, terminated: boolean): ParsedRows {
  const quoteErrors: QuoteError[] = [];
  for (const error of result.errors) {
    // Errors of the row held back for the next chunk are reported again when it completes.
    if ((error.code === 'MissingQuotes' || error.code === 'InvalidQuotes') && typeof error.row === 'number' && error.row < result.data.length) {
      quoteErrors.push({ rowIndex: error.row, code: error.code });
    }
  }
  const rows = result.data;
  const rowBreaks = terminated ? rows.length : Math.max(0, rows.length - 1);
  return { rows, quoteErrors, singleLineRows: countLineFeeds(input, result.meta.cursor) === rowBreaks };
}

/**
 * Parses a stream of text chunk by chunk. `push` returns the rows completed so far and
 * keeps the unfinished last row (it may continue in the next chunk); `end` returns it.
 */
export class RowParser {
  private parser: Papa.Parser;
  private pending = '';

  constructor(private readonly delimiter: CsvDelimiter, newline: Newline = '\n') {
    this.parser = createParser(delimiter, newline);
  }

  push(text: string): ParsedRows {
    const input = this.pending + text;
    const result = this.parser.parse(input, 0, true) as PapaResult;
    this.pending = input.slice(result.meta.cursor);
    return toParsedRows(result, input, true);
  }

  end(): ParsedRows {
    const input = this.pending;
    this.pending = '';
    if (input === '') return { rows: [], quoteErrors: [], singleLineRows: true };
    return toParsedRows(this.parser.parse(input, 0, false) as PapaResult, input, false);
  }

  /**
   * From now on rows are split on "\n"; the unparsed rest is handed back so the caller
   * can normalise it and push it again in front of the next text.
   */
  switchToLineFeed(): string {
    const rest = this.pending;
    this.pending = '';
    this.parser = createParser(this.delimiter, '\n');
    return rest;
  }
}

/**
 * Parses a piece of text in one go. When `complete` is false the text is the head of a
 * longer file, so its last row may be cut short and is left out. `maxRows` > 0 stops early.
 */
export function parseText(text: string, delimiter: CsvDelimiter, complete: boolean, maxRows = 0): ParsedRows {
  const result = createParser(delimiter, '\n', maxRows).parse(text, 0, !complete) as PapaResult;
  return toParsedRows(result, text, !complete);
}
