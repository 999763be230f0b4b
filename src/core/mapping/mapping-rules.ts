/**
 * The rules a mapping must follow before an import starts (contract §2.2/2.3), returned
 * as data for the mapping screen rather than thrown: each issue names its field and
 * columns so the screen can mark the pickers.
 */
import type { ColumnMapping, IdentifierStatus, RecordKind } from '../../shared/vocabulary';
import { IDENTIFIER_FIELDS, fieldsFor } from './catalogue';
import { pairsOfMapping, type ApiColumns, type MappingPair } from './column-mapping';

export type MappingIssueCode = 'no-identifier' | 'field-used-twice' | 'column-out-of-range' | 'unknown-field';

export interface MappingIssue {
  readonly code: MappingIssueCode;
  /** All rule issues block the import. */
  readonly severity: 'error';
  readonly message: string;
  readonly field?: string;
  /** 0-based CSV columns the issue is about. */
  readonly columns: readonly number[];
}

export interface MappingCheck {
  readonly identifier: IdentifierStatus;
  readonly issues: readonly MappingIssue[];
}

export function fieldLabel(kind: RecordKind, field: string): string {
  return fieldsFor(kind).find((f) => f.name === field)?.label ?? field;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function columnName(headers: readonly string[], column: number): string {
  const header = headers[column]?.trim();
  return header ? `${column + 1} ("${header}")` : `${column + 1}`;
}

function identifierStatus(kind: RecordKind, pairs: readonly MappingPair[], columnCount: number): IdentifierStatus {
  const identifiers = IDENTIFIER_FIELDS[kind];
  const mapped = identifiers.filter((id) => pairs.some((p) => p.field === id && p.column >= 0 && p.column < columnCount));
  const labels = identifiers.map((id) => fieldLabel(kind, id));
  return mapped.length > 0
    ? { satisfied: true, mapped, message: `Identifier: ${mapped.map((id) => fieldLabel(kind, id)).join(', ')}` }
    : { satisfied: false, mapped, message: `Map ${orList(labels)}` };
}

function checkPairs(kind: RecordKind, headers: readonly string[], pairs: readonly MappingPair[]): MappingCheck {
  const columnCount = headers.length;
  const known = new Set(fieldsFor(kind).map((f) => f.name));
  const noun = kind === 'contacts' ? 'contact' : 'company';
  const issues: MappingIssue[] = [];

  for (const { field, column } of pairs) {
    if (!known.has(field)) {
      issues.push({ code: 'unknown-field', severity: 'error', field, columns: [column], message: `"${field}" is not a GetSales ${noun} field; pick another field for column ${columnName(headers, column)} or skip it.` });
    }
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) {
      issues.push({ code: 'column-out-of-range', severity: 'error', field, columns: [column], message: `${fieldLabel(kind, field)} points at column ${Number.isInteger(column) ? column + 1 : String(column)}, but the file has ${columnCount} ${columnCount === 1 ? 'column' : 'columns'}.` });
    }
  }

  const byField = new Map<string, number[]>();
  for (const { field, column } of pairs) byField.set(field, [...(byField.get(field) ?? []), column]);
  for (const [field, columns] of byField) {
    if (columns.length < 2) continue;
    const names = columns.map((c) => columnName(headers, c));
    issues.push({ code: 'field-used-twice', severity: 'error', field, columns, message: `${fieldLabel(kind, field)} is picked for columns ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}; pick it for one column only.` });
  }

  const identifier = identifierStatus(kind, pairs, columnCount);
  if (!identifier.satisfied) {
    const labels = IDENTIFIER_FIELDS[kind].map((id) => fieldLabel(kind, id));
    issues.unshift({ code: 'no-identifier', severity: 'error', columns: [], message: `Map at least one identifier column: ${orList(labels)}. GetSales needs one to recognise each ${noun}.` });
  }
  return { identifier, issues };
}

/** Checks the screen's per-column mapping against the file's headers. */
export function checkMapping(kind: RecordKind, headers: readonly string[], mapping: ColumnMapping): MappingCheck {
  return checkPairs(kind, headers, pairsOfMapping(mapping));
}

/** Checks API-form `columns` (field → index), e.g. before sending import-leads. */
export function checkApiColumns(kind: RecordKind, headers: readonly string[], columns: ApiColumns): MappingCheck {
  return checkPairs(kind, headers, Object.entries(columns).map(([field, column]) => ({ field, column })));
}
