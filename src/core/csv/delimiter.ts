/**
 * Picking the delimiter from the head of the file: the candidate that splits the header
 * into the most columns and the following rows into the same number wins. Parsing (not
 * counting characters) keeps delimiters inside quoted cells from voting.
 */
import { CSV_DELIMITERS, type CsvDelimiter } from './dialect';
import { parseText } from './papa';
import { fitsColumns, isBlankRow } from './row-lines';

const SAMPLE_ROWS = 30;

interface Score {
  readonly delimiter: CsvDelimiter;
  readonly columns: number;
  /** Share of sampled rows with the header's column count. */
  readonly consistency: number;
}

function score(text: string, delimiter: CsvDelimiter, complete: boolean): Score | undefined {
  const rows = parseText(text, delimiter, complete, SAMPLE_ROWS).rows.filter((row) => !isBlankRow(row));
  const header = rows[0];
  if (header === undefined || header.length < 2) return undefined;
  const consistent = rows.filter((row) => fitsColumns(row, header.length)).length;
  return { delimiter, columns: header.length, consistency: consistent / rows.length };
}

/** `text` has "\n" line breaks; a file of one column (no candidate splits it) counts as comma-separated. */
export function sniffDelimiter(text: string, complete: boolean): CsvDelimiter {
  let best: Score | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    const candidate = score(text, delimiter, complete);
    if (candidate === undefined) continue;
    if (best === undefined
      || candidate.consistency > best.consistency
      || (candidate.consistency === best.consistency && candidate.columns > best.columns)) {
      best = candidate;
    }
  }
  return best?.delimiter ?? ',';
}
