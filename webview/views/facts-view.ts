/**
 * File facts: size, rows, delimiter, pre-flight warnings, and how the file is read: the
 * encoding with how sure the detector is (a guess is said, not hidden) and a choice to
 * read it another way, and formula-like cells with the opt-in to neutralise them. Either
 * choice asks the host to read the file again, which rebuilds the screen.
 */
import type { MappingModel } from '../../src/shared/protocol';
import { custom, h, replaceChildren, setDisabled } from '../dom';
import { formatBytes, formatCount, plural } from '../../src/shared/format';
import { describeDelimiter } from '../format';
import type { ScreenState } from '../screen-state';
import type { Checkbox, Dropdown } from '../toolkit';
import type { ScreenActions, View } from './view';

function fact(term: string, value: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function encodingFact(model: MappingModel): string {
  const { file } = model;
  const facts = file.encodingFacts;
  const how = facts.source === 'chosen' ? 'your choice' : facts.source === 'detector' ? `detected, ${percent(facts.confidence)} sure` : 'certain';
  return `${file.encoding} (${how})${file.converted && facts.id !== 'utf-8' ? ', converted to UTF-8 for the upload' : ''}`;
}

function encodingNote(model: MappingModel): HTMLElement | null {
  const facts = model.file.encodingFacts;
  if (!facts.lowConfidence) return null;
  return h('p', { id: 'encoding-note', class: 'note warning-note', role: 'note' },
    `The encoding is a guess: ${model.file.encoding}, ${percent(facts.confidence)} sure. Check the names and accented letters in the preview below; if they look wrong, choose the right encoding.`);
}

function formulaNote(model: MappingModel): HTMLElement | null {
  const { count, lines } = model.file.formulas;
  if (count === 0) return null;
  const shown = lines.slice(0, 5).map(formatCount).join(', ');
  return h('p', { id: 'formula-note', class: 'note warning-note', role: 'note' },
    `${plural(count, 'cell starts', 'cells start')} like a spreadsheet formula (=, +, -, @) on ${lines.length === 1 ? 'line' : 'lines'} ${shown}${lines.length > 5 ? ' and more' : ''}. Spreadsheet apps such as Excel may run ${count === 1 ? 'it' : 'them'} when this data is opened there later.`);
}

/** A file over the limit: the parts it goes up in, said once beside the facts. */
function partsNote(model: MappingModel): HTMLElement | null {
  const parts = model.file.parts;
  if (parts === undefined) return null;
  return h('p', { id: 'parts-note', class: 'note', role: 'note' },
    `This file is ${formatBytes(parts.uploadBytes)} to upload, over GetSales' limit of ${formatBytes(parts.limitBytes)} per upload: it goes up in ${formatCount(parts.count)} parts of whole rows (at most ${formatBytes(parts.maxPartBytes)} each, each with the header row), one after another, all with this mapping, as one job in the Jobs view.`);
}

/** Delimiters GetSales reads itself (contract §2.1); any other is sent as commas in the upload copy. */
const SENT_AS_IS: readonly string[] = [',', ';', '|'];

export function createFactsView(model: MappingModel, actions: ScreenActions): View {
  const { file } = model;
  const delimiter = file.converted && !SENT_AS_IS.includes(file.delimiter) ? `${describeDelimiter(file.delimiter)}, sent with commas` : describeDelimiter(file.delimiter);
  const facts = h('dl', { class: 'facts' },
    ...fact('Size', formatBytes(file.sizeBytes)),
    ...fact('Rows', formatCount(file.rowCount)),
    ...fact('Columns', formatCount(model.columns.length)),
    ...fact('Delimiter', delimiter),
    ...fact('Encoding', encodingFact(model)),
    ...(file.parts === undefined ? [] : fact('Parts', `${formatCount(file.parts.count)}, one after another`)),
  );

  const choice = custom<Dropdown>('vscode-dropdown', { id: 'encoding-choice', 'aria-label': 'Encoding' });
  replaceChildren(choice, ...file.encodingFacts.options.map((option) => custom('vscode-option', { value: option.id, selected: option.id === file.encodingFacts.id }, option.label)));
  const neutralise = file.formulas.count === 0 && !file.formulas.neutralised
    ? null
    : custom<Checkbox>('vscode-checkbox', { id: 'neutralise-formulas', checked: file.formulas.neutralised }, 'Neutralise them for this import (a \' in front of each; this changes the data sent)');
  const reread = (): void => actions.reread({ encoding: file.encodingFacts.options.find((option) => option.id === choice.value)?.id ?? file.encodingFacts.id, neutraliseFormulas: neutralise?.checked ?? false });
  choice.addEventListener('change', () => {
    if (choice.value !== file.encodingFacts.id) reread();
  });
  neutralise?.addEventListener('change', () => {
    if (neutralise.checked !== file.formulas.neutralised) reread();
  });
  const status = h('p', { id: 'reread-status', class: 'note', role: 'status', 'aria-live': 'polite' });

  const reading = h('div', { class: 'file-reading' },
    h('div', { class: 'inline' }, h('label', { for: 'encoding-choice', class: 'field-label' }, 'Encoding'), choice),
    encodingNote(model),
    formulaNote(model),
    neutralise,
    status);
  const warnings = file.warnings.length === 0
    ? null
    : h('ul', { class: 'warnings', 'aria-label': 'File warnings' }, ...file.warnings.map((warning) => h('li', {}, warning)));
  const element = h('section', { class: 'file-facts', 'aria-label': 'File facts' }, facts, partsNote(model), reading, warnings);

  return {
    element,
    update(state: ScreenState) {
      const locked = state.rereading || state.started || state.starting;
      setDisabled(choice, locked);
      if (neutralise !== null) setDisabled(neutralise, locked);
      if (!state.rereading && choice.value !== file.encodingFacts.id) choice.value = file.encodingFacts.id;
      if (neutralise !== null && !state.rereading && neutralise.checked !== file.formulas.neutralised) neutralise.checked = file.formulas.neutralised;
      status.textContent = state.rereading ? 'Reading the file again…' : state.rereadError ?? '';
      status.classList.toggle('error', !state.rereading && state.rereadError !== null);
    },
  };
}
