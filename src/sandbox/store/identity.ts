/**
 * Identifier keys for dedupe: a row is the same contact as a stored one when any of
 * linkedin_id / work_email / personal_email agree (contract §5), the same company when
 * linkedin_id or name agree. Emails share one key space (the same address in the work
 * column of one file and the personal column of another is one person).
 */
import type { RecordKind } from '../../shared/vocabulary';
import { fieldIndex } from './records';

/** Scheme, host, profile kind, query and trailing slashes around the part that names the profile. */
const LINKEDIN_REFERENCE = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?(?:www\.)?(?:linkedin\.com\/)?(?:(?:in|company|pub|sales\/people|sales\/lead|sales\/company)\/)?([^?#]*?)\/*(?:[?#].*)?$/;

/** A span [start, end) of some text, changed in place by the plain-key checks below. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * True when text[start, end) has only printable ASCII other than capitals, and the
 * Latin-1 lower-case letters ß–ÿ: then trimming, lower-casing and collapsing
 * whitespace would all give it back unchanged. Identifiers nearly always are, and one
 * pass over the characters costs less than those calls (and, on a span of a larger
 * text, than cutting it out first). Anything else takes the full path.
 */
function isPlainLower(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x41 && c <= 0x5a) || (c >= 0x7f && c < 0xdf) || c > 0xff) return false;
  }
  return true;
}

/** `https://www.linkedin.com/in/Ada-L/?x=1`, `linkedin.com/in/ada-l` and `ada-l` are one profile. */
export function linkedinKey(value: string): string {
  const lower = isPlainLower(value) ? value : value.trim().toLowerCase();
  const range = { start: 0, end: lower.length };
  return plainProfileRange(lower, range) ? lower.slice(range.start, range.end) : linkedinKeyByPattern(lower);
}

/** The definition: what LINKEDIN_REFERENCE captures of a trimmed, lower-case reference. */
export function linkedinKeyByPattern(lower: string): string {
  return LINKEDIN_REFERENCE.exec(lower)?.[1] ?? lower;
}

const PLAIN_PREFIXES = ['https://www.', 'https://', 'http://www.', 'http://', 'www.', '']
  .flatMap((start) => ['in/', 'company/'].map((kind) => `${start}linkedin.com/${kind}`));

function hasPrefix(text: string, start: number, end: number, prefix: string): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i += 1) if (text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false;
  return true;
}

/**
 * The common shape, `[scheme][www.]linkedin.com/in|company/<name>[/…/]`, without the
 * regular expression: narrows the lower-case `range` of `text` to the name and returns
 * true, or returns false for anything else. Gives what the pattern captures: after one
 * of these prefixes every optional part of the pattern has matched, and a name without
 * `/`, `?` or `#` is the capture once trailing slashes are dropped.
 */
function plainProfileRange(text: string, range: TextRange): boolean {
  let prefix: string | undefined;
  for (const candidate of PLAIN_PREFIXES) {
    if (hasPrefix(text, range.start, range.end, candidate)) {
      prefix = candidate;
      break;
    }
  }
  if (prefix === undefined) return false;
  const start = range.start + prefix.length;
  let end = range.end;
  while (end > start && text.charCodeAt(end - 1) === 0x2f) end -= 1;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) return false; // / ? #
  }
  range.start = start;
  range.end = end;
  return true;
}

/** Case and runs of whitespace do not make a different email or company name. */
function collapse(value: string): string {
  if (isPlainLower(value)) return value;
  const lower = value.trim().toLowerCase();
  return /\s\s|[\t\n\r\f\v]/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

export interface KeySource {
  /** The catalogue field the key is made from. */
  readonly index: number;
  /** Keys of sources with the same space are compared with each other (all emails). */
  readonly space: number;
  readonly normalize: (value: string) => string;
  /**
   * The fast path of `normalize` for a value that is text[range]: when the key is a span
   * of that same text, narrows `range` to it and returns true; else false (call normalize).
   */
  readonly plainKey: (text: string, range: TextRange) => boolean;
}

function plainLinkedinKey(text: string, range: TextRange): boolean {
  const { start, end } = range;
  if (!plainProfileRange(text, range)) return false;
  // The prefix matched exactly, in lower case: only the rest needs looking at.
  if (isPlainLower(text, range.start, end)) return true;
  range.start = start;
  range.end = end;
  return false;
}

function plainCollapsedKey(text: string, range: TextRange): boolean {
  return isPlainLower(text, range.start, range.end);
}

function sources(kind: RecordKind): KeySource[] {
  if (kind === 'contacts') {
    return [
      { index: fieldIndex('contacts', 'linkedin_id'), space: 0, normalize: linkedinKey, plainKey: plainLinkedinKey },
      { index: fieldIndex('contacts', 'work_email'), space: 1, normalize: collapse, plainKey: plainCollapsedKey },
      { index: fieldIndex('contacts', 'personal_email'), space: 1, normalize: collapse, plainKey: plainCollapsedKey },
    ];
  }
  return [
    { index: fieldIndex('companies', 'linkedin_id'), space: 0, normalize: linkedinKey, plainKey: plainLinkedinKey },
    { index: fieldIndex('companies', 'name'), space: 1, normalize: collapse, plainKey: plainCollapsedKey },
  ];
}

export const KEY_SOURCES: Readonly<Record<RecordKind, readonly KeySource[]>> = { contacts: sources('contacts'), companies: sources('companies') };

/** A record's identity keys, one per KEY_SOURCES entry of its kind ('' where there is none). */
export function identityKeys(kind: RecordKind, values: readonly string[]): string[] {
  return KEY_SOURCES[kind].map((source) => source.normalize(values[source.index] ?? ''));
}
