/** How a CSV file is written: its text encoding and its delimiter. */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type CsvDelimiter = ',' | ';' | '|' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '|', '\t'];

export interface CsvDialect {
  readonly encoding: CsvEncoding;
  readonly delimiter: CsvDelimiter;
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
  // warnings
  | 'blank-header'
  | 'duplicate-header'
  | 'unclosed-quote'
  | 'stray-quote'
  | 'ragged-rows'
  | 'encoding-changed';

export function encodingLabel(encoding: CsvEncoding): string {
  switch (encoding) {
    case 'utf-8': return 'UTF-8';
    case 'utf-8-bom': return 'UTF-8 with BOM';
    case 'utf-16le': return 'UTF-16 LE';
    case 'utf-16be': return 'UTF-16 BE';
    case 'windows-1252': return 'Windows-1252';
  }
}

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
  return dialect.encoding !== 'utf-8' || dialect.delimiter === '\t';
}
