/**
 * Line numbers as an editor shows them. Rows arrive parsed from text whose line breaks
 * are all "\n", so a row spans one line plus one for every line break inside its quoted
 * cells; a row's number is the line it starts on.
 */
export class LineCounter {
  constructor(private nextLine = 1) {}

  /** The 1-based line on which `fields` starts; moves past the row. */
  take(fields: readonly string[]): number {
    const line = this.nextLine;
    let span = 1;
    for (const field of fields) {
      let at = field.indexOf('\n');
      while (at !== -1) {
        span += 1;
        at = field.indexOf('\n', at + 1);
      }
    }
    this.nextLine += span;
    return line;
  }

  /** The line the next row starts on (the line after the last row taken). */
  get next(): number {
    return this.nextLine;
  }

  /** `take` for a row known to hold no line break. */
  takeOne(): number {
    const line = this.nextLine;
    this.nextLine += 1;
    return line;
  }
}

/** Blank lines and rows of nothing but delimiters (",,,,", as spreadsheets write them) are not data. */
export function isBlankRow(fields: readonly string[]): boolean {
  for (const field of fields) {
    if (field !== '' && field.trim() !== '') return false;
  }
  return true;
}

/** A row fits the header when it has as many cells, give or take trailing empty ones (a trailing delimiter). */
export function fitsColumns(row: readonly string[], columns: number): boolean {
  if (row.length === columns) return true;
  if (row.length < columns) return false;
  for (let i = columns; i < row.length; i += 1) if (row[i] !== '') return false;
  return true;
}
