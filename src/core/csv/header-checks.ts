/** Findings about the header row: blank and repeated names, and a first row that is data. */
import { normalizeHeader } from '../mapping/catalogue';
import type { CsvNotice } from './dialect';
import { isEmail, looksLikePhone, looksLikeWebUrl, classifyLinkedIn } from './value-checks';

function quote(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

function columnList(columns: readonly number[]): string {
  const names = columns.map((c) => String(c + 1));
  return names.length === 1 ? `column ${names[0]}` : `columns ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function headerWarnings(headers: readonly string[], headerLine: number): CsvNotice[] {
  const warnings: CsvNotice[] = [];
  const blank = headers.flatMap((h, i) => (h.trim() === '' ? [i] : []));
  if (blank.length > 0) {
    warnings.push({
      code: 'blank-header',
      line: headerLine,
      message: `The header has no name in ${columnList(blank)}; those columns can only be mapped by position.`,
    });
  }
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key === '') return;
    seen.set(key, [...(seen.get(key) ?? []), i]);
  });
  for (const columns of seen.values()) {
    if (columns.length < 2) continue;
    const first = columns[0] ?? 0;
    warnings.push({
      code: 'duplicate-header',
      line: headerLine,
      message: `The header ${quote(headers[first] ?? '')} appears in ${columnList(columns)}; check which one you map.`,
    });
  }
  return warnings;
}

function looksLikeData(cell: string): boolean {
  const value = cell.trim();
  if (value === '') return false;
  return isEmail(value) || looksLikeWebUrl(value) || classifyLinkedIn(value, 'person') === 'url'
    || classifyLinkedIn(value, 'company') === 'url' || (looksLikePhone(value) && /^\+/.test(value));
}

/** A header row holding an email address, a URL or only numbers is the first data row. */
export function noHeaderProblem(headers: readonly string[], headerLine: number): CsvNotice | undefined {
  const data = headers.find(looksLikeData);
  const named = headers.filter((h) => h.trim() !== '');
  const allNumbers = named.length > 0 && named.every((h) => /^[-+]?\d+(?:[.,]\d+)?$/.test(h.trim()));
  if (data === undefined && !allNumbers) return undefined;
  const example = data ?? named[0] ?? '';
  return {
    code: 'no-header',
    line: headerLine,
    message: `The first row looks like data, not column names (it holds ${quote(example.trim())}). Add a header row with a name for each column, such as "First name,Email,LinkedIn".`,
  };
}

/** The header row holds only spaces: each column needs a name before it can be mapped. */
export function unnamedColumnProblem(cells: readonly string[], headerLine: number): CsvNotice {
  const columns = cells.map((_, i) => i);
  return {
    code: 'unnamed-column',
    line: headerLine,
    message: `The header row (line ${headerLine}) has no name in ${columnList(columns)}: ${columns.length === 1 ? 'it holds' : 'they hold'} only spaces. Give every column a name, such as "First name,Email,LinkedIn".`,
  };
}
