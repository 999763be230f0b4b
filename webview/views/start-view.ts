/** "Save this mapping…" and "Start import", disabled with a visible reason until valid. */
import { custom, h, setDisabled } from '../dom';
import { startBlocker, type ScreenState } from '../screen-state';
import type { Button, Checkbox } from '../toolkit';
import type { ScreenActions, View } from './view';

export function createStartView(initial: ScreenState, actions: ScreenActions): View {
  const save = custom<Checkbox>('vscode-checkbox', { id: 'save-mapping', checked: initial.saveMapping }, 'Save this mapping for files with these headers');
  save.addEventListener('change', () => actions.setSaveMapping(save.checked));
  const parts = initial.model.file.parts;
  const start = custom<Button>('vscode-button', { id: 'start-import' }, parts === undefined ? 'Start import' : `Start import in ${parts.count} parts`);
  start.addEventListener('click', () => {
    // The toolkit button still dispatches click from scripts when disabled; guard here.
    if (!start.hasAttribute('disabled')) actions.start();
  });
  const reason = h('span', { id: 'start-reason', class: 'start-reason', role: 'status' });
  const error = h('div', { id: 'start-error', class: 'issue error', role: 'alert', hidden: true });
  return {
    element: h('section', { class: 'start', 'aria-label': 'Start the import' }, save, h('div', { class: 'inline' }, start, reason), error),
    update(state: ScreenState) {
      const blocker = startBlocker(state);
      setDisabled(start, blocker !== null);
      reason.textContent = blocker ?? 'Ready to import.';
      if (save.checked !== state.saveMapping) save.checked = state.saveMapping;
      setDisabled(save, state.started || state.starting);
      error.hidden = state.startError === null;
      error.textContent = state.startError ?? '';
    },
  };
}
