/**
 * Line endings, whatever the mix: rows must split the way an editor counts lines (CRLF,
 * LF and lone CR all end a line). Papa splits on one newline string, so text is
 * normalised to "\n" — except in the common file that is CRLF throughout, which goes to
 * the parser as it is (with "\r\n" as its newline) for as long as it stays consistent.
 */
import type { CsvDelimiter } from './dialect';
import { RowParser, type ParsedRows } from './papa';

/** Turns CRLF and lone CR into LF across chunks; a CR ending a chunk waits for the next one. */
export class LineEndingNormalizer {
  private heldCr = false;

  push(text: string): string {
    let input = this.heldCr ? `\r${text}` : text;
    this.heldCr = input.endsWith('\r');
    if (this.heldCr) input = input.slice(0, -1);
    return normalizeLineEndings(input);
  }

  end(): string {
    const rest = this.heldCr ? '\n' : '';
    this.heldCr = false;
    return rest;
  }
}

export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** True when every CR in `text` is followed by LF and every LF preceded by CR (a CR may end the text). */
function isPureCrlf(text: string, previousEndedWithCr: boolean): boolean {
  if (previousEndedWithCr && text.charCodeAt(0) !== 10) return false;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (at === 0 ? !previousEndedWithCr : text.charCodeAt(at - 1) !== 13) return false;
  }
  for (let at = text.indexOf('\r'); at !== -1 && at < text.length - 1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) return false;
  }
  return true;
}

const NO_ROWS: ParsedRows = { rows: [], quoteErrors: [], singleLineRows: true };

/** Text in, parsed rows out, with the cheapest newline handling that is still correct. */
export class RowSplitter {
  private mode: 'undecided' | 'crlf' | 'lf' = 'undecided';
  private parser: RowParser;
  private readonly normalizer = new LineEndingNormalizer();
  private endedWithCr = false;
  /** Text before the first line break: the mode is chosen on a line break, not on where a chunk happens to end. */
  private head = '';
  private sawCrInLfText = false;
  private leftCrlf = false;

  /** True once the text has shown more than one line-ending style, or lone CRs (which most readers do not split on). */
  get mixedLineEndings(): boolean {
    return this.leftCrlf || this.sawCrInLfText;
  }

  constructor(private readonly delimiter: CsvDelimiter) {
    this.parser = new RowParser(delimiter);
  }

  push(chunk: string): ParsedRows {
    if (chunk === '') return NO_ROWS;
    let text = chunk;
    if (this.mode === 'undecided') {
      text = this.head + chunk;
      const cr = text.indexOf('\r');
      if (text.indexOf('\n') === -1 && (cr === -1 || cr === text.length - 1)) {
        this.head = text;
        return NO_ROWS;
      }
      this.head = '';
      const crlf = text.includes('\r\n') && isPureCrlf(text, false);
      this.mode = crlf ? 'crlf' : 'lf';
      if (crlf) this.parser = new RowParser(this.delimiter, '\r\n');
    }
    if (this.mode === 'crlf') {
      if (isPureCrlf(text, this.endedWithCr)) {
        this.endedWithCr = text.endsWith('\r');
        return this.parser.push(text);
      }
      this.mode = 'lf';
      this.leftCrlf = true;
      return this.parser.push(this.normalizer.push(this.parser.switchToLineFeed() + text));
    }
    if (!this.sawCrInLfText && text.includes('\r')) this.sawCrInLfText = true;
    return this.parser.push(this.normalizer.push(text));
  }

  /** The rows left once the text has ended. */
  end(): ParsedRows[] {
    const results: ParsedRows[] = [];
    if (this.mode === 'undecided') {
      this.mode = 'lf';
      if (this.head.includes('\r')) this.sawCrInLfText = true;
      results.push(this.parser.push(this.normalizer.push(this.head)));
      this.head = '';
    } else if (this.mode === 'crlf' && this.endedWithCr) {
      // A lone CR at the very end of the file is a line break too.
      this.mode = 'lf';
      this.leftCrlf = true;
      results.push(this.parser.push(this.normalizer.push(this.parser.switchToLineFeed())));
    }
    if (this.mode === 'lf') results.push(this.parser.push(this.normalizer.end()));
    results.push(this.parser.end());
    return results;
  }
}
