/**
 * Decodes what reaches getsales.importContacts / getsales.importCompanies:
 *   - nothing (palette): the active CSV editor, else a file picker;
 *   - (uri, uris[]) from the Explorer (multi-select) or (uri) from an editor menu;
 *   - an options object (tests, scripts, "Import fixed rows"):
 *     { file?: Uri | string, files?: (Uri | string)[], mapping?: ColumnMapping | { field: column index | header },
 *       listUuid?: string, listUuids?: string[], tags?: string[], updateExisting?: boolean,
 *       saveMapping?: boolean, interactive?: boolean (false: no screen, no questions; start at once),
 *       showProblems?: boolean (put row problems in the Problems view without the screen),
 *       signal?: AbortSignal (cancels like the notification's Cancel button) }
 */
import * as vscode from 'vscode';
import type { MappingOverride } from '../../core/mapping';
import { UserError } from '../../core/user-error';


export interface ImportOptions {
  readonly files: readonly vscode.Uri[];
  readonly mapping: MappingOverride | undefined;
  readonly listUuid: string | undefined;
  readonly listUuids: readonly string[] | undefined;
  readonly tags: readonly string[] | undefined;
  readonly updateExisting: boolean | undefined;
  readonly saveMapping: boolean | undefined;
  readonly interactive: boolean;
  readonly showProblems: boolean;
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
  showProblems: false,
  signal: undefined,
};

function toUri(value: unknown, what: string): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.trim() !== '') return value.includes('://') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  throw new UserError(`${what} must be a file URI or a path.`, []);
}

function optionalStrings(value: unknown, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new UserError(`${what} must be an array of strings.`, []);
  return value;
}

function decodeMapping(value: unknown): MappingOverride | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((field) => field === null || typeof field === 'string')) return value as (string | null)[];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.values(value).every((column) => typeof column === 'string' || (typeof column === 'number' && Number.isInteger(column)))) {
    return value as Record<string, number | string>;
  }
  throw new UserError('The mapping must be an array (one field name or null per column) or an object { field: column index or header }.', []);
}

function decodeOptions(record: Record<string, unknown>): ImportOptions {
  const files: vscode.Uri[] = [];
  if (record.file !== undefined) files.push(toUri(record.file, 'The file'));
  if (record.files !== undefined) {
    if (!Array.isArray(record.files)) throw new UserError('The files must be an array of file URIs or paths.', []);
    files.push(...record.files.map((file) => toUri(file, 'Each file')));
  }
  const optionalString = (key: string): string | undefined => {
    const value = record[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new UserError(`The ${key} must be a string.`, []);
    return value;
  };
  const optionalBoolean = (key: string): boolean | undefined => (typeof record[key] === 'boolean' ? record[key] : undefined);
  return {
    files,
    mapping: decodeMapping(record.mapping),
    listUuid: optionalString('listUuid'),
    listUuids: optionalStrings(record.listUuids, 'The listUuids'),
    tags: optionalStrings(record.tags, 'The tags'),
    updateExisting: optionalBoolean('updateExisting'),
    saveMapping: optionalBoolean('saveMapping'),
    interactive: record.interactive !== false,
    showProblems: record.showProblems === true,
    signal: record.signal instanceof AbortSignal ? record.signal : undefined,
  };
}

export function decodeImportArgs(args: readonly unknown[]): ImportOptions {
  const [first, second] = args;
  if (first instanceof vscode.Uri) {
    // The Explorer passes the clicked file and the whole selection (which includes it).
    const selection = Array.isArray(second) ? second.filter((item): item is vscode.Uri => item instanceof vscode.Uri) : [];
    return { ...NO_OPTIONS, files: selection.length > 0 ? selection : [first] };
  }
  if (typeof first === 'object' && first !== null) return decodeOptions(first as Record<string, unknown>);
  return { ...NO_OPTIONS, files: [] };
}
