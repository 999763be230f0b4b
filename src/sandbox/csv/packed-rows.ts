/**
 * Parsed data rows in a form that is cheap to keep and to read again: per batch, all
 * cells concatenated into one string, with where each cell starts, where each row's
 * cells start, and each row's line number. The upload parses its file once and keeps
 * these (see UploadRowsCache); the import reads cells straight out of them instead of
 * parsing the file a second time, and records imported from a batch keep reading their
 * values from it (see RecordTable), so 100,000 rows cost a few strings and typed arrays,
 * not 100,000 arrays of cell strings that each pin a chunk of decoded text.
 */

export interface PackedRows {
  readonly rowCount: number;
  /** Every cell of every row, in order, with nothing between them. */
  readonly text: string;
  /** Cell c is text[cellStarts[c], cellStarts[c + 1]); one entry more than cells. */
  readonly cellStarts: Int32Array;
  /** Row r's cells are cells rowStarts[r] to rowStarts[r + 1] - 1; one entry more than rows. */
  readonly rowStarts: Int32Array;
  /** 1-based line of the file where each row starts (see DataRow). */
  readonly lines: Int32Array;
}

/** The memory a batch holds, counting its text as two bytes a character (the worst case). */
export function packedRowsBytes(rows: PackedRows): number {
  return rows.text.length * 2 + rows.cellStarts.byteLength + rows.rowStarts.byteLength + rows.lines.byteLength;
}

/** The cell in `column` of `row`; '' past the end of a short row. */
export function cellAt(rows: PackedRows, row: number, column: number): string {
  const first = rows.rowStarts[row] ?? 0;
  if (column >= (rows.rowStarts[row + 1] ?? 0) - first) return '';
  const cell = first + column;
  return rows.text.slice(rows.cellStarts[cell], rows.cellStarts[cell + 1]);
}

/** Sets `span` to where the cell in `column` of `row` is in the text; false when the row is too short to have one. */
export function cellSpan(rows: PackedRows, row: number, column: number, span: { start: number; end: number }): boolean {
  const first = rows.rowStarts[row] ?? 0;
  if (column < 0 || column >= (rows.rowStarts[row + 1] ?? 0) - first) return false;
  span.start = rows.cellStarts[first + column] ?? 0;
  span.end = rows.cellStarts[first + column + 1] ?? 0;
  return true;
}

export function lineOf(rows: PackedRows, row: number): number {
  return rows.lines[row] ?? 0;
}

/** Collects rows and hands out a PackedRows every `batchRows` rows. */
export class PackedRowsBuilder {
  private cells: string[] = [];
  private cellStarts = new Int32Array(1024);
  private textLength = 0;
  private readonly rowStarts: Int32Array;
  private readonly lines: Int32Array;
  private rowCount = 0;

  constructor(private readonly batchRows: number) {
    this.rowStarts = new Int32Array(batchRows + 1);
    this.lines = new Int32Array(batchRows);
  }

  /** Adds a row (see DataRow); returns the batch it completes, if it completes one. */
  add(line: number, cells: readonly string[]): PackedRows | undefined {
    if (this.cells.length + cells.length >= this.cellStarts.length) this.growCellStarts(this.cells.length + cells.length + 1);
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i] ?? '';
      this.cells.push(cell);
      this.textLength += cell.length;
      this.cellStarts[this.cells.length] = this.textLength;
    }
    this.lines[this.rowCount] = line;
    this.rowCount += 1;
    this.rowStarts[this.rowCount] = this.cells.length;
    return this.rowCount === this.batchRows ? this.flush() : undefined;
  }

  /** The rows collected since the last batch, if any. */
  flush(): PackedRows | undefined {
    if (this.rowCount === 0) return undefined;
    const batch: PackedRows = {
      rowCount: this.rowCount,
      text: this.cells.join(''),
      cellStarts: this.cellStarts.slice(0, this.cells.length + 1),
      rowStarts: this.rowStarts.slice(0, this.rowCount + 1),
      lines: this.lines.slice(0, this.rowCount),
    };
    this.cells = [];
    this.textLength = 0;
    this.rowCount = 0;
    return batch;
  }

  private growCellStarts(needed: number): void {
    const grown = new Int32Array(Math.max(needed, this.cellStarts.length * 2));
    grown.set(this.cellStarts);
    this.cellStarts = grown;
  }
}
