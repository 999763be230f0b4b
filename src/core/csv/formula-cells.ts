/**
 * Cells a spreadsheet app would run as a formula when the CSV is opened in it ("CSV
 * injection"): text starting with =, +, -, @, a tab or a CR. Plain numbers and phone
 * numbers ("-12.5", "+44 20 7946 0958") start the same way but run nothing, so they are
 * left alone. Neutralising puts a ' in front, which spreadsheet apps read as "text".
 */

const NUMBER_LIKE = /^[+-][\d\s().,/-]*$/;

/** Called for every cell of the full pass: the first character decides almost always, without a regex. */
export function looksLikeFormula(cell: string): boolean {
  switch (cell.charCodeAt(0)) {
    case 0x3d: // =
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
      return true;
    case 0x2b: // +
    case 0x2d: // -
      return !NUMBER_LIKE.test(cell);
    default:
      return false;
  }
}

/** The cell as a spreadsheet app shows it but does not run. */
export function neutraliseFormula(cell: string): string {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}
