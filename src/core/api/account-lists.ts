/**
 * Every list of the account, page by page: the import's target picker and the export's
 * list picker both show them. The cap is more than any real account has, and a picker
 * of more would be no help. The same for the account's tags, offered by the mapping screen.
 */
import { messageOf } from '../message-of';
import type { GetSalesClient } from './client';
import type { ContactList, Tag } from './models';

const PAGE = 100;
export const MAX_LISTS = 1_000;
export const MAX_TAGS = 1_000;

export async function fetchAllLists(client: Pick<GetSalesClient, 'listLists'>, signal?: AbortSignal): Promise<ContactList[]> {
  const lists: ContactList[] = [];
  for (let offset = 0; offset < MAX_LISTS; offset += PAGE) {
    const page = await client.listLists({ limit: PAGE, offset }, signal);
    lists.push(...page.items);
    if (!page.hasMore || page.items.length === 0) break;
  }
  return lists;
}

/**
 * The account's tags. The tags endpoint is best effort (contract §8): where it fails, the
 * screen offers no tags and says why in the log, instead of failing the import.
 */
export async function fetchAllTags(client: Pick<GetSalesClient, 'listTags'>, signal?: AbortSignal, log?: (line: string) => void): Promise<Tag[]> {
  const tags: Tag[] = [];
  try {
    for (let offset = 0; offset < MAX_TAGS; offset += PAGE) {
      const page = await client.listTags({ limit: PAGE, offset }, signal);
      tags.push(...page.items);
      if (!page.hasMore || page.items.length === 0) break;
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    log?.(`Tags are not available here (${messageOf(error)}); the mapping screen offers none.`);
    return [];
  }
  return tags;
}
