/**
 * The decoded domain types of the GetSales CSV Import/Export API: what the rest of the
 * extension works with. Wire shapes (snake_case, tolerated variants) live only in
 * `wire.ts`; nothing here mirrors the JSON on purpose, so a server change stays there.
 */

import type { ExportStatus, ExportType, ImportStatus, ImportType } from '../../shared/vocabulary';

/** GetSales refuses larger uploads (contract §2.1); check before uploading to fail early. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

/**
 * A status word this version does not know (contract §7): the raw word is kept in
 * `rawStatus`, shown to the user, and the job is treated as still running.
 */
export const UNKNOWN_STATUS = 'unknown';
export type UnknownStatus = typeof UNKNOWN_STATUS;

const TERMINAL_IMPORT_STATUSES: ReadonlySet<string> = new Set<ImportStatus>(['completed', 'failed', 'contacts_limit_achieved']);

/** True when the import will not change any more, so polling can stop; an unknown word is still running. */
export function isImportFinished(status: ImportStatus | UnknownStatus): boolean {
  return TERMINAL_IMPORT_STATUSES.has(status);
}

export interface ImportMetrics {
  readonly queuedRecords: number;
  readonly savedRecords: number;
  readonly duplicateRecords: number;
  readonly blacklistedRecords: number;
  readonly errorRecords: number;
}

/**
 * A row the server refused. `row` is passed on as the server numbers it (the sandbox counts
 * file lines: header = 1); the contract leaves this open. 0 = no row named (a message about
 * the whole import, or an item whose shape names none).
 */
export interface ImportRowError {
  readonly row: number;
  readonly message: string;
}

export interface FileImport {
  readonly uuid: string;
  /** Undefined when the server leaves it out (contract §7: upload answers may). */
  readonly type: ImportType | undefined;
  readonly status: ImportStatus | UnknownStatus;
  /** The server's word as sent (or the default it stands for when absent), for the user and the log. */
  readonly rawStatus: string;
  readonly listUuid: string | undefined;
  readonly fileName: string | undefined;
  readonly delimiter: string | undefined;
  readonly rowsCount: number | undefined;
  readonly csvHeaders: readonly string[];
  /** First data rows, each aligned with `csvHeaders` (missing cells are ''). */
  readonly csvPreview: readonly (readonly string[])[];
  /** The server's suggested mapping: catalogue field → 0-based column index. */
  readonly matches: Readonly<Record<string, number>>;
  /** Counters when the server embeds them; otherwise ask `importMetrics`. */
  readonly metrics: ImportMetrics | undefined;
  readonly errors: readonly ImportRowError[];
  /** ISO time; absent in several real answers (contract §7). */
  readonly createdAt: string | undefined;
  /** ISO time of the last change; like createdAt, often absent (contract §7). */
  readonly updatedAt: string | undefined;
}

/** What an import start answers: only the job's uuid and status matter (contract §7). */
export interface ImportStart {
  readonly uuid: string;
  readonly status: ImportStatus | UnknownStatus;
  readonly rawStatus: string;
}

export interface ExportProgress {
  readonly processed: number;
  readonly total: number;
}

export interface ExportJob {
  readonly uuid: string;
  /** Undefined when the answer leaves it out (export start and poll answers may). */
  readonly type: ExportType | undefined;
  readonly status: ExportStatus | UnknownStatus;
  readonly rawStatus: string;
  readonly progress: ExportProgress | undefined;
  /** Server file names to pass to `downloadExport`; empty until the export is done. */
  readonly files: readonly string[];
  readonly createdAt: string | undefined;
  readonly updatedAt: string | undefined;
}

/** Ready means downloadable: finished and at least one result file (contract §3.2, §7). */
export function isExportReady(job: ExportJob): boolean {
  return (job.status === 'done' || job.status === 'completed') && job.files.length > 0;
}

/** An account tag; imports send tag uuids (contract §7). */
export interface Tag {
  readonly uuid: string;
  readonly name: string;
}

/**
 * What to export (the API's MassActionFilter). One shape for contacts and companies;
 * `wire.ts` encodes it per entity.
 */
export type ExportFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'ids'; readonly ids: readonly string[]; readonly excludeIds?: readonly string[] }
  | { readonly kind: 'list'; readonly listUuid: string }
  | { readonly kind: 'search'; readonly q: string; readonly listUuid?: string };

export interface ContactList {
  readonly uuid: string;
  readonly name: string;
  readonly createdAt: string | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly total: number;
  readonly hasMore: boolean;
}

export interface Credentials {
  readonly apiKey: string;
  readonly teamId?: string;
}

export interface UploadCsvInput {
  readonly filePath: string;
  /** Name the server sees; defaults to the file's base name. */
  readonly fileName?: string;
  readonly type: ImportType;
  readonly listUuid?: string;
}

export interface ImportContactsBody {
  /** Catalogue field → 0-based column index. */
  readonly columns: Readonly<Record<string, number>>;
  readonly listUuid?: string;
  /** Tag uuids (contract §7). */
  readonly tags?: readonly string[];
  readonly updateIfExists?: boolean;
  readonly moveToList?: boolean;
}

export interface ImportCompaniesBody {
  readonly columns: Readonly<Record<string, number>>;
  readonly listUuids?: readonly string[];
  /** Tag uuids (contract §7). */
  readonly tags?: readonly string[];
}

export interface ListImportsQuery {
  readonly type?: ImportType;
  readonly limit?: number;
  readonly offset?: number;
}

export interface PageQuery {
  readonly limit?: number;
  readonly offset?: number;
}

export interface ListListsQuery {
  readonly q?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface DownloadResult {
  /** Where the file was written (never an existing file). */
  readonly path: string;
  readonly bytes: number;
}

export type ProgressCallback = (doneBytes: number, totalBytes: number) => void;
