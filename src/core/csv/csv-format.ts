/** Writing CSV rows per RFC 4180: comma-separated, quoted only when a cell needs it. */

const NEEDS_QUOTES = /[",\r\n]/;

export function formatCsvCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One row without its line break. */
export function formatCsvRow(cells: readonly string[]): string {
  return cells.map(formatCsvCell).join(',');
}
