/**
 * The `uuid` column of a CSV — an earlier export, or a hand-made list — as the set of
 * records to export again. A file on disk is streamed (any size, any encoding the CSV
 * engine reads); an open editor's text is parsed as it stands, unsaved edits included.
 * No `vscode` here.
 */
import { normalizeHeader } from '../mapping/catalogue';
import { sniffDelimiter } from '../csv/delimiter';
import { readFirstView } from '../csv/first-view';
import { normalizeLineEndings } from '../csv/line-endings';
import { parseText } from '../csv/papa';
import { isBlankRow } from '../csv/row-lines';
import { streamRows } from '../csv/row-stream';
import { isUuid } from './export-filter';

export type UuidColumn =
  | {
    readonly found: true;
    /** Unique, lower-cased, in file order. */
    readonly ids: string[];
    /** Non-empty cells that are not UUIDs. */
    readonly invalid: number;
    /** Data rows with an empty uuid cell. */
    readonly empty: number;
  }
  | {
    readonly found: false;
    /** Why there is nothing to take: no such column, or not a readable CSV. */
    readonly reason: string;
  };

/** Header cells that name the record's GetSales uuid (our exports write `uuid`). */
export function uuidColumnIndex(headers: readonly string[]): number {
  return headers.findIndex((header) => normalizeHeader(header) === 'uuid');
}

class Collector {
  private readonly seen = new Set<string>();
  readonly ids: string[] = [];
  invalid = 0;
  empty = 0;

  constructor(private readonly column: number) {}

  add(fields: readonly string[]): void {
    const cell = (fields[this.column] ?? '').trim();
    if (cell === '') {
      this.empty += 1;
      return;
    }
    if (!isUuid(cell)) {
      this.invalid += 1;
      return;
    }
    const id = cell.toLowerCase();
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.ids.push(id);
  }

  result(): UuidColumn {
    return { found: true, ids: this.ids, invalid: this.invalid, empty: this.empty };
  }
}

function noColumn(headers: readonly string[]): UuidColumn {
  const shown = headers.slice(0, 8).map((h) => `“${h}”`).join(', ');
  return { found: false, reason: `it has no uuid column (its columns: ${shown || 'none'}${headers.length > 8 ? ', …' : ''})` };
}

export async function readUuidColumnFromFile(path: string, signal?: AbortSignal): Promise<UuidColumn> {
  const view = await readFirstView(path);
  const problem = view.problems.find((p) => p.code === 'binary' || p.code === 'empty' || p.code === 'header-too-long');
  if (problem) return { found: false, reason: problem.message.replace(/\.$/, '') };
  const column = uuidColumnIndex(view.headers);
  if (column < 0) return noColumn(view.headers);
  const collector = new Collector(column);
  let headerSeen = false;
  await streamRows(path, view.dialect, {
    onRow: (fields) => {
      if (!headerSeen) {
        headerSeen = true; // the first non-blank row is the header, as in readFirstView
        return;
      }
      collector.add(fields);
    },
  }, { signal });
  return collector.result();
}

export function readUuidColumnFromText(text: string): UuidColumn {
  const normalized = normalizeLineEndings(text.replace(/^\uFEFF/, ''));
  const parsed = parseText(normalized, sniffDelimiter(normalized, true), true);
  const rows = parsed.rows.filter((row) => !isBlankRow(row));
  const [header, ...data] = rows;
  if (!header) return { found: false, reason: 'it is empty' };
  const column = uuidColumnIndex(header);
  if (column < 0) return noColumn(header);
  const collector = new Collector(column);
  for (const row of data) collector.add(row);
  return collector.result();
}
