/**
 * The interactive half of "Export Contacts…" / "Export Companies…": a quick pick of the
 * filter kind, then the list, the search words, or where the UUIDs come from.
 * Undefined means the user backed out (nothing is started, nothing is said).
 * The pickers say how many records an export will hold when the account can tell, never
 * waiting for it: "All" gains its count when the answer arrives (asked as the picker
 * opens), and the highlighted list gains its own (one request per list, asked after the
 * highlight rests a moment, and no more once the account said it cannot count). Where it
 * cannot tell, nothing is shown. The export keeps the count it was picked with.
 */
import type { RecordKind } from '../../shared/vocabulary';
import * as vscode from 'vscode';
import type { ContactList, ExportFilter, GetSalesClient } from '../../core/api';
import { fetchAllLists } from '../../core/api/account-lists';
import { UserError } from '../../core/user-error';
import { describeExportFilter, parsePastedUuids, preview } from '../../core/export/export-filter';
import { describeRecordCount } from '../../core/export/export-count';
import { type UuidSource, activeCsvEditor, pickCsvFile, uuidsFrom } from './uuid-sources';
import { type LivePick, pickLive } from './live-quick-pick';

export interface PickedExport {
  readonly filter: ExportFilter;
  readonly label: string;
  /** The count already asked for this filter, if any (undefined inside: the account cannot tell). */
  readonly count?: Promise<number | undefined>;
}

/** Best effort: resolves to undefined when the account cannot tell, never rejects. */
export type ExportCounter = (filter: ExportFilter) => Promise<number | undefined>;

type Kind = 'all' | 'list' | 'search' | 'ids';

interface KindItem extends vscode.QuickPickItem {
  readonly filterKind: Kind;
}

/** Labels the UI flow picks by; keep them stable. */
export const FILTER_KIND_LABELS: Record<Kind, string> = {
  all: 'All',
  list: 'A list…',
  search: 'A search…',
  ids: 'Selected UUIDs…',
};

export async function pickExportFilter(entity: RecordKind, client: GetSalesClient, countOf: ExportCounter): Promise<PickedExport | undefined> {
  const noun = entity === 'contacts' ? 'contacts' : 'companies';
  const title = `GetSales: Export ${entity === 'contacts' ? 'Contacts' : 'Companies'}`;
  const items: KindItem[] = [
    { filterKind: 'all', label: FILTER_KIND_LABELS.all, description: `every ${entity === 'contacts' ? 'contact' : 'company'} in the workspace` },
    { filterKind: 'list', label: FILTER_KIND_LABELS.list, description: `the ${noun} of one list` },
    { filterKind: 'search', label: FILTER_KIND_LABELS.search, description: `${noun} matching search words` },
    { filterKind: 'ids', label: FILTER_KIND_LABELS.ids, description: 'pasted, or the uuid column of a CSV' },
  ];
  const allCount = countOf({ kind: 'all' });
  const picked = await pickLive({
    title, placeholder: `Which ${noun} to export?`, items, keyOf: (item) => item.filterKind,
    whileOpen: (pick) => void allCount.then((count) => {
      if (count !== undefined) pick.update('all', (item) => withCount(item, count, entity));
    }),
  });
  if (!picked) return undefined;
  switch (picked.filterKind) {
    case 'all':
      return { filter: { kind: 'all' }, label: describeExportFilter({ kind: 'all' }, entity), count: allCount };
    case 'list':
      return pickList(entity, client, title, countOf);
    case 'search':
      return askSearch(entity, title);
    case 'ids':
      return pickUuids(entity, title);
  }
}

/** "every contact in the workspace · 1,234 contacts". */
function withCount<T extends vscode.QuickPickItem>(item: T, count: number, entity: RecordKind): T {
  const counted = describeRecordCount(count, entity);
  return { ...item, description: item.description ? `${item.description} · ${counted}` : counted };
}

/** How long the highlight rests on a list before its count is asked (arrowing through lists asks nothing). */
const LIST_COUNT_DELAY_MS = 300;

interface ListItem extends vscode.QuickPickItem {
  readonly list: ContactList;
}

