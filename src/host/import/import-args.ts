/**
 * Decodes what reaches getsales.importContacts / getsales.importCompanies:
 *   - nothing (palette): the active CSV editor, else a file picker;
 *   - (uri, uris[]) from the Explorer (multi-select) or (uri) from an editor menu;
 *   - an options object (tests, scripts, "Import fixed rows"):
 *     { file?: Uri | string, files?: (Uri | string)[], mapping?: ColumnMapping | { field: column index | header },
 *       listUuid?: string, listUuids?: string[], tags?: string[] (tag uuids, see GET /leads/api/tags), updateExisting?: boolean,
 *       saveMapping?: boolean, interactive?: boolean (false: no screen, no questions; start at once),
 *       askIfImportedBefore?: boolean (with interactive: false, still ask before importing content this
 *         connection imported into the same list(s) before; the mapping screen always asks),
 *       showProblems?: boolean (put row problems in the Problems view without the screen),
 *       parts?: boolean (false: refuse a file over 15 MB rather than import it in parts; default true,
 *         asked first when interactive),
 *       signal?: AbortSignal (cancels like the notification's Cancel button) }
 */
import * as vscode from 'vscode';
import type { MappingOverride } from '../../core/mapping';
import { arrayOf, boolean, count, nonEmptyString, nullable, object, optional, recordOf, string } from '../../shared/decode';

export interface ImportOptions {
  readonly files: readonly vscode.Uri[];
  readonly mapping: MappingOverride | undefined;
  readonly listUuid: string | undefined;
  readonly listUuids: readonly string[] | undefined;
  readonly tags: readonly string[] | undefined;
  readonly updateExisting: boolean | undefined;
  readonly saveMapping: boolean | undefined;
  readonly interactive: boolean;
  /** Scripted imports: ask before importing identical content into the same list(s) again (the screen always does). */
  readonly askIfImportedBefore: boolean;
  readonly showProblems: boolean;
  /** A file over the upload limit may go up in parts. */
  readonly parts: boolean;
  readonly signal: AbortSignal | undefined;
}

const NO_OPTIONS: Omit<ImportOptions, 'files'> = {
  mapping: undefined,
  listUuid: undefined,
  listUuids: undefined,
  tags: undefined,
  updateExisting: undefined,
  saveMapping: undefined,
  interactive: true,
  askIfImportedBefore: false,
  showProblems: false,
  parts: true,
  signal: undefined,
};

function toUri(value: unknown, path: string): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  const text = nonEmptyString(value, path);
  return text.includes('://') ? vscode.Uri.parse(text) : vscode.Uri.file(text);
}

function strings(value: unknown, path: string): string[] {
  return arrayOf(value, path, string);
}

/** Per column (a field name or null each), or { field: column index or header }. */
function decodeMapping(value: unknown, path: string): MappingOverride {
  if (Array.isArray(value)) return arrayOf(value, path, (field, at) => nullable(field, at, string));
  return recordOf(value, path, (column, at) => (typeof column === 'string' ? column : count(column, at)));
}

function decodeOptions(value: unknown): ImportOptions {
  const options = object(value, 'options');
  const file = optional(options.file, 'options.file', toUri);
  const files = optional(options.files, 'options.files', (list, path) => arrayOf(list, path, toUri), []);
  return {
    files: file === undefined ? files : [file, ...files],
    mapping: optional(options.mapping, 'options.mapping', decodeMapping),
    listUuid: optional(options.listUuid, 'options.listUuid', string),
    listUuids: optional(options.listUuids, 'options.listUuids', strings),
    tags: optional(options.tags, 'options.tags', strings),
    updateExisting: optional(options.updateExisting, 'options.updateExisting', boolean),
    saveMapping: optional(options.saveMapping, 'options.saveMapping', boolean),
    interactive: optional(options.interactive, 'options.interactive', boolean, true),
    askIfImportedBefore: optional(options.askIfImportedBefore, 'options.askIfImportedBefore', boolean, false),
    showProblems: optional(options.showProblems, 'options.showProblems', boolean, false),
    parts: optional(options.parts, 'options.parts', boolean, true),
    signal: options.signal instanceof AbortSignal ? options.signal : undefined,
  };
}

export function decodeImportArgs(args: readonly unknown[]): ImportOptions {
  const [first, second] = args;
  if (first instanceof vscode.Uri) {
    // The Explorer passes the clicked file and the whole selection (which includes it).
    const selection = Array.isArray(second) ? second.filter((item): item is vscode.Uri => item instanceof vscode.Uri) : [];
    return { ...NO_OPTIONS, files: selection.length > 0 ? selection : [first] };
  }
  if (typeof first === 'object' && first !== null) return decodeOptions(first);
  return { ...NO_OPTIONS, files: [] };
}
