/**
 * Builds what the mapping screen shows from the pre-flight, the upload response, the
 * account's lists and the proposals (mapping memory first, then the server's matches
 * merged with our own header matching).
 */
import type { ColumnMapping } from '../../../shared/vocabulary';
import type { FileImport } from '../../api';
import { LOW_CONFIDENCE, delimiterLabel, encodingLabel } from '../../csv';
import { CSV_ENCODINGS, type CsvEncoding, encodingChoiceLabel } from '../../../shared/csv-encodings';
import { IDENTIFIER_FIELDS, type MappingOverride, type FieldGroup, fieldsFor, normalizeHeader, proposeMapping, withNote } from '../../mapping';
import type { ColumnSuggestion, EncodingFacts, FieldGroupOption, FileReading, RecordKind, ListSummary, MappingModel, TagSummary, TargetState } from '../../../shared/protocol';
import { UserError } from '../../user-error';
import { type PreparedFile, formulaSentence, lowConfidenceSentence } from '../preflight';
import type { PreparedParts } from '../parts/part-files';
import { MAX_UPLOAD_BYTES, PART_MAX_BYTES } from '../../csv/limits';

const GROUP_LABELS: Readonly<Record<FieldGroup, string>> = {
  identifiers: 'Identifiers',
  identity: 'Name',
  company: 'Company',
  contact: 'Contact details',
  social: 'Social',
  other: 'Other',
};

/** What the screen needs of the upload response. */
export type UploadFacts = Pick<FileImport, 'uuid' | 'csvHeaders' | 'matches'>;

export interface MappingModelInput {
  readonly fileUri: string;
  readonly kind: RecordKind;
  readonly prepared: PreparedFile;
  readonly upload: UploadFacts;
  readonly lists: readonly ListSummary[];
  readonly tags: readonly TagSummary[];
  /** A mapping confirmed before for these headers (MappingMemory). */
  readonly remembered: ColumnMapping | undefined;
  /** A mapping the caller asks for (e.g. "Import fixed rows"); wins over every proposal. */
  readonly requested: ColumnMapping | undefined;
  readonly target: TargetState;
  readonly saveMapping: boolean;
  /** The user's choices of how to read the file, when they made any. */
  readonly reading?: FileReading;
  /** A file over the limit: its parts (the upload is the first one's). */
  readonly parts?: PreparedParts;
}

/** The choice offered on the screen: the encoding in use, the detector's alternatives, then every other one. */
function encodingFacts(prepared: PreparedFile): EncodingFacts {
  const guess = prepared.firstView.encodingGuess;
  const current = prepared.fullPass.dialect.encoding;
  const bomOnly: readonly CsvEncoding[] = ['utf-8-bom'];
  const ordered = [...new Set<CsvEncoding>([current, ...guess.alternatives, ...CSV_ENCODINGS.filter((id) => !bomOnly.includes(id))])];
  return {
    id: current,
    confidence: guess.confidence,
    lowConfidence: guess.source === 'detector' && guess.confidence < LOW_CONFIDENCE,
    source: guess.source,
    options: ordered.map((id) => ({ id, label: encodingChoiceLabel(id) })),
  };
}

/**
 * The server numbers columns in its own header list, so that list is the truth for the
 * mapping; ours only stands in when the server sent none.
 */
export function importColumns(prepared: PreparedFile, upload: Pick<FileImport, 'csvHeaders'>): readonly string[] {
  return upload.csvHeaders.length > 0 ? upload.csvHeaders : prepared.fullPass.headers;
}

function fitRow(cells: readonly string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => cells[i] ?? '');
}

/** Turns a caller's mapping (per column, or field → index/header) into the per-column form. */
export function resolveMapping(kind: RecordKind, headers: readonly string[], override: MappingOverride): (string | null)[] {
  if (Array.isArray(override)) {
    const perColumn = override as readonly (string | null)[];
    if (perColumn.length > headers.length) throw new UserError(`The mapping names ${perColumn.length} columns but the file has ${headers.length}.`, []);
    return headers.map((_, column) => perColumn[column] ?? null);
  }
  const mapping: (string | null)[] = headers.map(() => null);
  for (const [field, where] of Object.entries(override as Readonly<Record<string, number | string>>)) {
    const column = typeof where === 'number' ? where : headers.findIndex((header) => normalizeHeader(header) === normalizeHeader(where));
    if (column < 0 || column >= headers.length) throw new UserError(`The mapping puts ${field} on column ${String(where)}, which the file does not have.`, []);
    mapping[column] = field;
  }
  return mapping;
}

