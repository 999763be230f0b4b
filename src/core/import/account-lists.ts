/** The account's lists for the target picker: every page, up to a sane cap. */
import type { GetSalesClient } from '../api';
import type { ListSummary } from '../../shared/protocol';

const PAGE = 100;
const MAX_LISTS = 1000;

export async function fetchAllLists(client: Pick<GetSalesClient, 'listLists'>, signal?: AbortSignal): Promise<ListSummary[]> {
  const lists: ListSummary[] = [];
  for (let offset = 0; offset < MAX_LISTS; offset += PAGE) {
    const page = await client.listLists({ limit: PAGE, offset }, signal);
    lists.push(...page.items.map((list) => ({ uuid: list.uuid, name: list.name })));
    if (!page.hasMore || page.items.length === 0) break;
  }
  return lists;
}
