/**
 * A file imported in parts, as one parent job: what its parts' child jobs add up to. Pure
 * functions of the parent and a lookup of its children, so the store can keep the parent
 * in step with every child change, and every rule is unit-tested.
 *
 *   status   a part running (or parts left to start) → running; then any failed part →
 *            failed (Retry runs it); parts left because the user stopped → cancelled;
 *            any part with rejected rows → partial; else done.
 *   counts   summed over the children; progress: rows of finished parts plus the
 *            running part's, out of the file's rows.
 *   errors   the children's row errors with each part's line offset added: the source
 *            file's lines, as Show Errors needs them.
 */
import { formatCount, plural } from '../../shared/format';
import { type ImportPart, type Job, type JobCounts, type JobPatch, type JobRowError, type JobStatus, type PartState, MAX_ROW_ERRORS, isJobActive } from './job';

export type ChildLookup = (id: string) => Job | undefined;

/** A child job's state as its part's. */
export function partStateOf(child: Pick<Job, 'status'>): PartState {
  switch (child.status) {
    case 'queued':
    case 'running':
      return 'running';
    case 'done':
      return 'done';
    case 'partial':
      return 'partial';
    default:
      return 'failed';
  }
}

/** The part's state as its child (when it has one) says it now. */
function currentState(part: ImportPart, childOf: ChildLookup): PartState {
  const child = part.jobId === undefined ? undefined : childOf(part.jobId);
  return child === undefined ? part.state : partStateOf(child);
}

const ACTIVE_PARTS: ReadonlySet<PartState> = new Set(['uploading', 'running']);

/** "part 2", "parts 2 and 3", "parts 1, 3 and 4" (1-based). */
export function partList(indexes: readonly number[]): string {
  const numbers = indexes.map((index) => formatCount(index + 1));
  if (numbers.length <= 1) return `part ${numbers[0] ?? ''}`;
  return `parts ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1] ?? ''}`;
}

/** "part 2 of 3". */
export function partLabel(index: number, count: number): string {
  return `part ${formatCount(index + 1)} of ${formatCount(count)}`;
}

/** "Part 2 of 3": a part's name in the Jobs view and the tooltip. */
export function partTitle(index: number, count: number): string {
  return capitalised(partLabel(index, count));
}

