import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { COMPANY_FIELDS, CONTACT_FIELDS, IDENTIFIER_FIELDS, fieldsFor, normalizeHeader } from '../../../../src/core/mapping/catalogue';

describe('field catalogue', () => {
  it('lists the contract §5 contact fields in order', () => {
    assert.deepEqual(CONTACT_FIELDS.map((f) => f.name), [
      'first_name', 'last_name', 'name', 'company_name', 'position', 'headline', 'about', 'raw_address',
      'work_email', 'personal_email', 'work_phone_number', 'personal_phone_number', 'linkedin_id', 'facebook', 'twitter', 'tags',
    ]);
  });

  it('lists the contract §5 company fields in order', () => {
    assert.deepEqual(COMPANY_FIELDS.map((f) => f.name), [
      'name', 'domain', 'website', 'linkedin_id', 'industry', 'employees_range', 'hq_raw_address', 'phone', 'about', 'facebook', 'twitter', 'tags',
    ]);
  });

  it('names identifier fields that exist in each catalogue', () => {
    for (const kind of ['contacts', 'companies'] as const) {
      const names = fieldsFor(kind).map((f) => f.name);
      for (const id of IDENTIFIER_FIELDS[kind]) assert.ok(names.includes(id), `${kind}: ${id}`);
    }
  });

  it('has no alias that normalises to two different fields of one kind', () => {
    for (const kind of ['contacts', 'companies'] as const) {
      const owner = new Map<string, string>();
      for (const field of fieldsFor(kind)) {
        for (const key of [field.name, field.label, ...field.aliases].map(normalizeHeader)) {
          const previous = owner.get(key);
          assert.ok(previous === undefined || previous === field.name, `${kind}: "${key}" is claimed by ${previous} and ${field.name}`);
          owner.set(key, field.name);
        }
      }
    }
  });
});

describe('normalizeHeader', () => {
  it('folds case, accents, punctuation and underscores', () => {
    assert.equal(normalizeHeader('  E-Mail  Address '), 'e mail address');
    assert.equal(normalizeHeader('work_email'), 'work email');
    assert.equal(normalizeHeader('Prénom'), 'prenom');
    assert.equal(normalizeHeader('# Employees'), '# employees');
  });
});
