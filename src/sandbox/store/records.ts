/**
 * What the sandbox stores. A contact or company keeps its catalogue values as an array
 * aligned with CONTACT_FIELDS / COMPANY_FIELDS (compact at 100,000+ records, and the
 * export row is just `[uuid, ...values]`). Tags are one comma-separated string, as
 * they appear in a CSV.
 */
import { COMPANY_FIELDS, CONTACT_FIELDS, type ImportKind } from '../../core/csv/catalogue';

export interface ListRecord {
  readonly uuid: string;
  readonly seq: number;
  readonly name: string;
  readonly created_at: string;
  readonly updated_at: string;
}

interface StoredRecord {
  readonly uuid: string;
  readonly seq: number;
  readonly created_at: string;
  updated_at: string;
  /** One string per catalogue field, in catalogue order; '' when unknown. */
  readonly values: string[];
}

export interface ContactRecord extends StoredRecord {
  list_uuid: string;
}

export interface CompanyRecord extends StoredRecord {
  readonly list_uuids: string[];
}

export const CONTACT_FIELD_NAMES: readonly string[] = CONTACT_FIELDS.map((f) => f.name);
export const COMPANY_FIELD_NAMES: readonly string[] = COMPANY_FIELDS.map((f) => f.name);

export function fieldNames(kind: ImportKind): readonly string[] {
  return kind === 'contacts' ? CONTACT_FIELD_NAMES : COMPANY_FIELD_NAMES;
}

export function fieldIndex(kind: ImportKind, field: string): number {
  return fieldNames(kind).indexOf(field);
}

/** The export's columns (contract §3.3): `uuid`, then the catalogue in order. */
export function exportHeader(kind: ImportKind): string[] {
  return ['uuid', ...fieldNames(kind)];
}

export function exportRow(record: StoredRecord): string[] {
  return [record.uuid, ...record.values];
}

/** The JSON form used by `/__sandbox/state`: same strings as the export, plus list membership. */
export function contactView(record: ContactRecord): Record<string, string> {
  const view: Record<string, string> = { uuid: record.uuid, list_uuid: record.list_uuid, created_at: record.created_at, updated_at: record.updated_at };
  CONTACT_FIELD_NAMES.forEach((name, i) => { view[name] = record.values[i] ?? ''; });
  return view;
}

export function companyView(record: CompanyRecord): Record<string, unknown> {
  const view: Record<string, unknown> = { uuid: record.uuid, list_uuids: [...record.list_uuids], created_at: record.created_at, updated_at: record.updated_at };
  COMPANY_FIELD_NAMES.forEach((name, i) => { view[name] = record.values[i] ?? ''; });
  return view;
}

export function listView(list: ListRecord, teamId: number): Record<string, unknown> {
  return { uuid: list.uuid, team_id: teamId, name: list.name, created_at: list.created_at, updated_at: list.updated_at };
}

/** Tags as a set-like union: "a, b" + ["b", "c"] → "a, b, c". */
export function mergeTags(existing: string, added: readonly string[]): string {
  const tags = existing.split(',').map((t) => t.trim()).filter((t) => t !== '');
  for (const tag of added) {
    const trimmed = tag.trim();
    if (trimmed !== '' && !tags.includes(trimmed)) tags.push(trimmed);
  }
  return tags.join(', ');
}
