/**
 * The words of the question asked before importing identical content again:
 *   Identical content was imported into "Webinar leads" 2 hours ago (3 saved, 1 duplicate). Import again?
 * and its buttons. Cancel (or Escape) starts nothing.
 */
import { type Job, describeCounts, isJobActive } from '../jobs';
import { formatTimeAgo, plural } from '../../shared/format';

export const IMPORT_ANYWAY = 'Import Anyway';
export const SHOW_PREVIOUS_IMPORT = 'Show Previous Import';

/** `into "A"`, `into "A" and "B"`, `into "A", "B" and "C"`; the same list(s) when a name is not known (a list deleted since, or the lists could not be read). */
function intoLists(names: readonly (string | undefined)[]): string {
  if (names.length === 0) return '';
  const known = names.filter((name): name is string => name !== undefined);
  if (known.length < names.length) return names.length === 1 ? ' into the same list' : ` into the same ${plural(names.length, 'list')}`;
  const quoted = known.map((name) => `"${name}"`);
  const last = quoted.pop() ?? '';
  return ` into ${quoted.length === 0 ? last : `${quoted.join(', ')} and ${last}`}`;
}

function outcome(previous: Job): string {
  if (isJobActive(previous)) return ' (still importing)';
  const counts = describeCounts(previous);
  return counts === undefined ? '' : ` (${counts})`;
}

/** `listNames`: one per list of the earlier import, undefined where the name is not known. */
export function importAgainQuestion(previous: Job, listNames: readonly (string | undefined)[], now: number): string {
  return `Identical content was imported${intoLists(listNames)} ${formatTimeAgo(now - previous.createdAt)}${outcome(previous)}. Import again?`;
}
