/**
 * The message protocol between the extension host and the mapping screen (webview).
 * Plain JSON data only: everything here crosses `postMessage`, so no classes, no
 * functions, no Dates. The host decodes every inbound message with
 * `decodeWebviewMessage` (./decode-webview-message) before acting on it.
 *
 * Handshake: the webview posts `ready` once its script runs; only then does the host
 * post `init`. The webview is destroyed whenever its tab is hidden (we rely on
 * `setState`, not `retainContextWhenHidden`), so `ready` arrives again on every show and
 * the host answers each one with a fresh `init`.
 */
import type { CsvEncoding } from './csv-encodings';

export type { CsvEncoding } from './csv-encodings';

import type { ColumnMapping, ColumnSuggestion, IdentifierStatus, ImportStatus, RecordKind } from './vocabulary';

/** The domain words the messages carry, from the one vocabulary (re-exported so the webview needs one import). */
export type { ColumnMapping, ColumnSuggestion, IdentifierStatus, ImportStatus, RecordKind };

/** What the host needs to rebuild the screen after a window reload. Never holds secrets. */
export interface RestoreKey {
  readonly fileUri: string;
  readonly kind: RecordKind;
  /** The file import (upload) uuid the mapping is for. */
  readonly importUuid: string;
  /** How the user chose to read the file on the screen; absent: as detected, formulas left alone. */
  readonly reading?: FileReading;
  /** A file over the upload limit, imported in parts: the id of its parts (and of its job once started). */
  readonly partsId?: string;
}

/** How the file is read for the preview and the upload: the user's choices on the screen. */
export interface FileReading {
  readonly encoding: CsvEncoding;
  /** Put a ' before formula-like cells in the upload. */
  readonly neutraliseFormulas: boolean;
}

export interface EncodingOption {
  readonly id: CsvEncoding;
  readonly label: string;
}

/** How the encoding was settled and how sure that is. */
export interface EncodingFacts {
  readonly id: CsvEncoding;
  /** 0…1. */
  readonly confidence: number;
  /** True when the screen must say the encoding is a guess. */
  readonly lowConfidence: boolean;
  readonly source: 'bom' | 'utf-8' | 'detector' | 'chosen';
  /** The "Encoding" choice: likely alternatives first, then the rest. */
  readonly options: readonly EncodingOption[];
}

export interface FormulaFacts {
  /** Data cells that start like a formula (=, +, -, @, tab, CR). */
  readonly count: number;
  /** Lines of the first rows holding one. */
  readonly lines: readonly number[];
  /** True when the upload has them neutralised (a ' in front). */
  readonly neutralised: boolean;
}

export interface FileFacts {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly rowCount: number;
  /** The delimiter character as found in the file (",", ";", "\t", "|"). */
  readonly delimiter: string;
  /** The file's original encoding as a name, such as "UTF-8" or "Windows-1252". */
  readonly encoding: string;
  readonly encodingFacts: EncodingFacts;
  readonly formulas: FormulaFacts;
  /** True when the file was transcoded to UTF-8 before upload. */
  readonly converted: boolean;
  /** Pre-flight warnings, one sentence each. */
  readonly warnings: readonly string[];
  /** A file over GetSales' per-upload limit, imported in parts one after another with this mapping. */
  readonly parts?: PartsFacts;
}

export interface PartsFacts {
  readonly count: number;
  /** What is uploaded in all (the converted copy's size). */
  readonly uploadBytes: number;
  /** The most one part holds. */
  readonly maxPartBytes: number;
  /** GetSales' limit per upload. */
  readonly limitBytes: number;
}

export interface FieldGroupOption {
  readonly id: string;
  readonly label: string;
}

export interface FieldOption {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** A `FieldGroupOption.id`. */
  readonly group: string;
}

export interface ListSummary {
  readonly uuid: string;
  readonly name: string;
}

/** An existing tag of the account; imports send tag uuids (contract §7). */
export interface TagSummary {
  readonly uuid: string;
  readonly name: string;
}

export type TargetState =
  | {
      readonly kind: 'contacts';
      readonly listUuid: string | null;
      /** Uuids of tags from `MappingModel.tags`. */
      readonly tags: readonly string[];
      readonly updateExisting: boolean;
    }
  | {
      readonly kind: 'companies';
      readonly listUuids: readonly string[];
      /** Uuids of tags from `MappingModel.tags`. */
      readonly tags: readonly string[];
    };

