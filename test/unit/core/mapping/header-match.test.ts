import type { RecordKind } from '../../../../src/shared/vocabulary';
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fieldsFor, normalizeHeader, proposeMapping, type MappingProposal } from '../../../../src/core/mapping';

/** header → field for every mapped column. */
function mapped(headers: readonly string[], proposal: MappingProposal): Record<string, string> {
  return Object.fromEntries(proposal.mapping.flatMap((field, i) => (field === null ? [] : [[headers[i] ?? '', field]])));
}

function propose(kind: RecordKind, headers: string[], previewRows?: string[][]): Record<string, string> {
  return mapped(headers, proposeMapping({ kind, headers, previewRows }));
}

describe('header matching: exports of other tools', () => {
  it('HubSpot contacts', () => {
    const headers = ['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Job Title', 'Company Name', 'City', 'Country/Region', 'Contact owner', 'Lead Status', 'Create Date', 'LinkedIn URL', 'Twitter Username'];
    assert.deepEqual(propose('contacts', headers), {
      'First Name': 'first_name', 'Last Name': 'last_name', Email: 'work_email', 'Phone Number': 'work_phone_number',
      'Mobile Phone Number': 'personal_phone_number', 'Job Title': 'position', 'Company Name': 'company_name', City: 'raw_address',
      'LinkedIn URL': 'linkedin_id', 'Twitter Username': 'twitter',
    });
  });

  it('HubSpot companies', () => {
    const headers = ['Record ID', 'Company name', 'Company Domain Name', 'Website URL', 'Industry', 'Number of Employees', 'City', 'Country/Region', 'Phone Number', 'LinkedIn Company Page', 'Description', 'Facebook Company Page', 'Twitter Handle', 'Annual Revenue'];
    assert.deepEqual(propose('companies', headers), {
      'Company name': 'name', 'Company Domain Name': 'domain', 'Website URL': 'website', Industry: 'industry', 'Number of Employees': 'employees_range',
      City: 'hq_raw_address', 'Phone Number': 'phone', 'LinkedIn Company Page': 'linkedin_id', Description: 'about', 'Facebook Company Page': 'facebook', 'Twitter Handle': 'twitter',
    });
  });

  it('Salesforce contacts and accounts', () => {
    const contacts = ['Salutation', 'First Name', 'Last Name', 'Title', 'Account Name', 'Mailing City', 'Mailing Country', 'Phone', 'Mobile', 'Email', 'Lead Source', 'Contact Owner', 'Contact ID'];
    assert.deepEqual(propose('contacts', contacts), {
      'First Name': 'first_name', 'Last Name': 'last_name', Title: 'position', 'Account Name': 'company_name', Phone: 'work_phone_number', Mobile: 'personal_phone_number', Email: 'work_email',
    });
    const accounts = ['Account Name', 'Type', 'Industry', 'Billing City', 'Billing Country', 'Phone', 'Website', 'Employees', 'Account Owner', 'Annual Revenue', 'Description'];
    assert.deepEqual(propose('companies', accounts), {
      'Account Name': 'name', Industry: 'industry', Phone: 'phone', Website: 'website', Employees: 'employees_range', Description: 'about',
    });
  });

  it('Apollo people: the person LinkedIn URL, not the company one; no tags from Keywords', () => {
    const headers = ['First Name', 'Last Name', 'Title', 'Company', 'Company Name for Emails', 'Email', 'Email Status', 'Seniority', 'Departments', 'Contact Owner', 'First Phone', 'Work Direct Phone', 'Home Phone', 'Mobile Phone', 'Corporate Phone', 'Other Phone', 'Stage', 'Lists', 'Last Contacted', 'Account Owner', '# Employees', 'Industry', 'Keywords', 'Person Linkedin Url', 'Website', 'Company Linkedin Url', 'Facebook Url', 'Twitter Url', 'City', 'State', 'Country', 'Company Address', 'Company City', 'Company Phone', 'SEO Description', 'Technologies', 'Annual Revenue', 'Apollo Contact Id', 'Apollo Account Id'];
    assert.deepEqual(propose('contacts', headers), {
      'First Name': 'first_name', 'Last Name': 'last_name', Title: 'position', Company: 'company_name', Email: 'work_email', 'Work Direct Phone': 'work_phone_number',
      'Mobile Phone': 'personal_phone_number', 'Person Linkedin Url': 'linkedin_id', 'Facebook Url': 'facebook', 'Twitter Url': 'twitter', City: 'raw_address',
    });
  });

  it('Apollo accounts', () => {
    const headers = ['Company', 'Company Name for Emails', 'Account Stage', 'Lists', '# Employees', 'Industry', 'Account Owner', 'Website', 'Company Linkedin Url', 'Facebook Url', 'Twitter Url', 'Company Street', 'Company City', 'Company Country', 'Company Address', 'Keywords', 'Company Phone', 'SEO Description', 'Technologies', 'Short Description', 'Founded Year', 'Apollo Account Id'];
    assert.deepEqual(propose('companies', headers), {
      Company: 'name', '# Employees': 'employees_range', Industry: 'industry', Website: 'website', 'Company Linkedin Url': 'linkedin_id', 'Facebook Url': 'facebook',
      'Twitter Url': 'twitter', 'Company Address': 'hq_raw_address', 'Company Phone': 'phone', 'Short Description': 'about',
    });
  });

  it('LinkedIn Sales Navigator leads: the public profile URL before the Sales Navigator one', () => {
    const headers = ['First Name', 'Last Name', 'Full Name', 'Job Title', 'Company', 'Company LinkedIn URL', 'Location', 'Sales Navigator URL', 'LinkedIn URL', 'Headline', 'Summary', 'Email', 'Email Status', 'Connection Degree'];
    assert.deepEqual(propose('contacts', headers), {
      'First Name': 'first_name', 'Last Name': 'last_name', 'Full Name': 'name', 'Job Title': 'position', Company: 'company_name', Location: 'raw_address',
      'LinkedIn URL': 'linkedin_id', Headline: 'headline', Summary: 'about', Email: 'work_email',
    });
  });

  it('LinkedIn connections export: the bare "URL" column is recognised by its values', () => {
    const headers = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'];
    const preview = [
      ['Ada', 'Lovelace', 'https://www.linkedin.com/in/ada-lovelace', '', 'Analytical Engines', 'CTO', '01 Jan 2024'],
      ['Bob', 'Builder', 'https://www.linkedin.com/in/bob', 'bob@example.com', 'Builders', 'CEO', '02 Jan 2024'],
    ];
    const proposal = proposeMapping({ kind: 'contacts', headers, previewRows: preview });
    assert.deepEqual(mapped(headers, proposal), {
      'First Name': 'first_name', 'Last Name': 'last_name', URL: 'linkedin_id', 'Email Address': 'work_email', Company: 'company_name', Position: 'position',
    });
    const url = proposal.suggestions.find((s) => s.column === 2);
    assert.deepEqual(url, { column: 2, field: 'linkedin_id', confidence: 0.8, source: 'content', reason: '2 of 2 preview values in "URL" look like LinkedIn profile URLs', note: 'Guessed from the values: check it' });
  });

  it('camelCase headers of scraping tools', () => {
    const headers = ['profileUrl', 'fullName', 'firstName', 'lastName', 'companyName', 'title', 'linkedInProfileUrl', 'location', 'query'];
    assert.deepEqual(propose('contacts', headers), {
      fullName: 'name', firstName: 'first_name', lastName: 'last_name', companyName: 'company_name', title: 'position', linkedInProfileUrl: 'linkedin_id', location: 'raw_address',
    });
  });
});

