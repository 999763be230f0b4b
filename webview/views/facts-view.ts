/** File facts: size, rows, delimiter, encoding (and conversion), pre-flight warnings. */
import type { MappingModel } from '../../src/shared/protocol';
import { h } from '../dom';
import { formatBytes, formatCount } from '../../src/shared/format';
import { describeDelimiter } from '../format';
import type { View } from './view';

function fact(term: string, value: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

export function createFactsView(model: MappingModel): View {
  const { file } = model;
  const encoding = file.converted ? `${file.encoding} (converted to UTF-8)` : file.encoding;
  const facts = h('dl', { class: 'facts' },
    ...fact('Size', formatBytes(file.sizeBytes)),
    ...fact('Rows', formatCount(file.rowCount)),
    ...fact('Columns', formatCount(model.columns.length)),
    ...fact('Delimiter', describeDelimiter(file.delimiter)),
    ...fact('Encoding', encoding),
  );
  const warnings = file.warnings.length === 0
    ? null
    : h('ul', { class: 'warnings', 'aria-label': 'File warnings' }, ...file.warnings.map((warning) => h('li', {}, warning)));
  const element = h('section', { class: 'file-facts', 'aria-label': 'File facts' }, facts, warnings);
  return { element, update: () => undefined };
}
