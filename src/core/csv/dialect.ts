/** How a CSV file is written: its text encoding and its delimiter. */
import type { CsvEncoding } from '../../shared/csv-encodings';

export { type CsvEncoding, encodingLabel } from '../../shared/csv-encodings';

export type CsvDelimiter = ',' | ';' | '|' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '|', '\t'];

export interface CsvDialect {
  readonly encoding: CsvEncoding;
  readonly delimiter: CsvDelimiter;
  /** The file starts with Excel's "sep=;" line: it names the delimiter and is not a row. */
  readonly sepLine?: boolean;
}

/** A finding about the file, one sentence the user can act on. */
export interface CsvNotice {
  readonly code: CsvNoticeCode;
  readonly message: string;
  /** 1-based line of the file the notice is about, when it is about one. */
  readonly line?: number;
}

export type CsvNoticeCode =
  // blocking problems
  | 'too-big'
  | 'empty'
  | 'header-only'
  | 'binary'
  | 'no-header'
  | 'header-too-long'
  | 'unnamed-column'
  | 'unsupported-delimiter'
  | 'nul-byte'
  | 'file-changed'
  // warnings
  | 'blank-header'
  | 'duplicate-header'
  | 'unclosed-quote'
  | 'stray-quote'
  | 'ragged-rows'
  | 'encoding-changed'
  | 'low-confidence-encoding'
  | 'formula-cells';

export function delimiterLabel(delimiter: CsvDelimiter): string {
  switch (delimiter) {
    case ',': return 'comma';
    case ';': return 'semicolon';
    case '|': return 'pipe';
    case '\t': return 'tab';
  }
}

/** The server takes UTF-8 without BOM, delimited by comma, semicolon or pipe; anything else is converted first. */
export function needsUploadCopy(dialect: CsvDialect): boolean {
  return dialect.encoding !== 'utf-8' || needsRewrite(dialect);
}

/** The copy is written row by row (not as the text was read) for tabs and for Excel's "sep=" line. */
export function needsRewrite(dialect: CsvDialect): boolean {
  return dialect.delimiter === '\t' || dialect.sepLine === true;
}