describe('header matching: stages and reasons', () => {
  it('explains an alias match', () => {
    const { suggestions } = proposeMapping({ kind: 'contacts', headers: ['E-Mail Address'] });
    assert.deepEqual(suggestions, [{ column: 0, field: 'work_email', confidence: 0.9, source: 'alias', reason: 'Header "E-Mail Address" is a known name for Work email', note: '' }]);
  });

  it('matches near misses within the threshold, and not beyond it', () => {
    const { suggestions } = proposeMapping({ kind: 'contacts', headers: ['Emial', 'Compnay Name', 'Frist Name', 'Game', 'Stage'] });
    assert.deepEqual(suggestions.map((s) => [s.column, s.field, s.source, s.confidence]), [
      [0, 'work_email', 'fuzzy', 0.75], [1, 'company_name', 'fuzzy', 0.75], [2, 'first_name', 'fuzzy', 0.75],
    ]);
    assert.equal(suggestions[0]?.reason, 'Header "Emial" is close to "Email", a known name for Work email');
  });

  it('sniffs emails, free-mail addresses, phones, domains and web sites from values', () => {
    const contacts = proposeMapping({
      kind: 'contacts',
      headers: ['A', 'B', 'C', 'D'],
      previewRows: [['ada@acme.com', 'ada@gmail.com', '+44 20 7946 0000', 'x'], ['bob@acme.com', 'bob@yahoo.com', '(555) 123-4567', 'y']],
    });
    assert.deepEqual(contacts.mapping, ['work_email', 'personal_email', 'work_phone_number', null]);
    const companies = proposeMapping({ kind: 'companies', headers: ['Col1', 'Col2'], previewRows: [['acme.com', 'https://acme.com'], ['foo.io', 'https://foo.io/about']] });
    assert.deepEqual(companies.mapping, ['domain', 'website']);
  });

  it('gives each field to one column only, the most confident one', () => {
    const headers = ['Mail', 'Email', 'E-mail'];
    const proposal = proposeMapping({ kind: 'contacts', headers, previewRows: [['a@x.io', 'b@x.io', 'c@x.io']] });
    // All three are aliases (0.9, in catalogue order: "Email" first); the others fall back on their values.
    assert.deepEqual(proposal.mapping, ['personal_email', 'work_email', null]);
  });

  it('lets the server\'s valid matches win and ignores its invalid ones', () => {
    const headers = ['Email', 'Other', 'LinkedIn'];
    const proposal = proposeMapping({
      kind: 'contacts',
      headers,
      serverMatches: { personal_email: 0, bogus_field: 1, linkedin_id: 7, first_name: 'x', work_email: 1.5 },
    });
    assert.deepEqual(proposal.mapping, ['personal_email', null, 'linkedin_id']);
    assert.deepEqual(proposal.suggestions[0], { column: 0, field: 'personal_email', confidence: 0.95, source: 'server', reason: 'GetSales matched column "Email" to Personal email', note: 'Suggested by GetSales' });
    assert.equal(proposal.suggestions[1]?.source, 'exact');
  });

  it('proposes a remembered mapping as it is, skipped columns included', () => {
    const headers = ['Email', 'First Name', 'Notes'];
    const proposal = proposeMapping({ kind: 'contacts', headers, serverMatches: { work_email: 0 }, remembered: ['personal_email', null, 'about'] });
    assert.equal(proposal.fromMemory, true);
    assert.deepEqual(proposal.mapping, ['personal_email', null, 'about']);
    assert.match(proposal.suggestions[0]?.reason ?? '', /You mapped "Email" to Personal email/);
  });

  it('notes who suggested a field only where the header does not say it', () => {
    const notes = (proposal: MappingProposal): string[] => proposal.suggestions.map((s) => s.note);
    // The server agreeing with the header ("Email" is a known name for Work email) needs no note.
    assert.deepEqual(notes(proposeMapping({ kind: 'contacts', headers: ['Email', 'First Name'], serverMatches: { work_email: 0, first_name: 1 } })), ['', '']);
    assert.deepEqual(notes(proposeMapping({ kind: 'contacts', headers: ['Col A'], serverMatches: { work_email: 0 } })), ['Suggested by GetSales']);
    assert.deepEqual(notes(proposeMapping({ kind: 'contacts', headers: ['Emial'] })), ['A near match of the header: check it']);
    assert.deepEqual(notes(proposeMapping({ kind: 'contacts', headers: ['B'], previewRows: [['ada@acme.com'], ['bob@acme.com']] })), ['Guessed from the values: check it']);
    assert.deepEqual(notes(proposeMapping({ kind: 'contacts', headers: ['Email', 'Col B'], remembered: ['work_email', 'first_name'] })), ['', 'As you mapped it before']);
  });

  it('ignores a remembered mapping that does not fit the headers', () => {
    const proposal = proposeMapping({ kind: 'contacts', headers: ['Email'], remembered: ['work_email', 'first_name'] });
    assert.equal(proposal.fromMemory, false);
    assert.deepEqual(proposal.mapping, ['work_email']);
  });
});

describe('catalogue keys', () => {
  it('no alias collides with another field of the same kind once spaces are dropped too', () => {
    for (const kind of ['contacts', 'companies'] as const) {
      const owner = new Map<string, string>();
      for (const field of fieldsFor(kind)) {
        for (const key of [field.name, field.label, ...field.aliases].map((a) => normalizeHeader(a).replace(/ /g, ''))) {
          const previous = owner.get(key);
          assert.ok(previous === undefined || previous === field.name, `${kind}: "${key}" is claimed by ${previous} and ${field.name}`);
          owner.set(key, field.name);
        }
      }
    }
  });
});
