/**
 * The file import as the real server may show it (contract §7, `sister` mode): the
 * upload answer without timestamps, `payload.rows_count`, `type` or `status`; `matches`
 * in another shape (rotating with each upload, so a run sees them all); a bare
 * import-start body; `errors` items of other shapes; and a status outside the known
 * enum (`queued_for_processing`) until the first batch is done.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { fileImportView, type FileImportJob, type RowError } from './file-import';

/** What the sister server says of a started import before its first batch. */
export const UNKNOWN_RUNNING_STATUS = 'queued_for_processing';

/** `{field: index}` (the doc shape) rewritten in the other shapes §7 lists, in the order uploads get them. */
const MATCHES_SHAPES: readonly ((matches: Readonly<Record<string, number>>, headers: readonly string[]) => unknown)[] = [
  (matches, headers) => Object.fromEntries(Object.entries(matches).map(([field, column]) => [headers[column] ?? '', field])),
  (matches, headers) => Object.entries(matches).map(([field, column]) => ({ source: headers[column] ?? '', target: field })),
  (matches) => Object.entries(matches).map(([field, column]) => ({ column, field })),
  (matches, headers) => Object.fromEntries(Object.entries(matches).map(([field, column]) => [field, headers[column] ?? ''])),
];

export const MATCHES_SHAPE_COUNT = MATCHES_SHAPES.length;

function sisterMatches(job: FileImportJob): unknown {
  const shape = MATCHES_SHAPES[job.ordinal % MATCHES_SHAPES.length];
  return shape === undefined ? job.matches : shape(job.matches, job.csv_headers);
}

/** Items cycle through `{line, error}`, `{index, reason}` and a plain string (each names the line the doc shape calls `row`). */
function sisterError(error: RowError, i: number): unknown {
  switch (i % 3) {
    case 0: return { line: error.row, error: error.message };
    case 1: return { index: error.row, reason: error.message };
    default: return `Line ${error.row}: ${error.message}`;
  }
}

function sisterStatus(job: FileImportJob): string {
  const { saved_records, duplicate_records, error_records } = job.metrics;
  const untouched = saved_records + duplicate_records + error_records === 0 && job.rows_count > 0;
  return job.status === 'in_progress' && untouched ? UNKNOWN_RUNNING_STATUS : job.status;
}

/** Polls and lists: the doc object with another status while queued, other `errors` items and `matches`. */
export function sisterImportView(job: FileImportJob, teamId: number): Record<string, unknown> {
  return {
    ...fileImportView(job, teamId),
    status: sisterStatus(job),
    matches: sisterMatches(job),
    errors: job.errors.map(sisterError),
  };
}

/** upload-csv 200: only what the sister spec lists (no timestamps, rows_count, type or status). */
export function sisterUploadView(job: FileImportJob, teamId: number): Record<string, unknown> {
  return {
    uuid: job.uuid,
    team_id: teamId,
    list_uuid: job.list_uuid,
    payload: { file_name: job.file_name, delimiter: job.delimiter },
    csv_headers: job.csv_headers,
    csv_preview: job.csv_preview,
    matches: sisterMatches(job),
  };
}

/** import-leads answers with the sister spec's undocumented message; import-companies with `{uuid, status}`. */
export function sisterStartView(job: FileImportJob, kind: RecordKind): Record<string, unknown> {
  return kind === 'contacts' ? { message: 'Import job started' } : { uuid: job.uuid, status: sisterStatus(job) };
}
