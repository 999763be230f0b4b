/**
 * The file import object (contract §2.1, §2.4): what upload-csv creates, import-leads /
 * import-companies start, and polling reads. `filePath` (the uploaded CSV on disk) and
 * the dialect stay server-side.
 */
import type { ImportStatus, ImportType } from '../../shared/vocabulary';
import type { Newline } from '../csv/papa-rows';
import type { Sortable } from '../http/pagination';

export interface ImportMetrics {
  queued_records: number;
  saved_records: number;
  duplicate_records: number;
  blacklisted_records: number;
  error_records: number;
}

export interface RowError {
  /** 1-based line number of the data row in the file, as an editor counts lines (header = line 1). */
  readonly row: number;
  readonly message: string;
}

/** Rows are imported in batches of this many (contract §2.2); progress moves in these steps. */
export const BATCH_ROWS = 1000;

/** `errors` keeps the first rows only, so a file of 100,000 bad rows does not bloat every poll. */
export const MAX_ROW_ERRORS = 1000;

export interface FileImportJob extends Sortable {
  readonly uuid: string;
  /** 0, 1, 2… per upload since the sandbox started or was reset (the sister mode rotates `matches` shapes by it). */
  readonly ordinal: number;
  readonly type: ImportType;
  status: ImportStatus;
  list_uuid: string | null;
  readonly file_name: string;
  readonly delimiter: string;
  readonly newline: Newline;
  readonly rows_count: number;
  readonly csv_headers: readonly string[];
  readonly csv_preview: readonly (readonly string[])[];
  readonly matches: Readonly<Record<string, number>>;
  updated_at: string;
  readonly metrics: ImportMetrics;
  readonly errors: RowError[];
  /** The uploaded CSV; removed once the import has run. */
  filePath: string | undefined;
}

export function emptyMetrics(queued: number): ImportMetrics {
  return { queued_records: queued, saved_records: 0, duplicate_records: 0, blacklisted_records: 0, error_records: 0 };
}

export function fileImportView(job: FileImportJob, teamId: number): Record<string, unknown> {
  return {
    uuid: job.uuid,
    team_id: teamId,
    user_id: 1,
    type: job.type,
    status: job.status,
    list_uuid: job.list_uuid,
    payload: { file_name: job.file_name, delimiter: job.delimiter, rows_count: job.rows_count },
    csv_headers: job.csv_headers,
    csv_preview: job.csv_preview,
    matches: job.matches,
    metrics: { ...job.metrics },
    errors: job.errors,
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}
