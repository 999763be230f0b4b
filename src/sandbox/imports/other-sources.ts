/**
 * The data sources that are not CSV imports: on a real account `GET /leads/api/data-sources`
 * returns every import job, and 12 of its 13 types are LinkedIn / Sales Navigator searches
 * (contract §7). The sister mode lists these among the CSV imports; the client must skip them.
 */
import type { Sortable } from '../http/pagination';
import { isoNow } from '../time';

export const OTHER_SOURCE_TYPES = [
  'linkedin_search', 'linkedin_post_reactions', 'linkedin_post_comments', 'linkedin_group_members',
  'linkedin_event_attendees', 'linkedin_company_employees', 'linkedin_profile_followers', 'linkedin_connections',
  'sales_navigator_search', 'sales_navigator_account_search', 'sales_navigator_lead_list', 'sales_navigator_account_list',
] as const;

export interface OtherSource extends Sortable {
  readonly uuid: string;
  readonly type: string;
  readonly status: string;
  readonly url: string;
  readonly saved: number;
}

const STATUSES = ['completed', 'in_progress', 'on_hold', 'completed', 'failed', 'paused_by_limits'];

/** One of each type, a minute apart and older than anything uploaded afterwards; uuids fixed so tests can name them. */
export function otherSources(now = Date.now()): OtherSource[] {
  return OTHER_SOURCE_TYPES.map((type, i) => {
    const at = isoNow(new Date(now - (i + 1) * 60_000));
    return {
      uuid: `0000a11e-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      seq: -(i + 1),
      type,
      status: STATUSES[i % STATUSES.length] ?? 'completed',
      url: `https://www.linkedin.com/${type.startsWith('sales') ? 'sales' : 'search/results'}/people/?keywords=demo-${i + 1}`,
      saved: 25 * (i + 1),
      created_at: at,
      updated_at: at,
    };
  });
}

export function otherSourceView(source: OtherSource, teamId: number): Record<string, unknown> {
  return {
    uuid: source.uuid,
    team_id: teamId,
    user_id: 1,
    type: source.type,
    status: source.status,
    list_uuid: null,
    payload: { url: source.url },
    metrics: { queued_records: 0, saved_records: source.saved, duplicate_records: 0, blacklisted_records: 0, error_records: 0 },
    created_at: source.created_at,
    updated_at: source.updated_at,
  };
}
