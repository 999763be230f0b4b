/**
 * Turns CSV text, pushed in chunks, into the header and numbered data rows. Blank lines
 * are skipped (they are neither header nor data) but still counted, so each row knows
 * the line it starts on as an editor numbers lines: 1-based, the header's line is 1 in
 * a file without leading blank lines, and a quoted field spanning lines moves the next
 * row's number down by as many line breaks as it contains.
 */
import { PapaRows, type Newline } from './papa-rows';

export interface DataRow {
  /** 1-based line of the file where this row starts (the header is usually line 1). */
  readonly line: number;
  readonly cells: readonly string[];
}

function isBlank(cells: readonly string[]): boolean {
  return cells.length === 1 && (cells[0] ?? '').trim() === '';
}

/** Line breaks inside the row's quoted fields (the break that ends the row is not one of them). */
function embeddedBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
    const matches = cell.match(/\r\n|\r|\n/g);
    breaks += matches === null ? 0 : matches.length;
  }
  return breaks;
}

export type RowVisitor = (line: number, cells: readonly string[]) => void;

export class RowScanner {
  private readonly rows: PapaRows;
  private nextLine = 1;
  private headerRow: string[] | undefined;

  constructor(delimiter: string, private readonly newline: Newline) {
    this.rows = new PapaRows(delimiter, newline);
  }

  /** The header (first non-blank row, cells trimmed), once it has been seen. */
  get header(): readonly string[] | undefined {
    return this.headerRow;
  }

  push(text: string): DataRow[] {
    return this.collect((visit) => this.pushEach(text, visit));
  }

  end(): DataRow[] {
    return this.collect((visit) => this.endEach(visit));
  }

  /** push() without building a DataRow per row: `visit` sees each data row's line and cells. */
  pushEach(text: string, visit: RowVisitor): void {
    const parsed = this.rows.push(text);
    // Each row ends in one newline; when the text held no other CR or LF, no cell holds a line break.
    this.number(parsed, this.rows.lastBreakChars !== parsed.length * this.newline.length, visit);
  }

  endEach(visit: RowVisitor): void {
    this.number(this.rows.end(), true, visit);
  }

  private collect(scan: (visit: RowVisitor) => void): DataRow[] {
    const out: DataRow[] = [];
    scan((line, cells) => out.push({ line, cells }));
    return out;
  }

  private number(parsed: readonly string[][], mayHoldBreaks: boolean, visit: RowVisitor): void {
    for (const cells of parsed) {
      const line = this.nextLine;
      this.nextLine += mayHoldBreaks ? 1 + embeddedBreaks(cells) : 1;
      if (isBlank(cells)) continue;
      if (this.headerRow === undefined) {
        this.headerRow = cells.map((cell) => cell.trim());
        continue;
      }
      visit(line, cells);
    }
  }
}
