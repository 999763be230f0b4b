/**
 * Models and a stand-in reviewer for the mapping screen tests. The reviewer applies the
 * identifier and "field used once" rules to the preview rows; it plays the host's part
 * (the real one calls the core CSV engine) with answers simple enough to predict.
 */
import type { ColumnMapping, CsvEncoding, EncodingFacts, MappingModel, MappingReview, RuleIssue, ValidationItem } from '../../../src/shared/protocol';
import { encodingChoiceLabel } from '../../../src/shared/csv-encodings';

export const XSS_CELL = '<img src=x onerror=alert(1)>';

const GROUPS = [
  { id: 'identity', label: 'Identity' },
  { id: 'identifiers', label: 'Identifiers' },
  { id: 'company', label: 'Company' },
  { id: 'other', label: 'Other' },
];

/** The encoding facts as the host builds them: `id` first in the choice, then `others`. */
export function encodingFacts(id: CsvEncoding, confidence = 1, source: EncodingFacts['source'] = 'utf-8', others: readonly CsvEncoding[] = ['utf-8', 'windows-1252', 'iso-8859-2', 'windows-1250']): EncodingFacts {
  return {
    id, confidence, source,
    lowConfidence: source === 'detector' && confidence < 0.6,
    options: [...new Set([id, ...others])].map((option) => ({ id: option, label: encodingChoiceLabel(option) })),
  };
}

export const NO_FORMULAS = { count: 0, lines: [], neutralised: false } as const;

export function contactsModel(overrides: Partial<MappingModel> = {}): MappingModel {
  return {
    restore: { fileUri: 'file:///work/contacts.csv', kind: 'contacts', importUuid: 'imp-contacts-1' },
    file: { fileName: 'contacts.csv', sizeBytes: 2048, rowCount: 3, delimiter: ';', encoding: 'Windows-1252', encodingFacts: encodingFacts('windows-1252', 0.88, 'detector'), formulas: NO_FORMULAS, converted: true, warnings: ['2 rows have more cells than the header.'] },
    columns: ['Name', 'Email', 'LinkedIn', 'Notes'],
    previewRows: [
      ['Ada Lovelace', 'ada@example.com', 'linkedin.com/in/ada', XSS_CELL],
      ['Grace Hopper', '', '', 'no identifier'],
      ['Linus', 'not-an-email', 'linkedin.com/in/linus', ''],
    ],
    groups: GROUPS,
    fields: [
      { name: 'first_name', label: 'First name', description: 'Given name of the contact.', group: 'identity' },
      { name: 'name', label: 'Full name', description: 'Full name.', group: 'identity' },
      { name: 'work_email', label: 'Work email', description: 'Business email address.', group: 'identifiers' },
      { name: 'personal_email', label: 'Personal email', description: 'Private email address.', group: 'identifiers' },
      { name: 'linkedin_id', label: 'LinkedIn', description: 'Any LinkedIn reference.', group: 'identifiers' },
      { name: 'company_name', label: 'Company', description: 'Company name.', group: 'company' },
      { name: 'about', label: 'About', description: 'Free text.', group: 'other' },
    ],
    identifierFields: ['linkedin_id', 'work_email', 'personal_email'],
    suggestions: [
      { column: 0, field: 'name', reason: 'Header "Name" is a known name for Full name', confidence: 0.9, source: 'alias', note: '' },
      { column: 1, field: 'work_email', reason: 'GetSales matched column "Email" to Work email', confidence: 0.95, source: 'server', note: 'Suggested by GetSales' },
      { column: 2, field: 'linkedin_id', reason: 'Header "LinkedIn" is the field LinkedIn', confidence: 1, source: 'exact', note: '' },
    ],
    lists: [
      { uuid: 'list-1', name: 'Webinar leads' },
      { uuid: 'list-2', name: 'Berlin CTOs' },
    ],
    tags: [
      { uuid: 'tag-uuid-1', name: 'webinar-2026' },
      { uuid: 'tag-uuid-2', name: 'berlin' },
    ],
    target: { kind: 'contacts', listUuid: null, tags: [], updateExisting: true },
    saveMapping: true,
    ...overrides,
  };
}

export function companiesModel(): MappingModel {
  return contactsModel({
    restore: { fileUri: 'file:///work/companies.csv', kind: 'companies', importUuid: 'imp-companies-1' },
    file: { fileName: 'companies.csv', sizeBytes: 100, rowCount: 1, delimiter: ',', encoding: 'UTF-8', encodingFacts: encodingFacts('utf-8'), formulas: NO_FORMULAS, converted: false, warnings: [] },
    columns: ['Company', 'Website'],
    previewRows: [['Acme', 'acme.example']],
    fields: [
      { name: 'name', label: 'Company name', description: 'Identifies the company.', group: 'identifiers' },
      { name: 'linkedin_id', label: 'LinkedIn', description: 'Company page.', group: 'identifiers' },
      { name: 'website', label: 'Website', description: 'Website URL.', group: 'company' },
    ],
    identifierFields: ['linkedin_id', 'name'],
    suggestions: [{ column: 0, field: 'name', reason: 'Header "Company" is a known name for Company name', confidence: 0.9, source: 'alias', note: '' }],
    target: { kind: 'companies', listUuids: [], tags: [] },
  });
}

function labelOf(model: MappingModel, field: string): string {
  return model.fields.find((entry) => entry.name === field)?.label ?? field;
}

export function fakeReview(model: MappingModel, mapping: ColumnMapping): MappingReview {
  const mapped = model.identifierFields.filter((field) => mapping.includes(field));
  const issues: RuleIssue[] = [];
  for (const field of new Set(mapping.filter((entry): entry is string => entry !== null))) {
    const columns = mapping.flatMap((entry, column) => (entry === field ? [column] : []));
    if (columns.length > 1) issues.push({ code: 'duplicate_field', severity: 'error', columns, message: `${labelOf(model, field)} is picked for ${columns.length} columns.` });
  }
  const identifierColumns = mapping.flatMap((field, column) => (field !== null && model.identifierFields.includes(field) ? [column] : []));
  const missing = model.previewRows.filter((row) => identifierColumns.every((column) => (row[column] ?? '').trim() === '')).length;
  const items: ValidationItem[] = missing === 0 ? [] : [{ code: 'no_identifier', severity: 'warning', count: missing, message: `${missing} rows have no identifier and will be skipped` }];
  return {
    identifier: {
      satisfied: mapped.length > 0,
      mapped,
      message: mapped.length > 0 ? `Identifier: ${mapped.map((field) => labelOf(model, field)).join(', ')}` : `Map a column to ${model.identifierFields.map((field) => labelOf(model, field)).join(' or ')}`,
    },
    issues,
    validation: { rowsChecked: model.previewRows.length, items },
  };
}
