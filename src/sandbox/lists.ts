/**
 * Lists (contract §4): `GET /leads/api/lists` (paginated, `filter[q]` on the name) and
 * `POST` `{name}` (200; `201 Created` in sister mode, §7).
 */
import type { RequestContext } from './http/context';
import { validationError } from './http/errors';
import { paginate, readPageQuery } from './http/pagination';
import { readJsonBody } from './http/read-json';
import { sendJson } from './http/respond';
import { listView } from './store/records';

const MAX_NAME = 255;

export function listLists(ctx: RequestContext): void {
  const q = (ctx.url.searchParams.get('filter[q]') ?? '').trim().toLowerCase();
  const query = readPageQuery(ctx.url.searchParams);
  const lists = [...ctx.state.store.lists.values()].filter((list) => q === '' || list.name.toLowerCase().includes(q));
  sendJson(ctx.res, 200, paginate(lists, query, (list) => listView(list, ctx.state.config.teamNumber)));
}

export async function createList(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  const name = value.name;
  if (typeof name !== 'string' || name.trim() === '') throw validationError('name', 'The name field is required.');
  if (name.trim().length > MAX_NAME) throw validationError('name', `The name may not be greater than ${MAX_NAME} characters.`);
  const list = ctx.state.store.createList(name.trim());
  sendJson(ctx.res, ctx.state.config.compat === 'sister' ? 201 : 200, listView(list, ctx.state.config.teamNumber));
}
