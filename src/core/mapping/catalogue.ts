/**
 * The fields a CSV column may be mapped to (contract §5), for contacts and companies.
 * Labels and descriptions are what the mapping screen shows; aliases feed header
 * matching (compared after `normalizeHeader`, so write them the way people do).
 */
import type { RecordKind } from '../../shared/vocabulary';

export type FieldGroup = 'identity' | 'identifiers' | 'company' | 'contact' | 'social' | 'other';

export interface FieldDefinition {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly group: FieldGroup;
  readonly aliases: readonly string[];
}

export const CONTACT_FIELDS: readonly FieldDefinition[] = [
  { name: 'first_name', label: 'First name', group: 'identity', description: 'Given name of the contact.', aliases: ['First', 'Firstname', 'Given name', 'Forename', 'First Name (Contact)', 'Vorname', 'Prénom', 'Nombre'] },
  { name: 'last_name', label: 'Last name', group: 'identity', description: 'Family name of the contact.', aliases: ['Last', 'Lastname', 'Surname', 'Family name', 'Last Name (Contact)', 'Nachname', 'Nom', 'Apellido'] },
  { name: 'name', label: 'Full name', group: 'identity', description: 'Full name, when the file has no separate first and last name.', aliases: ['Full name', 'Contact name', 'Contact', 'Lead name', 'Person', 'Person name', 'Display name'] },
  { name: 'company_name', label: 'Company', group: 'company', description: 'Name of the company the contact works for.', aliases: ['Company', 'Company name', 'Account', 'Account name', 'Organization', 'Organisation', 'Organization name', 'Employer', 'Current company', 'Firma', 'Entreprise', 'Empresa'] },
  { name: 'position', label: 'Position', group: 'company', description: 'Job title at the current company.', aliases: ['Title', 'Job title', 'Role', 'Job', 'Job role', 'Current title', 'Current position', 'Designation', 'Jobtitle', 'Position title'] },
  { name: 'headline', label: 'Headline', group: 'contact', description: 'LinkedIn headline.', aliases: ['LinkedIn headline', 'Profile headline', 'Tagline'] },
  { name: 'about', label: 'About', group: 'contact', description: 'Free-text summary about the contact.', aliases: ['Summary', 'Bio', 'Biography', 'Description', 'Notes', 'Profile summary'] },
  { name: 'raw_address', label: 'Location', group: 'contact', description: 'Location as free text (city, region, country).', aliases: ['Location', 'Address', 'City', 'Geography', 'Region', 'Country', 'Person location', 'Mailing address', 'Full address'] },
  { name: 'work_email', label: 'Work email', group: 'identifiers', description: 'Business email address. Identifies the contact.', aliases: ['Email', 'E-mail', 'Email address', 'E-Mail Address', 'Work email', 'Business email', 'Corporate email', 'Professional email', 'Company email', 'Primary email', 'Work email address', 'Mail'] },
  { name: 'personal_email', label: 'Personal email', group: 'identifiers', description: 'Private email address. Identifies the contact.', aliases: ['Personal email address', 'Private email', 'Home email', 'Secondary email', 'Other email', 'Email 2', 'Gmail'] },
  { name: 'work_phone_number', label: 'Work phone', group: 'contact', description: 'Business phone number.', aliases: ['Phone', 'Phone number', 'Work phone', 'Business phone', 'Office phone', 'Direct phone', 'Work direct phone', 'Telephone', 'Corporate phone'] },
  { name: 'personal_phone_number', label: 'Personal phone', group: 'contact', description: 'Private or mobile phone number.', aliases: ['Mobile', 'Mobile phone', 'Cell', 'Cell phone', 'Personal phone', 'Home phone', 'Mobile number', 'Mobile phone number', 'Private phone'] },
  { name: 'linkedin_id', label: 'LinkedIn', group: 'identifiers', description: 'Any LinkedIn reference: profile URL, nickname, ln_id or sn_id. Identifies the contact.', aliases: ['LinkedIn', 'LinkedIn URL', 'LinkedIn profile', 'LinkedIn Profile URL', 'Person LinkedIn URL', 'li_url', 'LinkedIn link', 'Profile URL', 'LinkedIn handle', 'LinkedIn ID', 'Sales Navigator URL', 'Sales Nav URL', 'Sales Navigator profile URL', 'LinkedIn Sales Navigator URL', 'sn_id', 'ln_id', 'LinkedIn member ID', 'Public profile URL'] },
  { name: 'facebook', label: 'Facebook', group: 'social', description: 'Facebook profile URL or handle.', aliases: ['Facebook URL', 'Facebook profile', 'FB'] },
  { name: 'twitter', label: 'Twitter / X', group: 'social', description: 'Twitter / X profile URL or handle.', aliases: ['Twitter URL', 'Twitter handle', 'Twitter username', 'X', 'X handle', 'X URL'] },
  { name: 'tags', label: 'Tags', group: 'other', description: 'Comma-separated tags added to the contact.', aliases: ['Tag', 'Labels', 'Label', 'Segments'] },
];

