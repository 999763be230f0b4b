/**
 * Proposing a mapping for a file's columns. In order of trust: a mapping the user
 * confirmed before for the same headers; the server's valid `matches`; then our own
 * matching per column — exact field name or label, known alias, near miss (edit
 * distance), and what the preview values look like. Each column gets at most one field
 * and each field at most one column; the most confident claim wins.
 */
import { fieldsFor, isKnownField, normalizeHeader, type FieldDefinition } from './catalogue';
import { sniffColumn } from '../csv/content-sniff';
import { editDistance } from './edit-distance';
import type { ColumnMapping, ColumnSuggestion, RecordKind, SuggestionSource } from '../../shared/vocabulary';
import { fieldLabel } from './mapping-rules';

export interface ProposeMappingInput {
  readonly kind: RecordKind;
  readonly headers: readonly string[];
  /** The first data rows (cells by column), for content sniffing. */
  readonly previewRows?: readonly (readonly string[])[];
  /** The upload response's `matches`, field → column index; invalid entries are ignored. */
  readonly serverMatches?: Readonly<Record<string, unknown>>;
  /** A mapping the user confirmed for these headers before (see MappingMemory); proposed as it is. */
  readonly remembered?: ColumnMapping;
}

export interface MappingProposal {
  /** Per column: the proposed field or null. */
  readonly mapping: (string | null)[];
  /** One per mapped column, in column order. */
  readonly suggestions: ColumnSuggestion[];
  readonly fromMemory: boolean;
}

interface Candidate extends Omit<ColumnSuggestion, 'note'> {
  /** Tie-break among equal confidence: lower wins (e.g. an earlier alias in the catalogue). */
  readonly rank: number;
}

interface NameKey {
  readonly field: FieldDefinition;
  readonly text: string;
  readonly key: string;
  readonly isAlias: boolean;
  readonly rank: number;
}

/** Spaces dropped too, so "profileUrl", "Profile URL" and "profile_url" meet. */
function compact(normalized: string): string {
  return normalized.replace(/ /g, '');
}

const keyCache = new Map<RecordKind, readonly NameKey[]>();

function nameKeys(kind: RecordKind): readonly NameKey[] {
  let keys = keyCache.get(kind);
  if (keys === undefined) {
    keys = fieldsFor(kind).flatMap((field) => [
      { field, text: field.name, key: normalizeHeader(field.name), isAlias: false, rank: 0 },
      { field, text: field.label, key: normalizeHeader(field.label), isAlias: false, rank: 0 },
      ...field.aliases.map((alias, i) => ({ field, text: alias, key: normalizeHeader(alias), isAlias: true, rank: i + 1 })),
    ]);
    keyCache.set(kind, keys);
  }
  return keys;
}

function quoted(header: string): string {
  return `"${header.trim()}"`;
}

/** Exact, alias and near-miss matches of one header (the best of each field). */
function headerCandidates(kind: RecordKind, header: string, column: number): Candidate[] {
  const normalized = normalizeHeader(header);
  if (normalized === '') return [];
  const key = compact(normalized);
  const keys = nameKeys(kind);

  const exact = keys.filter((k) => compact(k.key) === key);
  if (exact.length > 0) {
    return exact.map((k) => (k.isAlias
      ? { column, field: k.field.name, confidence: 0.9, rank: k.rank, source: 'alias' as const, reason: `Header ${quoted(header)} is a known name for ${k.field.label}` }
      : { column, field: k.field.name, confidence: 1, rank: 0, source: 'exact' as const, reason: `Header ${quoted(header)} is the field ${k.field.label}` }));
  }

  // Near misses: a longer header may be further off ("Compnay Nmae" but not "Name" → "Game").
  const max = key.length >= 12 ? 2 : key.length >= 5 ? 1 : 0;
  if (max === 0) return [];
  let best: { key: NameKey; distance: number } | undefined;
  for (const k of keys) {
    const distance = editDistance(key, compact(k.key), max);
    if (distance <= max && (best === undefined || distance < best.distance || (distance === best.distance && k.rank < best.key.rank))) best = { key: k, distance };
  }
  if (best === undefined) return [];
  const { key: near, distance } = best;
  const target = near.isAlias ? `"${near.text}", a known name for ${near.field.label}` : `the field ${near.field.label}`;
  return [{ column, field: near.field.name, confidence: distance === 1 ? 0.75 : 0.65, rank: near.rank, source: 'fuzzy', reason: `Header ${quoted(header)} is close to ${target}` }];
}

