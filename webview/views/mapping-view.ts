/**
 * One field picker per CSV column: "— skip —" then the catalogue by group (group names
 * are disabled options: the toolkit dropdown has no optgroup). Prefilled by the screen;
 * the suggestion's whole reason is the picker's hover text, and its short note (who
 * suggested the field, when the header does not say it) shows while the column holds it.
 */
import type { ColumnSuggestion, MappingModel } from '../../src/shared/protocol';
import { custom, h, replaceChildren, setDisabled } from '../dom';
import type { ScreenState } from '../screen-state';
import type { Dropdown } from '../toolkit';
import type { ScreenActions, View } from './view';

/** Option value of "— skip —"; field names are snake_case, so it cannot collide. */
export const SKIP_VALUE = '__skip__';

function fieldOptions(model: MappingModel): HTMLElement[] {
  const options: HTMLElement[] = [custom('vscode-option', { value: SKIP_VALUE }, '— skip —')];
  for (const group of model.groups) {
    const fields = model.fields.filter((field) => field.group === group.id);
    if (fields.length === 0) continue;
    options.push(custom('vscode-option', { disabled: true, class: 'group-heading', value: `__group__${group.id}` }, `── ${group.label} ──`));
    for (const field of fields) options.push(custom('vscode-option', { value: field.name, title: field.description }, field.label));
  }
  return options;
}

function samples(model: MappingModel, column: number): string {
  const values = model.previewRows.map((row) => row[column] ?? '').filter((value) => value.trim() !== '');
  return values.slice(0, 3).join(' · ');
}

function suggestionText(model: MappingModel, suggestion: ColumnSuggestion | undefined): string {
  if (suggestion === undefined) return 'No suggestion for this column.';
  const label = model.fields.find((field) => field.name === suggestion.field)?.label ?? suggestion.field;
  return `Suggested ${label}: ${suggestion.reason}.`;
}

interface Row {
  readonly picker: Dropdown;
  readonly note: HTMLElement;
  readonly suggestion: ColumnSuggestion | undefined;
  readonly issues: HTMLElement;
  readonly row: HTMLElement;
}

export function createMappingView(model: MappingModel, actions: ScreenActions): View {
  const rows: Row[] = model.columns.map((header, column) => {
    const suggestion = model.suggestions.find((entry) => entry.column === column);
    const hint = suggestionText(model, suggestion);
    const picker = custom<Dropdown>('vscode-dropdown', {
      id: `picker-${column}`,
      class: 'field-picker',
      title: hint,
      'aria-label': `GetSales field for column ${header === '' ? column + 1 : header}`,
      'data-column': String(column),
    }, ...fieldOptions(model));
    picker.addEventListener('change', () => {
      const value = picker.value;
      actions.setField(column, value === SKIP_VALUE || value === '' ? null : value);
    });
    const issues = h('div', { class: 'column-issues', role: 'status' });
    const note = h('div', { class: 'suggestion-note' }, suggestion?.note ?? '');
    const row = h('tr', { 'data-column': String(column) },
      h('th', { scope: 'row', class: 'column-header' }, header === '' ? `(column ${column + 1}, no header)` : header),
      h('td', { class: 'column-samples' }, samples(model, column)),
      h('td', { class: 'column-picker' }, picker),
      h('td', { class: 'column-note' }, note, issues),
    );
    return { picker, note, suggestion, issues, row };
  });

  const table = h('table', { class: 'mapping-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'CSV column'), h('th', { scope: 'col' }, 'Sample values'), h('th', { scope: 'col' }, 'GetSales field'), h('th', { scope: 'col' }, 'Notes'))),
    h('tbody', {}, ...rows.map((entry) => entry.row)),
  );
  const element = h('section', { class: 'mapping', 'aria-labelledby': 'mapping-title' }, h('h2', { id: 'mapping-title' }, 'Map columns to fields'), table);

  return {
    element,
    update(state: ScreenState) {
      const current = state.reviewedRevision === state.revision ? state.review : null;
      rows.forEach((entry, column) => {
        const wanted = state.mapping[column] ?? SKIP_VALUE;
        // Only write when different: assigning resets the dropdown's keyboard position.
        if (entry.picker.value !== wanted) entry.picker.value = wanted;
        entry.note.hidden = entry.suggestion === undefined || entry.suggestion.note === '' || entry.suggestion.field !== state.mapping[column];
        setDisabled(entry.picker, state.started || state.starting);
        const issues = current?.issues.filter((issue) => issue.columns.includes(column)) ?? [];
        entry.row.classList.toggle('has-error', issues.some((issue) => issue.severity === 'error'));
        replaceChildren(entry.issues, ...issues.map((issue) => h('div', { class: `issue ${issue.severity}` }, issue.message)));
      });
    },
  };
}
