/**
 * The mapping shown in the CSV editor: the header cells of the first line with where each
 * one sits, and what a remembered mapping says about them (a field label per cell, a
 * title for the "Import …" lens). The line is split by the pre-flight's own delimiter
 * sniffing and parser, so the editor sees the columns an import would see.
 */
import { sniffDelimiter } from '../csv/delimiter';
import type { CsvDelimiter } from '../csv/dialect';
import { sepLineOf } from '../csv/first-view';
import { parseText } from '../csv/papa';
import { formatCount, plural } from '../../shared/format';
import type { ColumnMapping, RecordKind } from '../../shared/vocabulary';
import { fieldLabel } from './mapping-rules';

const BOM = '\uFEFF';
const KIND_NOUN: Readonly<Record<RecordKind, string>> = { contacts: 'Contacts', companies: 'Companies' };

export interface HeaderCell {
  /** The cell's text, unquoted. */
  readonly text: string;
  /** Character offsets in the line: `start` at the first character (an opening quote included), `end` just past the last (a closing quote included). */
  readonly start: number;
  readonly end: number;
}

export interface HeaderLine {
  readonly delimiter: CsvDelimiter;
  readonly cells: readonly HeaderCell[];
}

/** How `text` was written in the line: as it is, or quoted with its quotes doubled. */
function rawLength(line: string, at: number, text: string, delimiter: CsvDelimiter): number | undefined {
  const endsCell = (end: number): boolean => end === line.length || line[end] === delimiter;
  if (line.startsWith(text, at) && endsCell(at + text.length)) return text.length;
  const quoted = `"${text.replaceAll('"', '""')}"`;
  if (line.startsWith(quoted, at) && endsCell(at + quoted.length)) return quoted.length;
  return undefined;
}

/**
 * The header cells of a CSV's first line (no line break in it), or undefined when it is
 * blank or does not read as one row of cells (a quote left open: the header goes on to
 * the next line, which the editor cannot mark cell by cell).
 */
export function readHeaderLine(line: string, knownDelimiter?: CsvDelimiter): HeaderLine | undefined {
  const offset = line.startsWith(BOM) ? BOM.length : 0;
  const body = line.slice(offset);
  if (body.trim() === '') return undefined;
  const delimiter = knownDelimiter ?? sniffDelimiter(body, true);
  const parsed = parseText(body, delimiter, true);
  const [texts] = parsed.rows;
  if (texts === undefined || parsed.rows.length !== 1 || parsed.quoteErrors.length > 0) return undefined;
  const cells: HeaderCell[] = [];
  let at = 0;
  for (const text of texts) {
    const length = rawLength(body, at, text, delimiter);
    if (length === undefined) return undefined;
    cells.push({ text, start: offset + at, end: offset + at + length });
    at += length + delimiter.length;
  }
  return { delimiter, cells };
}

export interface HeaderAt extends HeaderLine {
  /** 0-based line of the header: 1 after Excel's "sep=;" line, else 0. */
  readonly line: number;
}

/** The header of a CSV from its first two lines, as the pre-flight finds it (Excel's "sep=" line names the delimiter). */
export function readHeader(firstLine: string, secondLine: string | undefined): HeaderAt | undefined {
  const sepLine = sepLineOf(firstLine.startsWith(BOM) ? firstLine.slice(BOM.length) : firstLine);
  if (sepLine === undefined) {
    const header = readHeaderLine(firstLine);
    return header === undefined ? undefined : { ...header, line: 0 };
  }
  if (sepLine.delimiter === undefined || secondLine === undefined) return undefined;
  const header = readHeaderLine(secondLine, sepLine.delimiter);
  return header === undefined ? undefined : { ...header, line: 1 };
}

/** "6 of 7 columns mapped". */
export function mappedColumnsSummary(mapping: ColumnMapping): string {
  const mapped = mapping.filter((field) => field !== null).length;
  return `${formatCount(mapped)} of ${plural(mapping.length, 'column')} mapped`;
}

/** "Import Contacts to GetSales · 6 of 7 columns mapped". */
export function importLensTitle(kind: RecordKind, mapping: ColumnMapping): string {
  return `Import ${KIND_NOUN[kind]} to GetSales · ${mappedColumnsSummary(mapping)}`;
}

export interface HeaderHint {
  /** 0-based column: the hint goes after `cells[column]`. */
  readonly column: number;
  /** "→ Work email", or "→ Contacts: Work email" when both kinds are remembered. */
  readonly label: string;
}

/** One hint per mapped column; `nameKind` when the mappings of both kinds are shown. */
export function headerHints(kind: RecordKind, mapping: ColumnMapping, nameKind: boolean): HeaderHint[] {
  const prefix = nameKind ? `${KIND_NOUN[kind]}: ` : '';
  return mapping.flatMap((field, column) => (field === null ? [] : [{ column, label: `→ ${prefix}${fieldLabel(kind, field)}` }]));
}
