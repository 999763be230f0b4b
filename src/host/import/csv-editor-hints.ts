/**
 * The remembered mapping where the data is: in a CSV the import would take (see
 * IMPORTABLE_CSV_SELECTOR) whose header has a remembered mapping, an inlay hint after each
 * mapped header cell ("→ Work email") and a CodeLens per remembered kind above the header
 * line (the first, or the second after Excel's "sep=;") that opens the mapping screen
 * with that mapping. VS Code asks again when the document changes and applies
 * `editor.inlayHints.enabled` / `editor.codeLens` itself; we ask it to when the memory or
 * `getsales.showMappingInEditor` changes.
 */
import * as vscode from 'vscode';
import { type MappingMemory, headerHints, importLensTitle, readHeader, type HeaderAt } from '../../core/mapping';
import { RECORD_KINDS, type ColumnMapping, type RecordKind } from '../../shared/vocabulary';
import { IMPORTABLE_CSV_SELECTOR } from '../csv-editor';
import { COMMANDS } from '../ids';
import { onDidChangeSettings, readSettings } from '../settings';

interface RememberedMapping {
  readonly kind: RecordKind;
  readonly mapping: ColumnMapping;
}

interface MappedHeader {
  readonly header: HeaderAt;
  /** Contacts first, then companies; empty when nothing is remembered for these headers. */
  readonly remembered: readonly RememberedMapping[];
}

function mappedHeader(memory: MappingMemory, document: vscode.TextDocument): MappedHeader | undefined {
  if (!readSettings().showMappingInEditor || document.lineCount === 0) return undefined;
  const header = readHeader(document.lineAt(0).text, document.lineCount > 1 ? document.lineAt(1).text : undefined);
  if (header === undefined) return undefined;
  const headers = header.cells.map((cell) => cell.text);
  const remembered = RECORD_KINDS.flatMap((kind): RememberedMapping[] => {
    const mapping = memory.recall(kind, headers);
    return mapping === undefined ? [] : [{ kind, mapping }];
  });
  return remembered.length === 0 ? undefined : { header, remembered };
}

function inlayHints(found: MappedHeader): vscode.InlayHint[] {
  const bothKinds = found.remembered.length > 1;
  return found.remembered.flatMap(({ kind, mapping }) => headerHints(kind, mapping, bothKinds).flatMap(({ column, label }) => {
    const cell = found.header.cells[column];
    if (cell === undefined) return [];
    const hint = new vscode.InlayHint(new vscode.Position(found.header.line, cell.end), label);
    hint.paddingLeft = true;
    hint.tooltip = `Remembered ${kind} mapping of column "${cell.text}", used the next time this file is imported.`;
    return [hint];
  }));
}

function codeLenses(found: MappedHeader, uri: vscode.Uri): vscode.CodeLens[] {
  const top = new vscode.Range(found.header.line, 0, found.header.line, 0);
  return found.remembered.map(({ kind, mapping }) => new vscode.CodeLens(top, {
    title: importLensTitle(kind, mapping),
    command: COMMANDS.import[kind],
    tooltip: 'Open the mapping screen with the remembered mapping',
    // The import command's scripted options (import-args.ts): this file, this mapping.
    arguments: [{ file: uri, mapping: [...mapping] }],
  }));
}

export function registerMappingInEditor(memory: MappingMemory): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const inlayProvider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    provideInlayHints: (document) => {
      const found = mappedHeader(memory, document);
      return found === undefined ? [] : inlayHints(found);
    },
  };
  const lensProvider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses: (document) => {
      const found = mappedHeader(memory, document);
      return found === undefined ? [] : codeLenses(found, document.uri);
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider(IMPORTABLE_CSV_SELECTOR, inlayProvider),
    vscode.languages.registerCodeLensProvider(IMPORTABLE_CSV_SELECTOR, lensProvider),
    memory.onDidChange(() => changed.fire()),
    onDidChangeSettings((keys) => {
      if (keys.includes('showMappingInEditor')) changed.fire();
    }),
  );
}