/** Everything the screen shows that does not depend on the user's edits. */
export interface MappingModel {
  readonly restore: RestoreKey;
  readonly file: FileFacts;
  /** CSV headers in file order. */
  readonly columns: readonly string[];
  /** The first (up to 10) data rows, as text. */
  readonly previewRows: readonly (readonly string[])[];
  /** Field groups in display order. */
  readonly groups: readonly FieldGroupOption[];
  /** The catalogue for this kind. */
  readonly fields: readonly FieldOption[];
  /** At least one of these must be mapped (display only: the host decides). */
  readonly identifierFields: readonly string[];
  /** Prefill of the pickers: server `matches` merged with our own header matching. */
  readonly suggestions: readonly ColumnSuggestion[];
  readonly lists: readonly ListSummary[];
  /** The account's existing tags (empty when the server has no tags endpoint). */
  readonly tags: readonly TagSummary[];
  /** Initial target (e.g. the list chosen at upload). */
  readonly target: TargetState;
  /** Initial state of "Save this mapping for files with these headers". */
  readonly saveMapping: boolean;
}

export type IssueSeverity = 'error' | 'warning';

/** One mapping rule result, e.g. "Work email is picked for two columns". */
export interface RuleIssue {
  readonly code: string;
  readonly severity: IssueSeverity;
  readonly message: string;
  /** CSV columns the issue is about, to mark their pickers. */
  readonly columns: readonly number[];
}

export interface ValidationItem {
  readonly code: string;
  readonly severity: IssueSeverity;
  readonly count: number;
  /** Complete sentence, e.g. "37 rows have no identifier: GetSales will refuse them, and they count as errors." */
  readonly message: string;
}

export interface ValidationSummary {
  readonly rowsChecked: number;
  readonly items: readonly ValidationItem[];
}

/** The host's verdict on one mapping: rules + row validation. */
export interface MappingReview {
  readonly identifier: IdentifierStatus;
  readonly issues: readonly RuleIssue[];
  readonly validation: ValidationSummary;
}

export interface JobProgress {
  readonly jobId: string;
  readonly status: ImportStatus;
  readonly rowsTotal: number | null;
  readonly rowsProcessed: number | null;
  readonly saved: number;
  readonly duplicates: number;
  readonly errors: number;
  /** Optional sentence from the host ("Stopped: contacts limit reached"). */
  readonly message?: string;
}

export interface StartImportRequest {
  readonly mapping: ColumnMapping;
  readonly target: TargetState;
  readonly saveMapping: boolean;
}

// ── host → webview ───────────────────────────────────────────────────────────

export type HostMessage =
  | { readonly type: 'init'; readonly model: MappingModel; readonly job: JobProgress | null }
  | { readonly type: 'review'; readonly revision: number; readonly review: MappingReview }
  | { readonly type: 'lists'; readonly lists: readonly ListSummary[] }
  | { readonly type: 'createListResult'; readonly requestId: string; readonly result: CreateListResult }
  | { readonly type: 'startFailed'; readonly message: string }
  /** The file could not be read again the way asked; the screen keeps what it shows. */
  | { readonly type: 'rereadFailed'; readonly message: string }
  | { readonly type: 'job'; readonly job: JobProgress };

export type CreateListResult =
  | { readonly ok: true; readonly list: ListSummary }
  | { readonly ok: false; readonly message: string };

export type HostMessageType = HostMessage['type'];

// ── webview → host ───────────────────────────────────────────────────────────

export type WebviewMessage =
  | { readonly type: 'ready' }
  /** `revision` grows with every edit; the host echoes it in `review` so stale answers are dropped. */
  | { readonly type: 'mappingChanged'; readonly revision: number; readonly mapping: ColumnMapping }
  /** Answered by `createListResult` with the same `requestId`. */
  | { readonly type: 'createList'; readonly requestId: string; readonly name: string }
  | ({ readonly type: 'startImport' } & StartImportRequest)
  | { readonly type: 'showInProblems'; readonly mapping: ColumnMapping }
  /** Read the file again this way (a new preview and upload); answered by `init` or `rereadFailed`. */
  | ({ readonly type: 'rereadFile' } & FileReading)
  | { readonly type: 'closePanel' };

export type WebviewMessageType = WebviewMessage['type'];

/**
 * What the webview keeps with `setState`: the user's edits, plus the restore key the
 * host's WebviewPanelSerializer needs after a window reload. Never holds secrets.
 */
export interface WebviewState {
  readonly version: 1;
  readonly restore: RestoreKey;
  readonly mapping: ColumnMapping;
  readonly target: TargetState;
  readonly saveMapping: boolean;
  readonly started: boolean;
}

/** Compile-time exhaustiveness for switches over the unions above. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Limits the host enforces on inbound data (a webview is untrusted input). */
export const PROTOCOL_LIMITS = {
  maxColumns: 1000,
  maxFieldName: 100,
  maxListName: 255,
  maxTags: 100,
  maxTagLength: 100,
  maxRequestId: 100,
  maxLists: 1000,
} as const;
