import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkApiColumns, checkMapping, fromApiColumns, toApiColumns } from '../../../../src/core/mapping';

const headers = ['First Name', 'Email', 'E-mail', 'LinkedIn'];

describe('mapping rules', () => {
  it('passes a mapping with an identifier and no repeats', () => {
    const check = checkMapping('contacts', headers, ['first_name', 'work_email', null, 'linkedin_id']);
    assert.deepEqual(check.issues, []);
    assert.deepEqual(check.identifier, { satisfied: true, mapped: ['linkedin_id', 'work_email'], message: 'Identifier: LinkedIn, Work email' });
  });

  it('asks for an identifier when none is mapped', () => {
    const check = checkMapping('contacts', headers, ['first_name', null, null, null]);
    assert.equal(check.identifier.satisfied, false);
    assert.equal(check.identifier.message, 'Map LinkedIn, Work email or Personal email');
    assert.deepEqual(check.issues, [{ code: 'no-identifier', severity: 'error', columns: [], message: 'Map at least one identifier column: LinkedIn, Work email or Personal email. GetSales needs one to recognise each contact.' }]);
    assert.equal(checkMapping('companies', ['Company'], ['name']).identifier.satisfied, true);
    assert.match(checkMapping('companies', ['Industry'], ['industry']).issues[0]?.message ?? '', /LinkedIn or Company name/);
  });

  it('names a field picked twice with both columns', () => {
    const check = checkMapping('contacts', headers, ['first_name', 'work_email', 'work_email', null]);
    assert.deepEqual(check.issues, [{
      code: 'field-used-twice', severity: 'error', field: 'work_email', columns: [1, 2],
      message: 'Work email is picked for columns 2 ("Email") and 3 ("E-mail"); pick it for one column only.',
    }]);
  });

  it('reports unknown fields and columns outside the file', () => {
    const check = checkMapping('contacts', headers, ['shoe_size', 'work_email', null, null, 'about']);
    assert.deepEqual(check.issues.map((i) => [i.code, i.field, i.columns]), [['unknown-field', 'shoe_size', [0]], ['column-out-of-range', 'about', [4]]]);
    assert.equal(check.issues[1]?.message, 'About points at column 5, but the file has 4 columns.');
  });

  it('checks the API form too, where an index can be anything', () => {
    const check = checkApiColumns('companies', ['Company'], { name: 0, domain: 3, website: -1 });
    assert.deepEqual(check.issues.map((i) => [i.code, i.field]), [['column-out-of-range', 'domain'], ['column-out-of-range', 'website']]);
  });

  it('converts between per-column and API forms', () => {
    assert.deepEqual(toApiColumns(['first_name', null, 'work_email', 'work_email']), { first_name: 0, work_email: 2 });
    assert.deepEqual(fromApiColumns({ first_name: 0, work_email: 2, about: 9 }, 3), ['first_name', null, 'work_email']);
  });
});
