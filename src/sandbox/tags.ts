/** Tags (contract §8): `GET /leads/api/tags`, paginated, `filter[q]` on the name. Both modes. */
import type { RequestContext } from './http/context';
import { paginate, readPageQuery } from './http/pagination';
import { sendJson } from './http/respond';
import { tagView } from './store/tag-record';

export function listTags(ctx: RequestContext): void {
  const q = (ctx.url.searchParams.get('filter[q]') ?? '').trim().toLowerCase();
  const query = readPageQuery(ctx.url.searchParams);
  const tags = [...ctx.state.store.tags.values()].filter((tag) => q === '' || tag.name.toLowerCase().includes(q));
  sendJson(ctx.res, 200, paginate(tags, query, (tag) => tagView(tag, ctx.state.config.teamNumber)));
}
