/**
 * The export filter as commands receive it and as jobs show it: decoding untrusted
 * arguments (tests, other extensions, a stored job) into an ExportFilter, the label a
 * job gets in the tree, and UUIDs pasted as free text. No `vscode` here, so the bench
 * and tests can use it as-is.
 */
import { DecodeError, arrayOf, nonEmptyString, object, oneOf, optional, string } from '../../shared/decode';
import { assertNever } from '../../shared/protocol';
import type { RecordKind } from '../../shared/vocabulary';
import type { ExportFilter } from '../api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface PastedUuids {
  /** Unique, in the order first seen, lower-cased. */
  readonly ids: string[];
  /** Pieces that are not UUIDs (shown to the user, never sent). */
  readonly rejected: string[];
}

/** Splits pasted text on whitespace, commas, semicolons and quotes; keeps the UUIDs. */
export function parsePastedUuids(text: string): PastedUuids {
  const seen = new Set<string>();
  const ids: string[] = [];
  const rejected: string[] = [];
  for (const piece of text.split(/[\s,;"'|]+/)) {
    if (piece === '') continue;
    if (!isUuid(piece)) {
      rejected.push(piece);
      continue;
    }
    const id = piece.toLowerCase();
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return { ids, rejected };
}

const FILTER_KINDS = ['all', 'ids', 'list', 'search'] as const;

/**
 * Reads a filter from a command argument or a stored job, trimming text and dropping
 * unknown keys. Throws a DecodeError naming the field when the value is not a usable filter.
 */
export function decodeExportFilter(value: unknown, path = 'filter'): ExportFilter {
  const filter = object(value, path);
  const kind = oneOf(filter.kind, `${path}.kind`, FILTER_KINDS);
  switch (kind) {
    case 'all':
      return { kind };
    case 'ids': {
      const ids = uuids(filter.ids, `${path}.ids`);
      if (ids.length === 0) throw new DecodeError(`${path}.ids`, 'has no UUIDs to export');
      const excludeIds = optional(filter.excludeIds, `${path}.excludeIds`, uuids, []);
      return excludeIds.length > 0 ? { kind, ids, excludeIds } : { kind, ids };
    }
    case 'list':
      return { kind, listUuid: nonEmptyString(filter.listUuid, `${path}.listUuid`).trim() };
    case 'search': {
      const q = nonEmptyString(filter.q, `${path}.q`).trim();
      const listUuid = typeof filter.listUuid === 'string' && filter.listUuid.trim() !== '' ? filter.listUuid.trim() : undefined;
      return listUuid ? { kind, q, listUuid } : { kind, q };
    }
    default:
      return assertNever(kind, 'export filter kind');
  }
}

/** UUIDs, lower-cased, each kept once in the order first seen. */
function uuids(value: unknown, path: string): string[] {
  const ids = arrayOf(value, path, (item, at) => {
    const text = string(item, at).trim();
    if (!isUuid(text)) throw new DecodeError(at, 'expected a UUID');
    return text.toLowerCase();
  });
  return [...new Set(ids)];
}

export interface FilterLabelContext {
  /** The list's name, for a list filter (its uuid is shown otherwise). */
  readonly listName?: string;
  /** Where hand-picked UUIDs came from, e.g. `leads.csv`. */
  readonly source?: string;
}

/** The job's label in the tree: "All contacts", "Contacts in Demo: Berlin CTOs", … */
export function describeExportFilter(filter: ExportFilter, entity: RecordKind, context: FilterLabelContext = {}): string {
  const noun = entity === 'contacts' ? 'contacts' : 'companies';
  const Noun = entity === 'contacts' ? 'Contacts' : 'Companies';
  switch (filter.kind) {
    case 'all':
      return `All ${noun}`;
    case 'list':
      return `${Noun} in ${context.listName ?? `list ${filter.listUuid}`}`;
    case 'search':
      return `${Noun} matching “${filter.q}”`;
    case 'ids': {
      const one = entity === 'contacts' ? 'contact' : 'company';
      const count = `${filter.ids.length.toLocaleString('en-US')} ${filter.ids.length === 1 ? one : noun}`;
      return context.source ? `${count} from ${context.source}` : `${count} by UUID`;
    }
  }
}

/** The first few items, for a message. */
export function preview(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map((item) => `“${item.length > 40 ? `${item.slice(0, 40)}…` : item}”`).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** JSON for `job.data.filter`, the shape getsales.jobs.retry reads back. */
export function filterData(filter: ExportFilter): { [key: string]: string | string[] } {
  switch (filter.kind) {
    case 'all':
      return { kind: 'all' };
    case 'list':
      return { kind: 'list', listUuid: filter.listUuid };
    case 'search':
      return filter.listUuid ? { kind: 'search', q: filter.q, listUuid: filter.listUuid } : { kind: 'search', q: filter.q };
    case 'ids':
      return filter.excludeIds ? { kind: 'ids', ids: [...filter.ids], excludeIds: [...filter.excludeIds] } : { kind: 'ids', ids: [...filter.ids] };
  }
}
