/**
 * "New list…": a button that opens an inline name field. The host creates the list
 * through the API and answers; the screen then selects the new list. (No prompt():
 * VS Code webviews block modal dialogs.)
 */
import { custom, h, setDisabled } from '../dom';
import type { ScreenState } from '../screen-state';
import type { Button, TextField } from '../toolkit';
import type { ScreenActions, View } from './view';

export function createNewListForm(actions: ScreenActions): View {
  const open = custom<Button>('vscode-button', { appearance: 'secondary', id: 'new-list' }, 'New list…');
  const name = custom<TextField>('vscode-text-field', { id: 'new-list-name', placeholder: 'Name of the new list', 'aria-label': 'Name of the new list', maxlength: '255' });
  const create = custom<Button>('vscode-button', { id: 'create-list' }, 'Create list');
  const cancel = custom<Button>('vscode-button', { appearance: 'secondary', id: 'cancel-list' }, 'Cancel');
  const status = h('div', { class: 'list-status', role: 'status' });
  const form = h('div', { class: 'new-list-form', hidden: true }, name, create, cancel);
  let wasPending = false;

  const submit = (): void => {
    const value = name.value.trim();
    if (value === '') {
      status.textContent = 'Type a name for the new list.';
      name.focus();
      return;
    }
    actions.createList(value);
  };
  const close = (): void => {
    form.hidden = true;
    open.hidden = false;
    name.value = '';
    open.focus();
  };
  open.addEventListener('click', () => {
    form.hidden = false;
    open.hidden = true;
    status.textContent = '';
    name.focus();
  });
  create.addEventListener('click', submit);
  cancel.addEventListener('click', close);
  name.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') submit();
    if (event.key === 'Escape') close();
  });

  return {
    element: h('div', { class: 'new-list' }, open, form, status),
    update(state: ScreenState) {
      const pending = state.listRequestId !== null;
      const locked = pending || state.started || state.starting;
      for (const control of [open, name, create, cancel]) setDisabled(control, locked);
      if (pending) status.textContent = 'Creating the list…';
      else if (state.listError !== null) status.textContent = state.listError;
      else if (wasPending) {
        status.textContent = 'List created and selected.';
        form.hidden = true;
        open.hidden = false;
        name.value = '';
      }
      wasPending = pending;
    },
  };
}