function contentCandidates(kind: RecordKind, header: string, column: number, previewRows: readonly (readonly string[])[]): Candidate[] {
  const values = previewRows.map((row) => row[column] ?? '');
  const name = header.trim() === '' ? `column ${column + 1}` : quoted(header);
  return sniffColumn(kind, values).map((guess) => ({
    column,
    field: guess.field,
    confidence: Math.round(guess.confidence * (guess.matching / guess.total) * 100) / 100,
    rank: 0,
    source: 'content' as const,
    reason: `${guess.matching} of ${guess.total} preview values in ${name} ${guess.what}`,
  }));
}

function serverCandidates(kind: RecordKind, headers: readonly string[], matches: Readonly<Record<string, unknown>>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [field, index] of Object.entries(matches)) {
    if (!isKnownField(kind, field) || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= headers.length) continue;
    const header = headers[index] ?? '';
    candidates.push({ column: index, field, confidence: 0.95, rank: 0, source: 'server', reason: `GetSales matched ${header.trim() === '' ? `column ${index + 1}` : `column ${quoted(header)}`} to ${fieldLabel(kind, field)}` });
  }
  return candidates;
}

function rememberedProposal(kind: RecordKind, headers: readonly string[], remembered: ColumnMapping): MappingProposal | undefined {
  if (remembered.length !== headers.length) return undefined;
  const seen = new Set<string>();
  const mapping = remembered.map((field) => {
    if (field === null || !isKnownField(kind, field) || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
  if (seen.size === 0) return undefined;
  const suggestions = mapping.flatMap((field, column) => (field === null ? [] : [withNote(kind, headers, {
    column, field, confidence: 1, source: 'memory',
    reason: `You mapped ${quoted(headers[column] ?? '')} to ${fieldLabel(kind, field)} for a file with the same headers`,
  })]));
  return { mapping, suggestions, fromMemory: true };
}

function byTrust(a: Candidate, b: Candidate): number {
  return b.confidence - a.confidence || a.rank - b.rank || a.column - b.column;
}

export function proposeMapping(input: ProposeMappingInput): MappingProposal {
  const { kind, headers } = input;
  if (input.remembered) {
    const proposal = rememberedProposal(kind, headers, input.remembered);
    if (proposal) return proposal;
  }

  const mapping: (string | null)[] = headers.map(() => null);
  const chosen: (Candidate | undefined)[] = headers.map(() => undefined);
  const usedFields = new Set<string>();
  const assign = (candidates: readonly Candidate[]): void => {
    for (const c of candidates) {
      if (chosen[c.column] !== undefined || usedFields.has(c.field)) continue;
      chosen[c.column] = c;
      mapping[c.column] = c.field;
      usedFields.add(c.field);
    }
  };

  // The server's valid matches go first, whatever our confidence in something else.
  if (input.serverMatches) assign(serverCandidates(kind, headers, input.serverMatches));
  const local = headers.flatMap((header, column) => [
    ...headerCandidates(kind, header, column),
    ...contentCandidates(kind, header, column, input.previewRows ?? []),
  ]);
  assign(local.sort(byTrust));

  const suggestions = chosen.flatMap((c) => (c === undefined ? [] : [withNote(kind, headers, c)]));
  return { mapping, suggestions, fromMemory: false };
}

const NOTES: Readonly<Record<SuggestionSource, string>> = {
  memory: 'As you mapped it before',
  server: 'Suggested by GetSales',
  exact: '',
  alias: '',
  fuzzy: 'A near match of the header: check it',
  content: 'Guessed from the values: check it',
};

/**
 * The Notes column says only what the header does not: nothing when the header is the
 * field's name or a known alias of it (whoever suggested it), otherwise who suggested the
 * field and, for a guess, that it wants a look. The whole reason stays in the hover.
 */
export function withNote(kind: RecordKind, headers: readonly string[], suggestion: Omit<ColumnSuggestion, 'note'>): ColumnSuggestion {
  const { column, field, reason, confidence, source } = suggestion;
  const headerNamesField = headerCandidates(kind, headers[column] ?? '', column).some((c) => c.field === field && c.source !== 'fuzzy');
  return { column, field, reason, confidence, source, note: headerNamesField ? '' : NOTES[source] };
}
