/**
 * The catalogue values of an imported CSV row: the mapped cells, trimmed, and the row's
 * tags merged with the import's. A record imported from a batch keeps only where its
 * row is and computes its values with this when they are read, so an import of 100,000
 * rows does not build 100,000 value arrays for the GC to carry into the old generation.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { cellAt, type PackedRows } from '../csv/packed-rows';
import { fieldIndex, fieldNames, mergeTags } from './records';

/** How an import turns a row into values (ImportPlan satisfies it). */
export interface ValueMapping {
  readonly kind: RecordKind;
  /** [catalogue field index, 0-based CSV column] pairs. */
  readonly columns: readonly (readonly [number, number])[];
  readonly tags: readonly string[];
}

/** One batch of rows and the mapping its records were imported with. */
export interface RowSource {
  readonly mapping: ValueMapping;
  readonly rows: PackedRows;
}

export const TAGS_FIELD: Readonly<Record<RecordKind, number>> = { contacts: fieldIndex('contacts', 'tags'), companies: fieldIndex('companies', 'tags') };

export function rowValues(source: RowSource, row: number): string[] {
  const { mapping, rows } = source;
  const values = new Array<string>(fieldNames(mapping.kind).length).fill('');
  for (const [field, column] of mapping.columns) values[field] = cellAt(rows, row, column).trim();
  const tags = TAGS_FIELD[mapping.kind];
  if (mapping.tags.length > 0 || values[tags] !== '') values[tags] = mergeTags(values[tags] ?? '', mapping.tags);
  return values;
}

/** One field of rowValues, without building the others (tags excepted: they need the merge). */
export function rowValue(source: RowSource, row: number, field: number): string {
  if (field === TAGS_FIELD[source.mapping.kind]) return rowValues(source, row)[field] ?? '';
  for (const [mapped, column] of source.mapping.columns) if (mapped === field) return cellAt(source.rows, row, column).trim();
  return '';
}
