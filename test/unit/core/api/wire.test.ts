import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { DecodeError } from '../../../../src/shared/decode';
import {
  decodeErrorBody, decodeExport, decodeFileImport, decodeMetricsMap, decodePage, decodeContactList,
  encodeExportRequest, encodeImportCompanies, encodeImportContacts, listImportsQuery, listListsQuery,
} from '../../../../src/core/api/wire';

const importJson = {
  uuid: 'imp-1', team_id: 1, user_id: 1, type: 'csv_leads', status: 'not_started', list_uuid: null,
  payload: { file_name: 'contacts.csv', delimiter: ',', rows_count: 5234 },
  csv_headers: ['First Name', 'Email', 'LinkedIn'],
  csv_preview: [['Ada', 'ada@x.io', 'linkedin.com/in/ada']],
  matches: { first_name: 0, work_email: 1, linkedin_id: 2 },
  created_at: '2026-11-28T10:00:00Z', updated_at: '2026-11-28T10:00:01Z',
};

const exportJson = {
  uuid: 'exp-1', team_id: 1, type: 'contact_export_csv', filter: { all: true }, status: 'done',
  result: { files: ['contacts-export.csv'] }, progress: { processed: 12, total: 12 },
  created_at: '2026-11-28T10:00:00Z', updated_at: '2026-11-28T10:00:05Z',
};

function decodeErrorPath(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DecodeError, `expected DecodeError, got ${String(error)}`);
    return error.path;
  }
  assert.fail('expected a DecodeError');
}

describe('wire: file import', () => {
  it('decodes the contract example into the domain shape', () => {
    const decoded = decodeFileImport(importJson);
    assert.deepEqual(decoded, {
      uuid: 'imp-1', type: 'csv_leads', status: 'not_started', listUuid: undefined,
      fileName: 'contacts.csv', delimiter: ',', rowsCount: 5234,
      csvHeaders: ['First Name', 'Email', 'LinkedIn'],
      csvPreview: [['Ada', 'ada@x.io', 'linkedin.com/in/ada']],
      matches: { first_name: 0, work_email: 1, linkedin_id: 2 },
      metrics: undefined, errors: [],
      createdAt: '2026-11-28T10:00:00Z', updatedAt: '2026-11-28T10:00:01Z',
    });
  });

  it('accepts matches keyed by header name and as an array of {field|target, column|index|source}', () => {
    assert.deepEqual(decodeFileImport({ ...importJson, matches: { first_name: 'First Name', linkedin_id: 'LinkedIn', work_email: null } }).matches,
      { first_name: 0, linkedin_id: 2 });
    assert.deepEqual(decodeFileImport({ ...importJson, matches: [
      { field: 'first_name', column: 0 }, { target: 'work_email', index: 1 }, { field: 'linkedin_id', source: 'LinkedIn' },
    ] }).matches, { first_name: 0, work_email: 1, linkedin_id: 2 });
  });

  it('accepts preview rows as objects keyed by header, aligned to csv_headers', () => {
    const decoded = decodeFileImport({ ...importJson, csv_preview: [{ Email: 'a@b.c', 'First Name': 'Ada', LinkedIn: null }] });
    assert.deepEqual(decoded.csvPreview, [['Ada', 'a@b.c', '']]);
  });

  it('reads embedded metrics and row errors', () => {
    const decoded = decodeFileImport({ ...importJson, status: 'completed',
      metrics: { queued_records: 0, saved_records: 9, duplicate_records: 1, blacklisted_records: 0, error_records: 1 },
      errors: [{ row: 17, message: 'no identifier' }] });
    assert.equal(decoded.metrics?.savedRecords, 9);
    assert.deepEqual(decoded.errors, [{ row: 17, message: 'no identifier' }]);
  });

  it('names the failing field in every DecodeError', () => {
    assert.equal(decodeErrorPath(() => decodeFileImport({ ...importJson, uuid: 7 })), 'import.uuid');
    assert.equal(decodeErrorPath(() => decodeFileImport({ ...importJson, status: 'exploded' })), 'import.status');
    assert.equal(decodeErrorPath(() => decodeFileImport({ ...importJson, matches: { first_name: 9 } })), 'import.matches.first_name');
    assert.equal(decodeErrorPath(() => decodeFileImport({ ...importJson, matches: { first_name: 'Nope' } })), 'import.matches.first_name');
    assert.equal(decodeErrorPath(() => decodeFileImport({ ...importJson, csv_preview: [['ok', {}]] })), 'import.csv_preview[0][1]');
    assert.equal(decodeErrorPath(() => decodeFileImport({ ...importJson, payload: { rows_count: -1 } })), 'import.payload.rows_count');
    assert.equal(decodeErrorPath(() => decodeFileImport('<html>')), 'import');
  });
});

