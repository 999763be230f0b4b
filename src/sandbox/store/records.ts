/**
 * What the sandbox stores, as the API shows it. Contacts and companies live in a
 * RecordTable each; a record's values are one string per catalogue field, aligned with
 * CONTACT_FIELDS / COMPANY_FIELDS ('' when unknown; the export row is `[uuid, ...values]`).
 * Tags are one comma-separated string, as they appear in a CSV.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../../core/mapping/catalogue';

export interface ListRecord {
  readonly uuid: string;
  readonly seq: number;
  readonly name: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** What the views need of a table (RecordTable implements it). */
export interface RecordReader<M> {
  uuid(position: number): string;
  values(position: number): string[];
  membership(position: number): M;
  createdAt(position: number): string;
  updatedAt(position: number): string;
}

export const CONTACT_FIELD_NAMES: readonly string[] = CONTACT_FIELDS.map((f) => f.name);
export const COMPANY_FIELD_NAMES: readonly string[] = COMPANY_FIELDS.map((f) => f.name);

export function fieldNames(kind: RecordKind): readonly string[] {
  return kind === 'contacts' ? CONTACT_FIELD_NAMES : COMPANY_FIELD_NAMES;
}

export function fieldIndex(kind: RecordKind, field: string): number {
  return fieldNames(kind).indexOf(field);
}

/** The export's columns (contract §3.3): `uuid`, then the catalogue in order. */
export function exportHeader(kind: RecordKind): string[] {
  return ['uuid', ...fieldNames(kind)];
}

export function exportRow(table: RecordReader<unknown>, position: number): string[] {
  return [table.uuid(position), ...table.values(position)];
}

/** The JSON form used by `/__sandbox/state`: same strings as the export, plus list membership. */
export function contactView(table: RecordReader<string>, position: number): Record<string, string> {
  const view: Record<string, string> = {
    uuid: table.uuid(position), list_uuid: table.membership(position), created_at: table.createdAt(position), updated_at: table.updatedAt(position),
  };
  const values = table.values(position);
  CONTACT_FIELD_NAMES.forEach((name, i) => { view[name] = values[i] ?? ''; });
  return view;
}

export function companyView(table: RecordReader<readonly string[]>, position: number): Record<string, unknown> {
  const view: Record<string, unknown> = {
    uuid: table.uuid(position), list_uuids: [...table.membership(position)], created_at: table.createdAt(position), updated_at: table.updatedAt(position),
  };
  const values = table.values(position);
  COMPANY_FIELD_NAMES.forEach((name, i) => { view[name] = values[i] ?? ''; });
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
