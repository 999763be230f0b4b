/**
 * The sandbox's only use of papaparse: its core `Parser`, driven chunk by chunk. Each
 * call parses the carried-over partial row plus the new text and keeps back whatever
 * follows the last complete row, the way papaparse's own streamers do, but without
 * their stream plumbing, so callers decide when to pause between batches.
 */
import Papa from 'papaparse';

export type Newline = '\n' | '\r\n' | '\r';

interface ParserResult {
  readonly data: string[][];
  readonly meta: { readonly cursor: number };
}

function countOf(text: string, char: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0 && at < end; at = text.indexOf(char, at + 1)) count += 1;
  return count;
}

export class PapaRows {
  private readonly parser: Papa.Parser;
  private partial = '';
  private breakChars = 0;

  constructor(delimiter: string, newline: Newline) {
    this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  }

  /** How many CR and LF characters the text of the last push() held (-1 after end(): not counted). */
  get lastBreakChars(): number {
    return this.breakChars;
  }

  /** Complete rows found so far; the unfinished last row waits for more text. */
  push(text: string): string[][] {
    const input = this.partial + text;
    const result = this.parser.parse(input, 0, true) as ParserResult;
    const cursor = result.meta.cursor;
    this.breakChars = countOf(input, '\n', cursor) + countOf(input, '\r', cursor);
    this.partial = input.slice(cursor);
    return result.data;
  }

  /** The rows left when the input ends (an unterminated quote runs to the end, as papaparse does). */
  end(): string[][] {
    this.breakChars = -1;
    if (this.partial === '') return [];
    const result = this.parser.parse(this.partial, 0, false) as ParserResult;
    this.partial = '';
    return result.data;
  }
}
