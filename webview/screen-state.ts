/**
 * The screen's state and the pure rules the webview itself owns: where the initial
 * edits come from and why Start is disabled. Mapping rules and row validation are NOT
 * here: the host computes them (the webview cannot import src/core) and we only render.
 */
import type { ColumnMapping, JobProgress, MappingModel, MappingReview, TargetState, WebviewState } from '../src/shared/protocol';
import { decodeWebviewState } from '../src/shared/decode-webview-state';
import { importBlocker } from '../src/shared/import-blocker';

export interface ScreenState {
  readonly model: MappingModel;
  readonly mapping: ColumnMapping;
  readonly target: TargetState;
  readonly saveMapping: boolean;
  /** Grows with each mapping edit; the host echoes it with its review. */
  readonly revision: number;
  readonly review: MappingReview | null;
  readonly reviewedRevision: number;
  readonly starting: boolean;
  readonly started: boolean;
  readonly startError: string | null;
  readonly job: JobProgress | null;
  /** The open "New list…" request, answered by `createListResult`. */
  readonly listRequestId: string | null;
  readonly listError: string | null;
  /** The host is reading the file again (answered by a new `init` or `rereadFailed`). */
  readonly rereading: boolean;
  readonly rereadError: string | null;
}

export function mappingFromSuggestions(model: MappingModel): ColumnMapping {
  const known = new Set(model.fields.map((field) => field.name));
  const mapping: (string | null)[] = model.columns.map(() => null);
  for (const suggestion of model.suggestions) {
    if (suggestion.column < mapping.length && known.has(suggestion.field)) mapping[suggestion.column] = suggestion.field;
  }
  return mapping;
}

/**
 * The user's earlier edits win over the model's prefill when they are for the same
 * upload (same import uuid, same number of columns): that is how edits survive tab
 * switches and window reloads.
 */
export function initialState(model: MappingModel, saved: unknown, job: JobProgress | null): ScreenState {
  const decoded = decodeWebviewState(saved);
  const usable = decoded.ok && decoded.value.restore.importUuid === model.restore.importUuid && decoded.value.mapping.length === model.columns.length
    ? decoded.value
    : null;
  return {
    model,
    mapping: usable?.mapping ?? mappingFromSuggestions(model),
    target: usable?.target ?? model.target,
    saveMapping: usable?.saveMapping ?? model.saveMapping,
    revision: 1,
    review: null,
    reviewedRevision: 0,
    starting: false,
    started: job !== null || (usable?.started ?? false),
    startError: null,
    job,
    listRequestId: null,
    listError: null,
    rereading: false,
    rereadError: null,
  };
}

export function toSavedState(state: ScreenState): WebviewState {
  return {
    version: 1,
    restore: state.model.restore,
    mapping: state.mapping,
    target: state.target,
    saveMapping: state.saveMapping,
    started: state.started,
  };
}

const FINISHED: ReadonlySet<JobProgress['status']> = new Set(['completed', 'failed', 'contacts_limit_achieved']);

/** True once the server will not change the job any more. */
export function jobFinished(job: JobProgress | null): boolean {
  return job !== null && FINISHED.has(job.status);
}

/** The sentence shown next to a disabled Start button, or null when Start may be pressed. */
export function startBlocker(state: ScreenState): string | null {
  if (state.started) return jobFinished(state.job) ? 'The import has ended; the result is below.' : 'The import has started; its progress is below.';
  if (state.starting) return 'Starting the import…';
  if (state.rereading) return 'Reading the file again…';
  if (state.review === null || state.reviewedRevision !== state.revision) return 'Checking the mapping…';
  return importBlocker(state.review, state.target);
}