function requestedSuggestions(kind: RecordKind, headers: readonly string[], mapping: ColumnMapping): ColumnSuggestion[] {
  const labels = new Map(fieldsFor(kind).map((field) => [field.name, field.label]));
  return mapping.flatMap((field, column) => (field === null ? [] : [withNote(kind, headers, {
    column, field, confidence: 1, source: 'memory',
    reason: `The same mapping as before: "${headers[column] ?? ''}" → ${labels.get(field) ?? field}`,
  })]));
}

/** The prefill of the pickers. */
export function proposeSuggestions(input: Pick<MappingModelInput, 'kind' | 'remembered' | 'requested'>, headers: readonly string[], previewRows: readonly (readonly string[])[], matches: FileImport['matches']): ColumnSuggestion[] {
  if (input.requested !== undefined) return requestedSuggestions(input.kind, headers, input.requested);
  const proposal = proposeMapping({ kind: input.kind, headers, previewRows, serverMatches: matches, remembered: input.remembered });
  return proposal.suggestions;
}

export function buildMappingModel(input: MappingModelInput): MappingModel {
  const { prepared, upload, kind } = input;
  const columns = importColumns(prepared, upload);
  const previewRows = prepared.firstView.previewRows.map((row) => fitRow(row.cells, columns.length));
  const fields = fieldsFor(kind);
  const groups: FieldGroupOption[] = [...new Set(fields.map((field) => field.group))].map((id) => ({ id, label: GROUP_LABELS[id] }));
  return {
    restore: {
      fileUri: input.fileUri, kind, importUuid: upload.uuid,
      ...(input.reading === undefined ? {} : { reading: input.reading }),
      ...(input.parts === undefined ? {} : { partsId: input.parts.id }),
    },
    file: {
      fileName: prepared.firstView.fileName,
      sizeBytes: prepared.firstView.sizeBytes,
      rowCount: prepared.fullPass.rowCount,
      delimiter: prepared.fullPass.dialect.delimiter,
      encoding: encodingLabel(prepared.fullPass.dialect.encoding),
      encodingFacts: encodingFacts(prepared),
      formulas: { count: prepared.fullPass.formulaCells.count, lines: prepared.fullPass.formulaCells.lines.slice(0, 20), neutralised: prepared.neutralisedFormulas },
      converted: prepared.fullPass.converted,
      // The screen says these two beside the choices that answer them.
      warnings: prepared.warnings.filter((warning) => warning !== lowConfidenceSentence(prepared.firstView) && warning !== formulaSentence(prepared.fullPass)),
      ...(input.parts === undefined ? {} : {
        parts: { count: input.parts.parts.length, uploadBytes: prepared.fullPass.uploadSizeBytes, maxPartBytes: PART_MAX_BYTES, limitBytes: MAX_UPLOAD_BYTES },
      }),
    },
    columns,
    previewRows,
    groups,
    fields: fields.map((field) => ({ name: field.name, label: field.label, description: field.description, group: field.group })),
    identifierFields: IDENTIFIER_FIELDS[kind],
    suggestions: proposeSuggestions(input, columns, previewRows, upload.matches),
    // Only what the screen shows: the API's list and tag records carry more.
    lists: input.lists.map(({ uuid, name }) => ({ uuid, name })),
    tags: input.tags.map(({ uuid, name }) => ({ uuid, name })),
    // Only tags the account has can be sent (a remembered or requested target may name others).
    target: { ...input.target, tags: input.target.tags.filter((uuid) => input.tags.some((tag) => tag.uuid === uuid)) },
    saveMapping: input.saveMapping,
  };
}

/** For logs and messages: "semicolon-separated Windows-1252". */
export function describeDialect(prepared: PreparedFile): string {
  return `${delimiterLabel(prepared.fullPass.dialect.delimiter)}-separated ${encodingLabel(prepared.fullPass.dialect.encoding)}`;
}