async function pickList(entity: RecordKind, client: GetSalesClient, title: string, countOf: ExportCounter): Promise<PickedExport | undefined> {
  const loading = (async (): Promise<ListItem[]> => {
    const lists = await fetchAllLists(client);
    if (lists.length === 0) throw new UserError('Your GetSales workspace has no lists yet, so there is no list to export. Pick All or A search… instead.', []);
    return lists.map((list) => ({ list, label: list.name || '(unnamed list)', description: listDescription(list) }));
  })();
  const counts = new Map<string, Promise<number | undefined>>();
  const picked = await pickLive({
    title, placeholder: 'Pick the list to export', matchOnDescription: true, items: loading, keyOf: (item) => item.list.uuid,
    whileOpen: (pick) => countHighlightedList(pick, entity, countOf, counts),
  });
  if (!picked) return undefined;
  const filter: ExportFilter = { kind: 'list', listUuid: picked.list.uuid };
  return { filter, label: describeExportFilter(filter, entity, { listName: picked.list.name }), count: counts.get(picked.list.uuid) };
}

function countHighlightedList(pick: LivePick<ListItem>, entity: RecordKind, countOf: ExportCounter, counts: Map<string, Promise<number | undefined>>): void {
  let timer: NodeJS.Timeout | undefined;
  let countable = true;
  pick.onDidChangeActive((item) => {
    clearTimeout(timer);
    const uuid = item.list.uuid;
    if (!countable || counts.has(uuid)) return;
    timer = setTimeout(() => {
      if (!pick.isOpen()) return;
      const count = countOf({ kind: 'list', listUuid: uuid });
      counts.set(uuid, count);
      void count.then((value) => {
        // One "cannot tell" is the account's answer for every list: ask no more.
        if (value === undefined) countable = false;
        else pick.update(uuid, (shown) => withCount(shown, value, entity));
      });
    }, LIST_COUNT_DELAY_MS);
  });
}

/** The lists API gives no record counts; the creation date tells lists of one name apart. */
function listDescription(list: ContactList): string {
  const created = list.createdAt?.slice(0, 10) ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(created) ? `created ${created}` : '';
}

async function askSearch(entity: RecordKind, title: string): Promise<PickedExport | undefined> {
  const q = await vscode.window.showInputBox({
    title,
    prompt: `Search words, as in the GetSales search box: ${entity === 'contacts' ? 'contacts whose name, email, company or position' : 'companies whose name, domain, website or industry'} contain every word.`,
    placeHolder: 'e.g. cto berlin',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Type at least one word.' : undefined),
  });
  if (q === undefined || q.trim() === '') return undefined;
  const filter: ExportFilter = { kind: 'search', q: q.trim() };
  return { filter, label: describeExportFilter(filter, entity) };
}

async function pickUuids(entity: RecordKind, title: string): Promise<PickedExport | undefined> {
  interface SourceItem extends vscode.QuickPickItem {
    readonly source: () => Promise<UuidSource | 'paste' | undefined>;
  }
  const items: SourceItem[] = [{ label: 'Paste UUIDs…', description: 'one per line, or separated by commas or spaces', source: async () => 'paste' }];
  const editor = activeCsvEditor();
  if (editor) {
    items.push({ label: `From the active editor: ${editor.name}`, description: 'its uuid column, unsaved edits included', source: async () => editor });
  }
  items.push({ label: 'From a CSV file…', description: 'its uuid column (e.g. an earlier export)', source: () => pickCsvFile() });
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title, placeHolder: 'Where are the UUIDs?', ignoreFocusOut: true });
  if (!picked) return undefined;
  const source = await picked.source();
  if (source === undefined) return undefined;
  if (source === 'paste') return askPastedUuids(entity, title);
  const { ids, source: name } = await uuidsFrom(source);
  const filter: ExportFilter = { kind: 'ids', ids };
  return { filter, label: describeExportFilter(filter, entity, { source: name }) };
}

async function askPastedUuids(entity: RecordKind, title: string): Promise<PickedExport | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt: `Paste the UUIDs of the ${entity === 'contacts' ? 'contacts' : 'companies'} to export.`,
    placeHolder: 'e.g. 3f1c…-…, 9a07…-…',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const { ids, rejected } = parsePastedUuids(value);
      if (rejected.length > 0) return `Not a UUID: ${preview(rejected)}.`;
      return ids.length === 0 ? 'Paste at least one UUID.' : undefined;
    },
  });
  if (text === undefined) return undefined;
  const { ids } = parsePastedUuids(text);
  if (ids.length === 0) return undefined;
  const filter: ExportFilter = { kind: 'ids', ids };
  return { filter, label: describeExportFilter(filter, entity) };
}
