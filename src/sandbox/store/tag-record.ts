/** A team's tag (contract §8, `GET /leads/api/tags`): imports name tags by uuid (sister) or by name (doc). */
import type { Sortable } from '../http/pagination';

export interface TagRecord extends Sortable {
  readonly uuid: string;
  readonly name: string;
}

export function tagView(tag: TagRecord, teamId: number): Record<string, unknown> {
  return { uuid: tag.uuid, team_id: teamId, name: tag.name, created_at: tag.created_at, updated_at: tag.updated_at };
}
