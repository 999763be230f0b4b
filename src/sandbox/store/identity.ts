/**
 * Identifier keys for dedupe: a row is the same contact as a stored one when any of
 * linkedin_id / work_email / personal_email agree (contract §5), the same company when
 * linkedin_id or name agree. Emails share one namespace (the same address in the work
 * column of one file and the personal column of another is one person).
 */
import type { ImportKind } from '../../core/csv/catalogue';
import { fieldIndex } from './records';

/** Scheme, host, profile kind, query and trailing slashes around the part that names the profile. */
const LINKEDIN_REFERENCE = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?(?:www\.)?(?:linkedin\.com\/)?(?:(?:in|company|pub|sales\/people|sales\/lead|sales\/company)\/)?([^?#]*?)\/*(?:[?#].*)?$/;

/** `https://www.linkedin.com/in/Ada-L/?x=1`, `linkedin.com/in/ada-l` and `ada-l` are one profile. */
export function linkedinKey(value: string): string {
  const lower = value.trim().toLowerCase();
  return LINKEDIN_REFERENCE.exec(lower)?.[1] ?? lower;
}

/** Case and runs of whitespace do not make a different email or company name. */
function collapse(value: string): string {
  const lower = value.trim().toLowerCase();
  return /\s\s|[\t\n\r\f\v]/.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

interface KeySource {
  readonly index: number;
  readonly prefix: string;
  readonly normalize: (value: string) => string;
}

function sources(kind: ImportKind): KeySource[] {
  if (kind === 'contacts') {
    return [
      { index: fieldIndex('contacts', 'linkedin_id'), prefix: 'li:', normalize: linkedinKey },
      { index: fieldIndex('contacts', 'work_email'), prefix: 'em:', normalize: collapse },
      { index: fieldIndex('contacts', 'personal_email'), prefix: 'em:', normalize: collapse },
    ];
  }
  return [
    { index: fieldIndex('companies', 'linkedin_id'), prefix: 'li:', normalize: linkedinKey },
    { index: fieldIndex('companies', 'name'), prefix: 'nm:', normalize: collapse },
  ];
}

const SOURCES: Readonly<Record<ImportKind, KeySource[]>> = { contacts: sources('contacts'), companies: sources('companies') };

/** The identity keys of a record's values; empty when it has no identifier at all. */
export function identityKeys(kind: ImportKind, values: readonly string[]): string[] {
  const keys: string[] = [];
  for (const source of SOURCES[kind]) {
    const normalized = source.normalize(values[source.index] ?? '');
    if (normalized !== '') keys.push(source.prefix + normalized);
  }
  return keys;
}
