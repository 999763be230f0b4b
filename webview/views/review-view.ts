/**
 * The host's verdict on the current mapping: the identifier badge, every rule issue,
 * and the row validation counts with "Show in Problems". A live region, so screen
 * readers hear the badge change as the user edits.
 */
import { custom, h, replaceChildren, setDisabled } from '../dom';
import { formatCount } from '../../src/shared/format';
import type { ScreenState } from '../screen-state';
import type { Button } from '../toolkit';
import type { ScreenActions, View } from './view';

export function createReviewView(actions: ScreenActions): View {
  const badge = h('span', { id: 'identifier-badge', class: 'badge pending' }, 'Checking the mapping…');
  const issues = h('ul', { id: 'rule-issues', class: 'issues', 'aria-label': 'Mapping rules' });
  const status = h('div', { class: 'review-status', role: 'status', 'aria-live': 'polite' }, badge, issues);

  const summary = h('p', { id: 'validation-summary' });
  const items = h('ul', { id: 'validation-items', class: 'issues' });
  const showInProblems = custom<Button>('vscode-button', { id: 'show-in-problems', appearance: 'secondary' }, 'Show in Problems');
  showInProblems.addEventListener('click', () => actions.showInProblems());
  const validation = h('section', { class: 'validation', 'aria-labelledby': 'validation-title' },
    h('h2', { id: 'validation-title' }, 'Rows'), summary, items, showInProblems);

  return {
    element: h('div', { class: 'review' }, status, validation),
    update(state: ScreenState) {
      const review = state.reviewedRevision === state.revision ? state.review : null;
      if (review === null) {
        badge.className = 'badge pending';
        badge.textContent = 'Checking the mapping…';
        setDisabled(showInProblems, true);
        return;
      }
      badge.className = `badge ${review.identifier.satisfied ? 'ok' : 'error'}`;
      badge.textContent = review.identifier.message;
      replaceChildren(issues, ...review.issues.map((issue) =>
        h('li', { class: `issue ${issue.severity}`, 'data-code': issue.code }, h('span', { class: 'severity' }, issue.severity === 'error' ? 'Error: ' : 'Warning: '), issue.message)));
      const { validation: result } = review;
      summary.textContent = result.items.length === 0
        ? `All ${formatCount(result.rowsChecked)} rows checked: no problems found.`
        : `Checked ${formatCount(result.rowsChecked)} rows:`;
      replaceChildren(items, ...result.items.map((item) => h('li', { class: `issue ${item.severity}`, 'data-code': item.code }, item.message)));
      setDisabled(showInProblems, result.items.length === 0);
    },
  };
}