describe('wire: export', () => {
  it('decodes a finished export with file names as strings or {file_name}', () => {
    assert.deepEqual(decodeExport(exportJson).files, ['contacts-export.csv']);
    assert.deepEqual(decodeExport({ ...exportJson, result: { files: [{ file_name: 'a.csv' }, 'b.csv'] } }).files, ['a.csv', 'b.csv']);
    assert.deepEqual(decodeExport({ ...exportJson, status: 'queued', result: null, progress: undefined }).files, []);
  });

  it('names the broken result file in the error path', () => {
    assert.equal(decodeErrorPath(() => decodeExport({ ...exportJson, result: { files: [42] } })), 'export.result.files[0]');
    assert.equal(decodeErrorPath(() => decodeExport({ ...exportJson, result: { files: [{ name: 'x' }] } })), 'export.result.files[0].file_name');
    assert.equal(decodeErrorPath(() => decodeExport({ ...exportJson, progress: { processed: 'a', total: 1 } })), 'export.progress.processed');
  });
});

describe('wire: pages, lists, metrics', () => {
  it('decodes a page and derives has_more when absent', () => {
    const list = { uuid: 'l1', team_id: 1, name: 'Webinar', created_at: 'x', updated_at: 'y' };
    const page = decodePage({ data: [list], limit: 1, offset: 0, total: 3 }, 'lists', decodeContactList);
    assert.deepEqual(page, { items: [{ uuid: 'l1', name: 'Webinar', createdAt: 'x', updatedAt: 'y' }], limit: 1, offset: 0, total: 3, hasMore: true });
    assert.equal(decodeErrorPath(() => decodePage({ data: [{ ...list, name: null }] }, 'lists', decodeContactList)), 'lists.data[0].name');
  });

  it('decodes a metrics map, tolerating digit strings', () => {
    const map = decodeMetricsMap({ u1: { queued_records: '3', saved_records: 2, duplicate_records: 0, blacklisted_records: 0, error_records: 1 } });
    assert.deepEqual(map, { u1: { queuedRecords: 3, savedRecords: 2, duplicateRecords: 0, blacklistedRecords: 0, errorRecords: 1 } });
    assert.equal(decodeErrorPath(() => decodeMetricsMap({ u1: { saved_records: 1.5 } })), 'metrics.u1.saved_records');
  });
});

describe('wire: requests', () => {
  it('encodes import bodies in snake_case and leaves out unset options', () => {
    assert.deepEqual(encodeImportContacts({ columns: { work_email: 1 }, listUuid: 'l1', tags: ['t'], updateIfExists: false }),
      { columns: { work_email: 1 }, list_uuid: 'l1', tags: ['t'], update_if_exists: false });
    assert.deepEqual(encodeImportCompanies({ columns: { name: 0 }, listUuids: ['l1'] }), { columns: { name: 0 }, list_uuids: ['l1'] });
  });

  it('encodes every export filter for contacts and companies', () => {
    assert.deepEqual(encodeExportRequest({ kind: 'all' }, 'contacts'), { filter: { all: true } });
    assert.deepEqual(encodeExportRequest({ kind: 'ids', ids: ['a'] }, 'contacts'), { filter: { all: false, ids: ['a'], excludeIds: [] } });
    assert.deepEqual(encodeExportRequest({ kind: 'list', listUuid: 'l1' }, 'contacts'), { filter: { all: true, leadFilter: { list_uuid: 'l1' } } });
    assert.deepEqual(encodeExportRequest({ kind: 'list', listUuid: 'l1' }, 'companies'), { filter: { all: true, companyFilter: { lists: ['l1'] } } });
    assert.deepEqual(encodeExportRequest({ kind: 'search', q: 'cto' }, 'contacts'), { filter: { all: true, leadFilter: { q: 'cto' } } });
    assert.deepEqual(encodeExportRequest({ kind: 'search', q: 'saas' }, 'companies'), { filter: { all: true, companyFilter: { q: 'saas' } } });
  });

  it('builds list queries with the contract parameter names', () => {
    assert.deepEqual(listImportsQuery({ type: 'csv_accounts', limit: 5 }),
      { 'filter[type]': 'csv_accounts', limit: 5, offset: undefined, order_field: 'created_at', order_type: 'desc' });
    assert.deepEqual(listListsQuery({ q: 'web' }), { 'filter[q]': 'web', limit: undefined, offset: undefined });
  });
});

describe('wire: error bodies', () => {
  it('reads the error envelope with field messages', () => {
    const body = decodeErrorBody(JSON.stringify({ error: { reason: 'validation_error', message: 'The columns field is required.', data: { columns: ['The columns field is required.'] } }, message: 'Validation failed', code: 422 }));
    assert.deepEqual(body, { reason: 'validation_error', message: 'The columns field is required.', fields: { columns: ['The columns field is required.'] } });
  });

  it('survives HTML, empty and odd bodies', () => {
    const empty = { reason: undefined, message: undefined, fields: {} };
    assert.deepEqual(decodeErrorBody('<html><body>Bad gateway</body></html>'), empty);
    assert.deepEqual(decodeErrorBody(''), empty);
    assert.deepEqual(decodeErrorBody('null'), empty);
    assert.equal(decodeErrorBody('{"message":"Too many"}').message, 'Too many');
  });
});