export const COMPANY_FIELDS: readonly FieldDefinition[] = [
  { name: 'name', label: 'Company name', group: 'identifiers', description: 'Name of the company. Identifies the company.', aliases: ['Company', 'Company name', 'Account', 'Account name', 'Organization', 'Organisation', 'Organization name', 'Business name', 'Firma', 'Entreprise', 'Empresa'] },
  { name: 'domain', label: 'Domain', group: 'company', description: 'Primary domain, such as example.com.', aliases: ['Company domain', 'Email domain', 'Domain name', 'Primary domain', 'Company domain name', 'Website domain'] },
  { name: 'website', label: 'Website', group: 'company', description: 'Website URL.', aliases: ['Website URL', 'Company website', 'URL', 'Web', 'Homepage', 'Site', 'Web site'] },
  { name: 'linkedin_id', label: 'LinkedIn', group: 'identifiers', description: 'LinkedIn company page URL or id. Identifies the company.', aliases: ['LinkedIn', 'LinkedIn URL', 'Company LinkedIn URL', 'LinkedIn company page', 'LinkedIn page', 'li_url', 'LinkedIn ID', 'Company LinkedIn', 'LinkedIn company URL', 'Company LinkedIn page'] },
  { name: 'industry', label: 'Industry', group: 'company', description: 'Industry or sector.', aliases: ['Sector', 'Vertical', 'Company industry', 'Branche'] },
  { name: 'employees_range', label: 'Employees', group: 'company', description: 'Head-count range, such as 51-200.', aliases: ['Employees', 'Employee count', 'Number of employees', '# Employees', 'Company size', 'Headcount', 'Size', 'Employee range', 'Staff'] },
  { name: 'hq_raw_address', label: 'Headquarters', group: 'company', description: 'Headquarters location as free text.', aliases: ['HQ', 'Headquarters', 'HQ address', 'Address', 'Location', 'Company location', 'Billing address', 'City', 'Country', 'Company address'] },
  { name: 'phone', label: 'Phone', group: 'contact', description: 'Main phone number.', aliases: ['Phone number', 'Company phone', 'Telephone', 'Main phone', 'Tel'] },
  { name: 'about', label: 'About', group: 'other', description: 'Free-text description of the company.', aliases: ['Description', 'Company description', 'Summary', 'Overview', 'Short description'] },
  { name: 'facebook', label: 'Facebook', group: 'social', description: 'Facebook page URL.', aliases: ['Facebook URL', 'Facebook page', 'Facebook company page', 'FB'] },
  { name: 'twitter', label: 'Twitter / X', group: 'social', description: 'Twitter / X URL or handle.', aliases: ['Twitter URL', 'Twitter handle', 'Twitter username', 'X', 'X URL'] },
  { name: 'tags', label: 'Tags', group: 'other', description: 'Comma-separated tags added to the company.', aliases: ['Tag', 'Labels', 'Label', 'Segments'] },
];

/** Fields of which at least one must be mapped (and non-empty in a row) for the row to be imported. */
export const IDENTIFIER_FIELDS: Readonly<Record<RecordKind, readonly string[]>> = {
  contacts: ['linkedin_id', 'work_email', 'personal_email'],
  companies: ['linkedin_id', 'name'],
};

export function fieldsFor(kind: RecordKind): readonly FieldDefinition[] {
  return kind === 'contacts' ? CONTACT_FIELDS : COMPANY_FIELDS;
}

export function isKnownField(kind: RecordKind, name: string): boolean {
  return fieldsFor(kind).some((field) => field.name === name);
}

/**
 * The comparable form of a header or alias: lower case, accents removed, every run of
 * spaces, punctuation and underscores collapsed to one space. "E-Mail Address" and
 * "email_address" both become "e mail address"/"email address"-style keys, so the
 * alias list need not spell every variant.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}
