/** The warning for a quote the parser could not make sense of, the same in every pass. */
import type { CsvNotice } from './dialect';
import type { QuoteErrorCode } from './papa';

export function quoteNotice(code: QuoteErrorCode, line: number): CsvNotice {
  return code === 'MissingQuotes'
    ? { code: 'unclosed-quote', line, message: `Line ${line}: a quoted cell is never closed, so the rest of the file is read as one cell.` }
    : { code: 'stray-quote', line, message: `Line ${line}: a quoted cell has text after its closing quote; a quote inside a cell must be doubled ("").` };
}
