/**
 * Guessing a column's field from its preview values when its header says nothing useful
 * ("URL", "Column 7", a blank): emails, LinkedIn URLs, domains, web sites, phone numbers.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { isEmail, isFreeMailAddress, isLinkedInUrl, looksLikeDomain, looksLikePhone, looksLikeWebUrl } from './value-checks';

export interface ContentGuess {
  readonly field: string;
  readonly confidence: number;
  /** Completes "N of M preview values in column X …", e.g. "look like email addresses". */
  readonly what: string;
  readonly matching: number;
  readonly total: number;
}

/** Share of non-empty values a pattern must cover before it counts. */
const MIN_SHARE = 0.6;

interface Sniffer {
  readonly what: string;
  readonly test: (value: string) => boolean;
  readonly fields: (kind: RecordKind, values: readonly string[]) => readonly { field: string; confidence: number }[];
}

const SNIFFERS: readonly Sniffer[] = [
  {
    what: 'look like email addresses',
    test: isEmail,
    fields: (kind, values) => {
      if (kind !== 'contacts') return [];
      const personal = values.filter(isFreeMailAddress).length >= values.length * MIN_SHARE;
      // Both, so a second email column can still get the other field.
      return personal
        ? [{ field: 'personal_email', confidence: 0.7 }, { field: 'work_email', confidence: 0.5 }]
        : [{ field: 'work_email', confidence: 0.7 }, { field: 'personal_email', confidence: 0.5 }];
    },
  },
  {
    what: "look like LinkedIn profile URLs",
    test: (v) => isLinkedInUrl(v, 'person'),
    fields: (kind) => (kind === 'contacts' ? [{ field: 'linkedin_id', confidence: 0.8 }] : []),
  },
  {
    what: 'look like LinkedIn company page URLs',
    test: (v) => isLinkedInUrl(v, 'company'),
    fields: (kind) => (kind === 'companies' ? [{ field: 'linkedin_id', confidence: 0.8 }] : []),
  },
  {
    what: 'look like web site addresses',
    test: looksLikeWebUrl,
    fields: (kind) => (kind === 'companies' ? [{ field: 'website', confidence: 0.6 }] : []),
  },
  {
    what: 'look like domain names',
    test: looksLikeDomain,
    fields: (kind) => (kind === 'companies' ? [{ field: 'domain', confidence: 0.6 }] : []),
  },
  {
    what: 'look like phone numbers',
    test: looksLikePhone,
    fields: (kind) => (kind === 'contacts'
      ? [{ field: 'work_phone_number', confidence: 0.55 }, { field: 'personal_phone_number', confidence: 0.45 }]
      : [{ field: 'phone', confidence: 0.55 }]),
  },
];

export function sniffColumn(kind: RecordKind, rawValues: readonly string[]): ContentGuess[] {
  const values = rawValues.map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return [];
  for (const sniffer of SNIFFERS) {
    const matching = values.filter(sniffer.test);
    if (matching.length < values.length * MIN_SHARE) continue;
    const guesses = sniffer.fields(kind, matching);
    if (guesses.length === 0) continue;
    return guesses.map((g) => ({ ...g, what: sniffer.what, matching: matching.length, total: values.length }));
  }
  return [];
}
