/**
 * The decoded domain types of the GetSales CSV Import/Export API: what the rest of the
 * extension works with. Wire shapes (snake_case, tolerated variants) live only in
 * `wire.ts`; nothing here mirrors the JSON on purpose, so a server change stays there.
 */

import type { ExportStatus, ExportType, ImportStatus, ImportType } from '../../shared/vocabulary';

/** GetSales refuses larger uploads (contract §2.1); check before uploading to fail early. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

const TERMINAL_IMPORT_STATUSES: ReadonlySet<ImportStatus> = new Set(['completed', 'failed', 'contacts_limit_achieved']);

/** True when the import will not change any more, so polling can stop. */
export function isImportFinished(status: ImportStatus): boolean {
  return TERMINAL_IMPORT_STATUSES.has(status);
}

export interface ImportMetrics {
  readonly queuedRecords: number;
  readonly savedRecords: number;
  readonly duplicateRecords: number;
  readonly blacklistedRecords: number;
  readonly errorRecords: number;
}

/** A row the server refused. `row` is passed on as the server numbers it (the sandbox counts file lines: header = 1); the contract leaves this open. */
export interface ImportRowError {
  readonly row: number;
  readonly message: string;
}

export interface FileImport {
  readonly uuid: string;
  readonly type: ImportType;
  readonly status: ImportStatus;
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
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ExportProgress {
  readonly processed: number;
  readonly total: number;
}

export interface ExportJob {
  readonly uuid: string;
  readonly type: ExportType;
  readonly status: ExportStatus;
  readonly progress: ExportProgress | undefined;
  /** Server file names to pass to `downloadExport`; empty until the export is done. */
  readonly files: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Ready means downloadable: done and at least one result file (contract §3.2). */
export function isExportReady(job: ExportJob): boolean {
  return job.status === 'done' && job.files.length > 0;
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
  readonly createdAt: string;
  readonly updatedAt: string;
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
  readonly tags?: readonly string[];
  readonly updateIfExists?: boolean;
  readonly moveToList?: boolean;
}

export interface ImportCompaniesBody {
  readonly columns: Readonly<Record<string, number>>;
  readonly listUuids?: readonly string[];
  readonly tags?: readonly string[];
}

export interface ListImportsQuery {
  readonly type?: ImportType;
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
