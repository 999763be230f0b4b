/**
 * Every list of the account, page by page: the import's target picker and the export's
 * list picker both show them. The cap is more than any real account has, and a picker
 * of more would be no help.
 */
import type { GetSalesClient } from './client';
import type { ContactList } from './models';

const PAGE = 100;
export const MAX_LISTS = 1_000;

export async function fetchAllLists(client: Pick<GetSalesClient, 'listLists'>, signal?: AbortSignal): Promise<ContactList[]> {
  const lists: ContactList[] = [];
  for (let offset = 0; offset < MAX_LISTS; offset += PAGE) {
    const page = await client.listLists({ limit: PAGE, offset }, signal);
    lists.push(...page.items);
    if (!page.hasMore || page.items.length === 0) break;
  }
  return lists;
}
