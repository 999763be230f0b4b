/**
 * Where the rows go. Contacts: exactly one list (the API requires it), tags, "update
 * existing contacts". Companies: any number of lists (optional), tags. Tags are the
 * account's existing ones (the API takes tag uuids), picked with checkboxes.
 */
import type { ListSummary, TargetState } from '../../src/shared/protocol';
import { custom, h, replaceChildren, setDisabled } from '../dom';
import type { ScreenState } from '../screen-state';
import type { Checkbox, Dropdown } from '../toolkit';
import { createNewListForm } from './new-list-form';
import type { ScreenActions, View } from './view';

const NO_LIST = '__none__';

function tagsField(state: ScreenState, actions: ScreenActions, current: () => TargetState): HTMLElement {
  const group = h('div', { id: 'tags', class: 'list-checkboxes', role: 'group', 'aria-labelledby': 'tags-label' });
  for (const tag of state.model.tags) {
    const box = custom<Checkbox>('vscode-checkbox', { 'data-tag': tag.uuid, checked: state.target.tags.includes(tag.uuid) }, tag.name);
    box.addEventListener('change', () => {
      const target = current();
      const others = target.tags.filter((uuid) => uuid !== tag.uuid);
      actions.setTarget({ ...target, tags: box.checked ? [...others, tag.uuid] : others });
    });
    group.append(box);
  }
  if (state.model.tags.length === 0) group.append(h('span', { class: 'muted' }, 'No tags in this account.'));
  return h('div', { class: 'tags-area' }, h('div', { class: 'field-label', id: 'tags-label' }, 'Tags (optional)'), group);
}

export function createTargetView(initial: ScreenState, actions: ScreenActions): View {
  let target = initial.target;
  let shownLists: readonly ListSummary[] | null = null;
  const newList = createNewListForm(actions);
  const tags = tagsField(initial, actions, () => target);
  const listArea = h('div', { class: 'list-area' });
  const controls: HTMLElement[] = [...tags.querySelectorAll<HTMLElement>('vscode-checkbox[data-tag]')];

  let listPicker: Dropdown | null = null;
  let updateExisting: Checkbox | null = null;
  if (initial.target.kind === 'contacts') {
    listPicker = custom<Dropdown>('vscode-dropdown', { id: 'list-picker', 'aria-label': 'List for the imported contacts' });
    const picker = listPicker;
    picker.addEventListener('change', () => {
      if (target.kind !== 'contacts') return;
      actions.setTarget({ ...target, listUuid: picker.value === NO_LIST || picker.value === '' ? null : picker.value });
    });
    listArea.append(h('label', { for: 'list-picker', class: 'field-label' }, 'List (required)'), h('div', { class: 'inline' }, picker, newList.element));
    updateExisting = custom<Checkbox>('vscode-checkbox', { id: 'update-existing', checked: initial.target.updateExisting }, 'Update existing contacts');
    const checkbox = updateExisting;
    checkbox.addEventListener('change', () => {
      if (target.kind === 'contacts') actions.setTarget({ ...target, updateExisting: checkbox.checked });
    });
    controls.push(picker, checkbox);
  } else {
    listArea.append(h('div', { class: 'field-label', id: 'lists-label' }, 'Lists (optional)'), h('div', { class: 'list-checkboxes', role: 'group', 'aria-labelledby': 'lists-label' }), newList.element);
  }

  const syncListPicker = (picker: Dropdown): void => {
    const wanted = target.kind === 'contacts' ? target.listUuid ?? NO_LIST : NO_LIST;
    if (picker.value !== wanted) picker.value = wanted;
  };

  const renderLists = (state: ScreenState): void => {
    const lists = state.model.lists;
    if (listPicker !== null) {
      const picker = listPicker;
      replaceChildren(picker,
        custom('vscode-option', { value: NO_LIST }, lists.length === 0 ? '— no lists yet: create one —' : '— choose a list —'),
        ...lists.map((list) => custom('vscode-option', { value: list.uuid }, list.name)));
      // New options register with the dropdown on slotchange, after this task; a value
      // assigned now would not find them (and the dropdown would reset to the first).
      setTimeout(() => syncListPicker(picker), 0);
    } else {
      const group = listArea.querySelector('.list-checkboxes');
      if (group === null) return;
      replaceChildren(group, ...lists.map((list) => {
        const box = custom<Checkbox>('vscode-checkbox', { 'data-list': list.uuid }, list.name);
        box.addEventListener('change', () => {
          if (target.kind !== 'companies') return;
          const others = target.listUuids.filter((uuid) => uuid !== list.uuid);
          actions.setTarget({ ...target, listUuids: box.checked ? [...others, list.uuid] : others });
        });
        return box;
      }));
      if (lists.length === 0) group.append(h('span', { class: 'muted' }, 'No lists yet.'));
    }
  };

  const element = h('section', { class: 'target', 'aria-labelledby': 'target-title' },
    h('h2', { id: 'target-title' }, initial.target.kind === 'contacts' ? 'Where the contacts go' : 'Where the companies go'),
    listArea, tags, updateExisting);

  return {
    element,
    update(state: ScreenState) {
      target = state.target;
      const listsChanged = shownLists !== state.model.lists;
      if (listsChanged) {
        renderLists(state);
        shownLists = state.model.lists;
      }
      const locked = state.started || state.starting;
      if (!listsChanged && listPicker !== null) syncListPicker(listPicker);
      if (updateExisting !== null && state.target.kind === 'contacts' && updateExisting.checked !== state.target.updateExisting) {
        updateExisting.checked = state.target.updateExisting;
      }
      if (state.target.kind === 'companies') {
        const chosen = new Set(state.target.listUuids);
        for (const box of listArea.querySelectorAll<Checkbox>('vscode-checkbox[data-list]')) {
          const wanted = chosen.has(box.dataset.list ?? '');
          if (box.checked !== wanted) box.checked = wanted;
          setDisabled(box, locked);
        }
      }
      const chosenTags = new Set(state.target.tags);
      for (const box of tags.querySelectorAll<Checkbox>('vscode-checkbox[data-tag]')) {
        const wanted = chosenTags.has(box.dataset.tag ?? '');
        if (box.checked !== wanted) box.checked = wanted;
      }
      for (const control of controls) setDisabled(control, locked);
      newList.update(state);
    },
  };
}
