/**
 * The two shapes of a mapping. The screen works per column (index = CSV column, value =
 * field or null), so a field picked twice can be shown; the API takes field → column.
 */

import type { ColumnMapping } from '../../shared/vocabulary';

/** Field name → 0-based CSV column, as the import endpoints take it (`columns`). */
export type ApiColumns = Readonly<Record<string, number>>;

export interface MappingPair {
  readonly field: string;
  readonly column: number;
}

export function pairsOfMapping(mapping: ColumnMapping): MappingPair[] {
  return mapping.flatMap((field, column) => (field === null ? [] : [{ field, column }]));
}

/** The API form; a field picked for two columns keeps the first. */
export function toApiColumns(mapping: ColumnMapping): Record<string, number> {
  const columns: Record<string, number> = {};
  for (const { field, column } of pairsOfMapping(mapping)) if (!(field in columns)) columns[field] = column;
  return columns;
}

/** The per-column form of API `columns`; entries outside 0…columnCount-1 are dropped. */
export function fromApiColumns(columns: ApiColumns, columnCount: number): (string | null)[] {
  const mapping: (string | null)[] = Array.from({ length: columnCount }, () => null);
  for (const [field, column] of Object.entries(columns)) {
    if (Number.isInteger(column) && column >= 0 && column < columnCount && mapping[column] === null) mapping[column] = field;
  }
  return mapping;
}

/** A mapping given by a caller: per column like the screen, or field → column (index or header) like the API. */
export type MappingOverride = readonly (string | null)[] | Readonly<Record<string, number | string>>;
