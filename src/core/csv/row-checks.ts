/**
 * Checking one data row against a mapping: the identifier rule, email syntax, LinkedIn
 * references. Pure, so the streaming pass and the tests share it.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { IDENTIFIER_FIELDS } from '../mapping/catalogue';
import type { ApiColumns } from '../mapping/column-mapping';
import { fieldLabel } from '../mapping/mapping-rules';
import { classifyLinkedIn, isEmail, type LinkedInVerdict } from './value-checks';

export type RowIssueCode = 'missing-identifier' | 'invalid-email' | 'invalid-linkedin';

export const ROW_ISSUE_CODES: readonly RowIssueCode[] = ['missing-identifier', 'invalid-email', 'invalid-linkedin'];

export interface RowIssue {
  /** 1-based line of the file where the row starts. */
  readonly line: number;
  readonly code: RowIssueCode;
  readonly message: string;
  readonly field?: string;
  /** 0-based CSV column. */
  readonly column?: number;
}

interface MappedField {
  readonly field: string;
  readonly label: string;
  readonly column: number;
}

/** What to check in each row, worked out once per mapping. */
export interface RowCheckPlan {
  readonly kind: RecordKind;
  readonly identifiers: readonly MappedField[];
  readonly emails: readonly MappedField[];
  readonly linkedin: MappedField | undefined;
  readonly missingIdentifierMessage: string;
}

const EMAIL_FIELDS: Readonly<Record<RecordKind, readonly string[]>> = { contacts: ['work_email', 'personal_email'], companies: [] };

export function planRowChecks(kind: RecordKind, columns: ApiColumns): RowCheckPlan {
  const mapped = (field: string): MappedField[] => {
    const column = columns[field];
    return column === undefined || !Number.isInteger(column) || column < 0 ? [] : [{ field, label: fieldLabel(kind, field), column }];
  };
  const identifiers = IDENTIFIER_FIELDS[kind].flatMap(mapped);
  const labels = identifiers.map((f) => f.label);
  const noun = kind === 'contacts' ? 'contact' : 'company';
  return {
    kind,
    identifiers,
    emails: EMAIL_FIELDS[kind].flatMap(mapped),
    linkedin: mapped('linkedin_id')[0],
    missingIdentifierMessage: labels.length === 1
      ? `${labels[0]} is empty, so GetSales cannot identify this ${noun} and will skip the row.`
      : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]} are ${labels.length === 2 ? 'both' : 'all'} empty, so GetSales cannot identify this ${noun} and will skip the row.`,
  };
}

function shown(value: string): string {
  return `"${value.length > 80 ? `${value.slice(0, 77)}…` : value}"`;
}

function linkedInProblem(verdict: LinkedInVerdict, kind: RecordKind): string | undefined {
  switch (verdict) {
    case 'url':
    case 'id':
      return undefined;
    case 'wrong-kind':
      return kind === 'contacts' ? "is a company page, not a person's profile" : "is a person's profile, not a company page";
    case 'not-a-profile':
      return `is a LinkedIn link but not to a ${kind === 'contacts' ? 'profile' : 'company page'}`;
    case 'other-site':
      return 'is not a LinkedIn URL';
    case 'invalid':
      return `is neither a ${kind === 'contacts' ? 'profile URL' : 'company page URL'}, a nickname nor an id`;
  }
}

/** Appends the issues of one row to `out`; returns how many it added. */
export function checkRow(plan: RowCheckPlan, cells: readonly string[], line: number, out: (issue: RowIssue) => void): number {
  let found = 0;
  if (plan.identifiers.length > 0 && plan.identifiers.every((f) => (cells[f.column] ?? '').trim() === '')) {
    out({ line, code: 'missing-identifier', message: plan.missingIdentifierMessage });
    found += 1;
  }
  for (const f of plan.emails) {
    const value = (cells[f.column] ?? '').trim();
    if (value !== '' && !isEmail(value)) {
      out({ line, code: 'invalid-email', field: f.field, column: f.column, message: `${f.label} ${shown(value)} is not a valid email address.` });
      found += 1;
    }
  }
  const li = plan.linkedin;
  if (li !== undefined) {
    const value = (cells[li.column] ?? '').trim();
    const problem = value === '' ? undefined : linkedInProblem(classifyLinkedIn(value, plan.kind === 'contacts' ? 'person' : 'company'), plan.kind);
    if (problem !== undefined) {
      out({ line, code: 'invalid-linkedin', field: li.field, column: li.column, message: `${li.label} ${shown(value)} ${problem}.` });
      found += 1;
    }
  }
  return found;
}
