/**
 * Mass actions that are not exports (tagging, moving, enriching…): `GET /leads/api/mass-actions`
 * lists every mass action of the team (contract §8), so the client must pick the exports
 * (`contact_export_csv` / `account_export_csv`) out of a mixed list.
 */
import type { Sortable } from '../http/pagination';
import { isoNow } from '../time';

export const OTHER_MASS_ACTION_TYPES = ['contact_add_tag', 'contact_move_to_list', 'contact_enrich', 'account_add_tag', 'contact_delete'] as const;

export interface OtherMassAction extends Sortable {
  readonly uuid: string;
  readonly type: string;
  readonly total: number;
}

/** One of each type, older than anything started afterwards; uuids fixed so tests can name them. */
export function otherMassActions(now = Date.now()): OtherMassAction[] {
  return OTHER_MASS_ACTION_TYPES.map((type, i) => {
    const at = isoNow(new Date(now - (i + 1) * 90_000));
    return { uuid: `0000ac71-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, seq: -(i + 1), type, total: 40 * (i + 1), created_at: at, updated_at: at };
  });
}

/** `finished` is the mode's word for a finished action (`done`, or `completed` in sister mode). */
export function otherMassActionView(action: OtherMassAction, teamId: number, finished: string): Record<string, unknown> {
  return {
    uuid: action.uuid,
    team_id: teamId,
    type: action.type,
    filter: { all: true },
    status: finished,
    result: null,
    progress: { processed: action.total, total: action.total },
    created_at: action.created_at,
    updated_at: action.updated_at,
  };
}
