/** Export filters from untrusted arguments, pasted UUIDs, the job label and the stored shape Retry reads back. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ExportFilter } from '../../../../src/core/api';
import { DecodeError } from '../../../../src/shared/decode';
import {
  decodeExportFilter, describeExportFilter, filterData, isUuid, parsePastedUuids, preview,
} from '../../../../src/core/export/export-filter';

const A = '0b6f3a52-1c4e-4d8a-9f1e-6a2b3c4d5e6f';
const B = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
const C = '12345678-9abc-def0-1234-56789abcdef0';

function refusal(value: unknown): string {
  try {
    decodeExportFilter(value);
  } catch (error) {
    assert.ok(error instanceof DecodeError, `expected a DecodeError, got ${String(error)}`);
    return error.message;
  }
  return assert.fail('expected a refusal');
}

describe('isUuid', () => {
  it('accepts the 8-4-4-4-12 hex form in any case and nothing else', () => {
    assert.ok(isUuid(A));
    assert.ok(isUuid(A.toUpperCase()));
    assert.ok(!isUuid(`${A}0`));
    assert.ok(!isUuid(` ${A}`));
    assert.ok(!isUuid(A.replace(/-/g, '')));
    assert.ok(!isUuid('0b6f3a52-1c4e-4d8a-9f1e-6a2b3c4d5e6g'));
  });
});

describe('parsePastedUuids', () => {
  it('splits on whitespace, commas, semicolons, quotes and pipes', () => {
    const { ids, rejected } = parsePastedUuids(`"${A}",\t'${B}';\n${C}|`);
    assert.deepEqual(ids, [A, B, C]);
    assert.deepEqual(rejected, []);
  });

  it('lower-cases, keeps the first occurrence only, and returns what is not a UUID', () => {
    const { ids, rejected } = parsePastedUuids(`${B.toUpperCase()} uuid ${A} ${B} 42 ${A.toUpperCase()}`);
    assert.deepEqual(ids, [B, A]);
    assert.deepEqual(rejected, ['uuid', '42']);
  });

  it('returns nothing for blank text', () => {
    assert.deepEqual(parsePastedUuids(' \n,;'), { ids: [], rejected: [] });
  });
});

describe('decodeExportFilter', () => {
  it('refuses values that are not filters at all, naming the path', () => {
    assert.equal(refusal(undefined), 'filter: expected an object, got nothing');
    assert.equal(refusal('all'), 'filter: expected an object, got a string');
    assert.equal(refusal([]), 'filter: expected an object, got an array');
    assert.equal(refusal({ q: 'x' }), 'filter.kind: expected one of all, ids, list, search, got nothing');
    assert.throws(() => decodeExportFilter(null, 'job.data.filter'), (error: unknown) => error instanceof DecodeError && error.path === 'job.data.filter');
  });

  it('reads each kind, trimming text and dropping unknown keys', () => {
    assert.deepEqual(decodeExportFilter({ kind: 'all', extra: 1 }), { kind: 'all' });
    assert.deepEqual(decodeExportFilter({ kind: 'list', listUuid: ` ${A} ` }), { kind: 'list', listUuid: A });
    assert.deepEqual(decodeExportFilter({ kind: 'search', q: '  cto  ' }), { kind: 'search', q: 'cto' });
    assert.deepEqual(decodeExportFilter({ kind: 'search', q: 'cto', listUuid: A }), { kind: 'search', q: 'cto', listUuid: A });
    assert.deepEqual(decodeExportFilter({ kind: 'search', q: 'cto', listUuid: '  ' }), { kind: 'search', q: 'cto' });
    assert.deepEqual(decodeExportFilter({ kind: 'ids', ids: [B.toUpperCase(), A, B] }), { kind: 'ids', ids: [B, A] });
    assert.deepEqual(decodeExportFilter({ kind: 'ids', ids: [A], excludeIds: [C] }), { kind: 'ids', ids: [A], excludeIds: [C] });
    assert.deepEqual(decodeExportFilter({ kind: 'ids', ids: [A], excludeIds: [] }), { kind: 'ids', ids: [A] });
  });

  it('refuses an unusable filter, naming the field and never echoing its values', () => {
    assert.equal(refusal({ kind: 'everything' }), 'filter.kind: expected one of all, ids, list, search, got another string');
    assert.equal(refusal({ kind: 'list' }), 'filter.listUuid: expected a string, got nothing');
    assert.equal(refusal({ kind: 'list', listUuid: ' ' }), 'filter.listUuid: expected a non-empty string');
    assert.equal(refusal({ kind: 'search', q: '' }), 'filter.q: expected a non-empty string');
    assert.equal(refusal({ kind: 'ids', ids: [] }), 'filter.ids: has no UUIDs to export');
    assert.equal(refusal({ kind: 'ids', ids: A }), 'filter.ids: expected an array, got a string');
    assert.equal(refusal({ kind: 'ids', ids: [A, 7] }), 'filter.ids[1]: expected a string, got a number');
    assert.equal(refusal({ kind: 'ids', ids: [A], excludeIds: [1] }), 'filter.excludeIds[0]: expected a string, got a number');
    assert.equal(refusal({ kind: 'ids', ids: [A, 'bob', 'x'.repeat(50)] }), 'filter.ids[1]: expected a UUID');
  });
});

describe('describeExportFilter', () => {
  it('labels each kind for contacts and companies', () => {
    assert.equal(describeExportFilter({ kind: 'all' }, 'contacts'), 'All contacts');
    assert.equal(describeExportFilter({ kind: 'all' }, 'companies'), 'All companies');
    assert.equal(describeExportFilter({ kind: 'list', listUuid: A }, 'contacts', { listName: 'Demo: Berlin CTOs' }), 'Contacts in Demo: Berlin CTOs');
    assert.equal(describeExportFilter({ kind: 'list', listUuid: A }, 'companies'), `Companies in list ${A}`);
    assert.equal(describeExportFilter({ kind: 'search', q: 'cto' }, 'contacts'), 'Contacts matching “cto”');
  });

  it('counts hand-picked UUIDs with the right singular and plural, and names their source', () => {
    assert.equal(describeExportFilter({ kind: 'ids', ids: [A] }, 'contacts'), '1 contact by UUID');
    assert.equal(describeExportFilter({ kind: 'ids', ids: [A] }, 'companies'), '1 company by UUID');
    assert.equal(describeExportFilter({ kind: 'ids', ids: [A, B] }, 'companies', { source: 'leads.csv' }), '2 companies from leads.csv');
    const many = Array.from({ length: 1234 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    assert.equal(describeExportFilter({ kind: 'ids', ids: many }, 'contacts'), '1,234 contacts by UUID');
  });
});

describe('preview', () => {
  it('quotes the first three, shortens long items and counts the rest', () => {
    assert.equal(preview(['a']), '“a”');
    assert.equal(preview(['a', 'b', 'c']), '“a”, “b”, “c”');
    assert.equal(preview(['a', 'b', 'c', 'd', 'e']), '“a”, “b”, “c” and 2 more');
    assert.equal(preview(['a', 'b'], 1), '“a” and 1 more');
    assert.equal(preview(['y'.repeat(41)]), `“${'y'.repeat(40)}…”`);
    assert.equal(preview(['y'.repeat(40)]), `“${'y'.repeat(40)}”`);
  });
});

describe('filterData', () => {
  it('stores every kind in a form decodeExportFilter reads back unchanged', () => {
    const filters: ExportFilter[] = [
      { kind: 'all' },
      { kind: 'list', listUuid: A },
      { kind: 'search', q: 'cto' },
      { kind: 'search', q: 'cto', listUuid: A },
      { kind: 'ids', ids: [A, B] },
      { kind: 'ids', ids: [A], excludeIds: [C] },
    ];
    for (const filter of filters) {
      const stored: unknown = JSON.parse(JSON.stringify(filterData(filter)));
      assert.deepEqual(decodeExportFilter(stored), filter);
    }
  });

  it('copies id arrays, so a later change to the filter does not change the stored job', () => {
    const ids = [A];
    const data = filterData({ kind: 'ids', ids });
    ids.push(B);
    assert.deepEqual(data, { kind: 'ids', ids: [A] });
  });
});
