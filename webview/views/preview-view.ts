/**
 * The first rows of the file as a table. Every header and cell goes in as a Text node:
 * a cell holding `<img src=x onerror=alert(1)>` shows exactly those characters.
 */
import type { MappingModel } from '../../src/shared/protocol';
import { h } from '../dom';
import { plural } from '../../src/shared/format';
import type { View } from './view';

export function createPreviewView(model: MappingModel): View {
  const head = h('tr', {}, h('th', { scope: 'col', class: 'row-number' }, '#'), ...model.columns.map((header) => h('th', { scope: 'col' }, header)));
  const rows = model.previewRows.map((row, rowIndex) =>
    h('tr', {}, h('th', { scope: 'row', class: 'row-number' }, String(rowIndex + 1)), ...model.columns.map((_, column) => h('td', {}, row[column] ?? ''))),
  );
  const caption = `First ${plural(model.previewRows.length, 'row', 'rows')} of ${model.file.fileName}`;
  const table = h('table', { class: 'preview-table' }, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...rows));
  // Focusable so keyboard users can scroll a wide table sideways.
  const scroller = h('div', { class: 'table-scroller', tabindex: '0', role: 'region', 'aria-label': caption }, table);
  const element = h('section', { class: 'preview', 'aria-labelledby': 'preview-title' }, h('h2', { id: 'preview-title' }, 'Preview'), scroller);
  return { element, update: () => undefined };
}
