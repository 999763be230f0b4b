/**
 * "Was this content imported before?", asked before an import starts: the most recent
 * import of the same connection (server and account) that took the same content (the
 * upload's SHA-256) of the same kind into the same list (contacts) or the same set of
 * lists (companies; order does not matter).
 *
 * An earlier import counts while it runs (its rows are on their way) and once it saved a
 * row or matched one as a duplicate. One that ended without either (failed, cancelled on
 * GetSales, no longer known, or every row refused) imported nothing, so importing again
 * is simply the retry the user wants: it does not count. A finished one whose counts are
 * unknown counts when it finished well (done or partial), since it may have imported.
 */
import { type Job, isJobActive } from '../jobs';
import type { RecordKind } from '../../shared/vocabulary';
import { type ImportTarget, readImportJobData } from './import-job-data';

export interface ImportCandidate {
  readonly kind: RecordKind;
  readonly contentHash: string;
  readonly connectionKey: string;
  readonly target: Pick<ImportTarget, 'listUuid' | 'listUuids'>;
}

/** The lists an import goes into, as one comparable value. */
export function targetLists(target: Pick<ImportTarget, 'listUuid' | 'listUuids'>): string[] {
  const lists = new Set(target.listUuids);
  if (target.listUuid !== undefined) lists.add(target.listUuid);
  return [...lists].sort();
}

function sameLists(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((uuid, index) => uuid === b[index]);
}

export function mayHaveImported(job: Job): boolean {
  if (isJobActive(job)) return true;
  if (job.counts === undefined) return job.status === 'done' || job.status === 'partial';
  return job.counts.saved + job.counts.duplicates > 0;
}

/** The newest earlier import of the same content into the same lists on the same connection, if any. */
export function findPreviousImport(jobs: Iterable<Job>, candidate: ImportCandidate): Job | undefined {
  const lists = targetLists(candidate.target);
  let newest: Job | undefined;
  for (const job of jobs) {
    if (job.kind !== 'import' || job.entity !== candidate.kind) continue;
    const data = readImportJobData(job);
    if (data === undefined || data.contentHash !== candidate.contentHash || data.connectionKey !== candidate.connectionKey) continue;
    if (!sameLists(targetLists(data.target), lists) || !mayHaveImported(job)) continue;
    if (newest === undefined || job.createdAt > newest.createdAt) newest = job;
  }
  return newest;
}