function indexesWhere(states: readonly PartState[], test: (state: PartState) => boolean): number[] {
  return states.flatMap((state, index) => (test(state) ? [index] : []));
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function parentStatus(states: readonly PartState[], stopped: boolean): JobStatus {
  if (states.some((state) => ACTIVE_PARTS.has(state))) return 'running';
  const waiting = states.some((state) => state === 'waiting');
  if (waiting && !stopped) return states.every((state) => state === 'waiting') ? 'queued' : 'running';
  if (states.some((state) => state === 'failed')) return 'failed';
  if (waiting) return 'cancelled';
  return states.some((state) => state === 'partial') ? 'partial' : 'done';
}

function failureReason(part: ImportPart, childOf: ChildLookup): string {
  const child = part.jobId === undefined ? undefined : childOf(part.jobId);
  const reason = child?.message ?? part.error ?? 'GetSales reported that the import failed.';
  return reason.replace(/[.!]$/, '');
}

function parentMessage(parent: Job, states: readonly PartState[], childOf: ChildLookup, status: JobStatus): string | undefined {
  const parts = parent.parts?.parts ?? [];
  const count = parts.length;
  const failed = indexesWhere(states, (state) => state === 'failed');
  const waiting = indexesWhere(states, (state) => state === 'waiting');
  const finished = indexesWhere(states, (state) => state === 'done' || state === 'partial');
  if (status === 'failed') {
    const first = parts[failed[0] ?? 0];
    const reason = first === undefined ? '' : `: ${failureReason(first, childOf)}`;
    const kept = finished.length > 0 ? ` ${capitalised(partList(finished))} ${finished.length === 1 ? 'was' : 'were'} imported.` : '';
    const rerun = waiting.length > 0 ? `${partList(failed)} and the ${plural(waiting.length, 'part', 'parts')} not started` : `only ${partList(failed)}`;
    return `${capitalised(partList(failed))} of ${formatCount(count)} failed${reason}.${kept} Retry imports ${rerun}.`;
  }
  if (status === 'cancelled') {
    return `Cancelled after ${formatCount(count - waiting.length)} of ${formatCount(count)} parts: ${partList(waiting)} ${waiting.length === 1 ? 'was' : 'were'} not imported. Retry imports ${waiting.length === 1 ? 'it' : 'them'}.`;
  }
  if (status === 'partial') {
    // A contacts limit reached in one part is the parent's news too.
    for (const part of parts) {
      const child = part.jobId === undefined ? undefined : childOf(part.jobId);
      if (child?.status === 'partial' && child.message !== undefined) return child.message;
    }
  }
  return undefined;
}

function sumCounts(children: readonly Job[]): JobCounts | undefined {
  const known = children.flatMap((child) => (child.counts === undefined ? [] : [child.counts]));
  if (known.length === 0) return undefined;
  return known.reduce((sum, counts) => ({
    queued: sum.queued + counts.queued,
    saved: sum.saved + counts.saved,
    duplicates: sum.duplicates + counts.duplicates,
    blacklisted: sum.blacklisted + counts.blacklisted,
    errors: sum.errors + counts.errors,
  }));
}

/** Every row error of the parts' current attempts, on the source file's lines (row 0 stays 0: a message about a whole part). */
export function partRowErrors(parent: Job, childOf: ChildLookup): JobRowError[] {
  return (parent.parts?.parts ?? []).flatMap((part) => {
    const child = part.jobId === undefined ? undefined : childOf(part.jobId);
    return (child?.rowErrors ?? []).map((error) => (error.row > 0 ? { row: error.row + part.lineOffset, message: error.message } : error));
  });
}

/** The children of the parts' current attempts, in part order. */
export function currentChildren(parent: Job, childOf: ChildLookup): Job[] {
  return (parent.parts?.parts ?? []).flatMap((part) => {
    const child = part.jobId === undefined ? undefined : childOf(part.jobId);
    return child === undefined ? [] : [child];
  });
}

/**
 * What the parent shows, from its parts and their children: the fields the store sets on
 * the parent after every change of a part or a child. Its parts' states follow their children.
 */
export function parentPatch(parent: Job, childOf: ChildLookup): JobPatch {
  const plan = parent.parts;
  if (plan === undefined) return {};
  const parts = plan.parts.map((part): ImportPart => {
    const state = currentState(part, childOf);
    return state === part.state ? part : { ...part, state };
  });
  const states = parts.map((part) => part.state);
  const status = parentStatus(states, plan.stopped);
  const updated: Job = { ...parent, parts: { ...plan, parts } };
  const children = currentChildren(updated, childOf);
  const done = parts.reduce((sum, part) => {
    if (part.state === 'done' || part.state === 'partial') return sum + part.rows;
    const child = part.jobId === undefined ? undefined : childOf(part.jobId);
    return part.state === 'running' ? sum + Math.min(part.rows, child?.progress?.done ?? 0) : sum;
  }, 0);
  return {
    parts: { ...plan, parts },
    status,
    counts: sumCounts(children),
    progress: { done, total: parts.reduce((sum, part) => sum + part.rows, 0) },
    rowErrors: partRowErrors(updated, childOf).slice(0, MAX_ROW_ERRORS),
    message: parentMessage(updated, states, childOf, status),
  };
}

/**
 * The part to run next: the first one waiting, once no part is being sent or running, and
 * only while the parent is not stopped. Undefined when there is nothing to do now.
 */
export function nextPart(parent: Job): number | undefined {
  const plan = parent.parts;
  if (plan === undefined || plan.stopped) return undefined;
  if (plan.parts.some((part) => ACTIVE_PARTS.has(part.state))) return undefined;
  const index = plan.parts.findIndex((part) => part.state === 'waiting');
  return index === -1 ? undefined : index;
}

/** True when the parent still needs this window to send parts (a part waits, nothing stops it). */
export function needsRunning(parent: Job): boolean {
  return isJobActive(parent) && parent.parts !== undefined && !parent.parts.stopped && parent.parts.parts.some((part) => part.state === 'waiting' || part.state === 'uploading');
}

/** "Part 2 of 3 · 4,000 rows from line 4,002 · done", one line per part, for the tooltip. */
export function describeParts(parent: Job): string[] {
  const parts = parent.parts?.parts ?? [];
  const words: Readonly<Record<PartState, string>> = {
    waiting: parent.parts?.stopped === true ? 'not started (cancelled)' : 'waiting',
    uploading: 'uploading',
    running: 'importing',
    done: 'done',
    partial: 'done, with rejected rows',
    failed: 'failed',
  };
  return parts.map((part, index) => `${partTitle(index, parts.length)} · ${plural(part.rows, 'row')} from line ${formatCount(part.firstLine)} · ${words[part.state]}`);
}
