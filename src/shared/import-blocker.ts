/**
 * The one rule for "can this import start?". The webview asks it for the sentence beside
 * a disabled Start button, the mapping screen's host asks it again when Start arrives,
 * and scripted imports ask it before starting: one rule, one wording.
 */
import type { MappingReview, TargetState } from './protocol';

/** Why an import with this review and target cannot start, or null when it can. */
export function importBlocker(review: MappingReview, target: TargetState): string | null {
  if (!review.identifier.satisfied) return review.identifier.message;
  const error = review.issues.find((issue) => issue.severity === 'error');
  if (error !== undefined) return error.message;
  if (target.kind === 'contacts' && target.listUuid === null) return 'Choose the list the contacts go into.';
  return null;
}
