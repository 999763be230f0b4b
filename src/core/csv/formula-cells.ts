/**
 * Cells a spreadsheet app would run as a formula when the CSV is opened in it ("CSV
 * injection"): text starting with =, +, -, @, a tab or a CR. Plain numbers and phone
 * numbers ("-12.5", "+44 20 7946 0958") start the same way but run nothing, so they are
 * left alone. Neutralising puts a ' in front, which spreadsheet apps read as "text".
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NUMBER_LIKE = /^[+-][\d\s().,/-]*$/;

export function looksLikeFormula(cell: string): boolean {
  const first = cell.charAt(0);
  return TRIGGERS.has(first) && !NUMBER_LIKE.test(cell);
}

/** The cell as a spreadsheet app shows it but does not run. */
export function neutraliseFormula(cell: string): string {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}
