/**
 * The export object (contract §3.1, §3.2). Its file name is fixed at creation —
 * `contacts-export-YYYYMMDD-HHMMSS-<first 8 of uuid>.csv` from created_at — but only
 * announced in `result.files` once the file is complete. A mass action can be aborted
 * (`DELETE /leads/api/mass-actions/{uuid}`, §8): it is then `cancelled`.
 * The sister mode (§7) shows a start answer without timestamps or progress, `completed`
 * for `done`, and `result.files` as objects (`{file_name}`, `{name}`, `{path}` in turn).
 */
import { type ExportStatus, type RecordKind, exportTypeOf } from '../../shared/vocabulary';
import type { Compat } from '../compat';
import type { Sortable } from '../http/pagination';

export interface ExportJob extends Sortable {
  readonly uuid: string;
  /** 0, 1, 2… per export since the sandbox started or was reset (the sister mode rotates `result.files` shapes by it). */
  readonly ordinal: number;
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
  /** Aborts the writing when the export is cancelled. */
  readonly cancel: AbortController;
}

export function isExportActive(job: ExportJob): boolean {
  return job.status === 'queued' || job.status === 'in_progress';
}

/** Stops a queued or running export; false when it had already ended. */
export function cancelExport(job: ExportJob, at: string): boolean {
  if (!isExportActive(job)) return false;
  job.status = 'cancelled';
  job.updated_at = at;
  job.cancel.abort();
  return true;
}

export function exportFileName(kind: RecordKind, uuid: string, createdAt: string): string {
  const stamp = createdAt.replace(/[-:]/g, '').replace('T', '-').replace(/Z$/, '').slice(0, 15);
  return `${kind}-export-${stamp}-${uuid.slice(0, 8)}.csv`;
}

const FILE_SHAPES: readonly ((name: string) => unknown)[] = [
  (name) => ({ file_name: name }),
  (name) => ({ name }),
  (name) => ({ path: name }),
];

function files(job: ExportJob, compat: Compat): unknown[] {
  const shape = FILE_SHAPES[job.ordinal % FILE_SHAPES.length];
  return [compat === 'sister' && shape !== undefined ? shape(job.fileName) : job.fileName];
}

/** Polls and the mass-actions list. */
export function exportView(job: ExportJob, teamId: number, compat: Compat): Record<string, unknown> {
  return {
    uuid: job.uuid,
    team_id: teamId,
    type: exportTypeOf(job.kind),
    filter: job.filter,
    status: compat === 'sister' && job.status === 'done' ? 'completed' : job.status,
    result: job.status === 'done' ? { files: files(job, compat) } : null,
    progress: { ...job.progress },
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}

/** The answer to an export start: the sister spec's five fields, or the full object. */
export function exportStartView(job: ExportJob, teamId: number, compat: Compat): Record<string, unknown> {
  if (compat === 'doc') return exportView(job, teamId, compat);
  return { uuid: job.uuid, team_id: teamId, type: exportTypeOf(job.kind), filter: job.filter, status: 'queued' };
}
