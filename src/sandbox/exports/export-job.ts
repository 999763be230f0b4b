/**
 * The export object (contract §3.1, §3.2). Its file name is fixed at creation —
 * `contacts-export-YYYYMMDD-HHMMSS-<first 8 of uuid>.csv` from created_at — but only
 * announced in `result.files` once the file is complete.
 */
import { type ExportStatus, type RecordKind, exportTypeOf } from '../../shared/vocabulary';
import type { Sortable } from '../http/pagination';

export interface ExportJob extends Sortable {
  readonly uuid: string;
  readonly kind: RecordKind;
  /** The filter as the client sent it, echoed back. */
  readonly filter: unknown;
  status: ExportStatus;
  readonly progress: { processed: number; total: number };
  updated_at: string;
  readonly fileName: string;
  /** Set when the file is complete. */
  filePath: string | undefined;
  /** Set while the file is being written. */
  partialPath: string | undefined;
}

export function exportFileName(kind: RecordKind, uuid: string, createdAt: string): string {
  const stamp = createdAt.replace(/[-:]/g, '').replace('T', '-').replace(/Z$/, '').slice(0, 15);
  return `${kind}-export-${stamp}-${uuid.slice(0, 8)}.csv`;
}

export function exportView(job: ExportJob, teamId: number): Record<string, unknown> {
  return {
    uuid: job.uuid,
    team_id: teamId,
    type: exportTypeOf(job.kind),
    filter: job.filter,
    status: job.status,
    result: job.status === 'done' ? { files: [job.fileName] } : null,
    progress: { ...job.progress },
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}
