/**
 * The domain's words, each defined once for core, host, sandbox and webview. Plain
 * types and constant lists only (no Node, no DOM). The webview protocol re-exports what
 * it sends, so a message cannot drift from the type the rest of the extension uses.
 */

// ── our words ────────────────────────────────────────────────────────────────

/** What a CSV holds and what an import or export is about. */
export const RECORD_KINDS = ['contacts', 'companies'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Which CSV column goes to which GetSales field: index = CSV column (0-based), value =
 * field name, `null` = not imported. Per column (not field → column like the API) so
 * that a field picked twice can be represented, shown, and reported as a rule issue.
 */
export type ColumnMapping = readonly (string | null)[];

/**
 * Where a suggested field came from: a mapping the user confirmed before, GetSales' own
 * match, the header being the field's name or a known alias of it, a near miss of a
 * name, or what the column's values look like.
 */
export type SuggestionSource = 'memory' | 'server' | 'exact' | 'alias' | 'fuzzy' | 'content';

/** A proposed field for one CSV column, with why. */
export interface ColumnSuggestion {
  /** 0-based CSV column. */
  readonly column: number;
  readonly field: string;
  /** A sentence for the hover, e.g. 'Header "E-Mail Address" is a known name for Work email'. */
  readonly reason: string;
  /** 0…1. */
  readonly confidence: number;
  readonly source: SuggestionSource;
  /**
   * What the screen's Notes column says while the column holds this field: who suggested
   * it, only when the header does not already say so ("" when there is nothing to add).
   */
  readonly note: string;
}

/** Whether a mapping has a field that identifies each record (contract §2.2/2.3). */
export interface IdentifierStatus {
  readonly satisfied: boolean;
  /** Identifier fields currently mapped. */
  readonly mapped: readonly string[];
  /** One sentence for a badge: "Identifier: Work email" or "Map LinkedIn, Work email or Personal email". */
  readonly message: string;
}

// ── the API's words (wire names, as the contract spells them) ────────────────

export const IMPORT_TYPES = ['csv_leads', 'csv_accounts'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export const IMPORT_STATUSES = ['not_started', 'in_progress', 'on_hold', 'completed', 'failed', 'contacts_limit_achieved'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const EXPORT_TYPES = ['contact_export_csv', 'account_export_csv'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

/** `completed` is `done` and `cancelled` ends an export without files: both are words the real server uses (contract §7). */
export const EXPORT_STATUSES = ['queued', 'in_progress', 'done', 'completed', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

const IMPORT_TYPE_OF: Readonly<Record<RecordKind, ImportType>> = { contacts: 'csv_leads', companies: 'csv_accounts' };
const EXPORT_TYPE_OF: Readonly<Record<RecordKind, ExportType>> = { contacts: 'contact_export_csv', companies: 'account_export_csv' };

/** The upload `type` for a kind of records. */
export function importTypeOf(kind: RecordKind): ImportType {
  return IMPORT_TYPE_OF[kind];
}

export function recordKindOfImport(type: ImportType): RecordKind {
  return type === 'csv_leads' ? 'contacts' : 'companies';
}

/** The export object's `type` for a kind of records. */
export function exportTypeOf(kind: RecordKind): ExportType {
  return EXPORT_TYPE_OF[kind];
}
