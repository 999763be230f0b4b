import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { DecodeError } from '../../../../src/shared/decode';
import { isExportReady, isImportFinished } from '../../../../src/core/api/models';
import {
  decodeDataSource, decodeErrorBody, decodeExport, decodeExportStart, decodeImportStart, decodeImportsPage, decodeListsPage,
  decodeMassActionsPage, decodeMetricsMap, decodeTagsPage, decodeUpload, encodeExportRequest, encodeImportCompanies,
  encodeImportContacts, listImportsQuery, listListsQuery,
  decodeCancelAnswer, decodeTotal, encodeCountCompaniesRequest, encodeCountContactsRequest,
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
    const decoded = decodeUpload(importJson);
    assert.deepEqual(decoded, {
      uuid: 'imp-1', type: 'csv_leads', status: 'not_started', rawStatus: 'not_started', listUuid: undefined,
      fileName: 'contacts.csv', delimiter: ',', rowsCount: 5234,
      csvHeaders: ['First Name', 'Email', 'LinkedIn'],
      csvPreview: [['Ada', 'ada@x.io', 'linkedin.com/in/ada']],
      matches: { first_name: 0, work_email: 1, linkedin_id: 2 },
      metrics: undefined, errors: [],
      createdAt: '2026-11-28T10:00:00Z', updatedAt: '2026-11-28T10:00:01Z',
    });
  });

  it('accepts matches keyed by header name and as an array of {field|target, column|index|source}', () => {
    assert.deepEqual(decodeUpload({ ...importJson, matches: { first_name: 'First Name', linkedin_id: 'LinkedIn', work_email: null } }).matches,
      { first_name: 0, linkedin_id: 2 });
    assert.deepEqual(decodeUpload({ ...importJson, matches: [
      { field: 'first_name', column: 0 }, { target: 'work_email', index: 1 }, { field: 'linkedin_id', source: 'LinkedIn' },
    ] }).matches, { first_name: 0, work_email: 1, linkedin_id: 2 });
  });

  it('accepts preview rows as objects keyed by header, aligned to csv_headers', () => {
    const decoded = decodeUpload({ ...importJson, csv_preview: [{ Email: 'a@b.c', 'First Name': 'Ada', LinkedIn: null }] });
    assert.deepEqual(decoded.csvPreview, [['Ada', 'a@b.c', '']]);
  });

  it('reads embedded metrics and row errors', () => {
    const decoded = decodeDataSource({ ...importJson, status: 'completed',
      metrics: { queued_records: 0, saved_records: 9, duplicate_records: 1, blacklisted_records: 0, error_records: 1 },
      errors: [{ row: 17, message: 'no identifier' }] });
    assert.equal(decoded.metrics?.savedRecords, 9);
    assert.deepEqual(decoded.errors, [{ row: 17, message: 'no identifier' }]);
  });

  it('names the missing or broken field the extension acts on, never its value', () => {
    assert.equal(decodeErrorPath(() => decodeUpload({ ...importJson, uuid: 7 })), 'upload.uuid');
    assert.equal(decodeErrorPath(() => decodeUpload({ ...importJson, csv_headers: undefined, csv_preview: undefined })), 'upload.csv_headers');
    assert.equal(decodeErrorPath(() => decodeDataSource({ ...importJson, status: undefined })), 'import.status');
    assert.equal(decodeErrorPath(() => decodeDataSource('<html>')), 'import');
    assert.equal(decodeErrorPath(() => decodeExport({ ...exportJson, uuid: undefined })), 'export.uuid');
    assert.equal(decodeErrorPath(() => decodeExport({ ...exportJson, status: undefined })), 'export.status');
    assert.equal(decodeErrorPath(() => decodeExportStart({ team_id: 1 })), 'export.uuid');
    try {
      decodeExport({ ...exportJson, status: 42, uuid: 'secret-value-123' });
      assert.fail('expected a DecodeError');
    } catch (error) {
      assert.ok(error instanceof DecodeError);
      assert.doesNotMatch(error.message, /secret-value-123|42/);
    }
  });
});

describe('wire: the variants of contract §7 (a strict decoder fails each)', () => {
  it('upload: no timestamps, no rows_count, no type or status → only uuid and headers are needed', () => {
    const decoded = decodeUpload({ uuid: 'u1', csv_headers: ['Email'] });
    assert.equal(decoded.uuid, 'u1');
    assert.deepEqual(decoded.csvHeaders, ['Email']);
    assert.equal(decoded.createdAt, undefined);
    assert.equal(decoded.rowsCount, undefined);
    assert.equal(decoded.type, undefined);
    assert.equal(decoded.status, 'not_started');
  });

  it('upload: headers from a preview keyed by header when csv_headers is absent', () => {
    assert.deepEqual(decodeUpload({ uuid: 'u1', csv_preview: [{ Email: 'a@b.c', Name: 'Ada' }] }).csvHeaders, ['Email', 'Name']);
  });

  it('upload: matches of any shape are used when they decode and otherwise ignored with one note', () => {
    const headers = ['First Name', 'Email'];
    const base = { uuid: 'u1', csv_headers: headers };
    assert.deepEqual(decodeUpload({ ...base, matches: { 'First Name': 'first_name', Email: 'work_email' } }).matches, { first_name: 0, work_email: 1 });
    assert.deepEqual(decodeUpload({ ...base, matches: [{ column: 'Email', field: 'work_email' }] }).matches, { work_email: 1 });
    for (const odd of [{ first_name: 9 }, 'first_name', [{ foo: 1 }], { first_name: { deep: true } }, 17]) {
      const notes: string[] = [];
      assert.deepEqual(decodeUpload({ ...base, matches: odd }, 'upload', (line) => notes.push(line)).matches, {});
      assert.equal(notes.length, 1, JSON.stringify(odd));
      assert.match(notes[0] ?? '', /upload\.matches/);
    }
  });

  it('import start: full, partial, empty or not JSON at all → the upload is the job, in progress', () => {
    assert.deepEqual(decodeImportStart({ ...importJson, uuid: 'imp-2', status: 'in_progress' }, 'up'), { uuid: 'imp-2', status: 'in_progress', rawStatus: 'in_progress' });
    assert.deepEqual(decodeImportStart({ uuid: 'imp-2', status: 'in_progress' }, 'up'), { uuid: 'imp-2', status: 'in_progress', rawStatus: 'in_progress' });
    assert.deepEqual(decodeImportStart({}, 'up'), { uuid: 'up', status: 'in_progress', rawStatus: 'in_progress' });
    assert.deepEqual(decodeImportStart(undefined, 'up'), { uuid: 'up', status: 'in_progress', rawStatus: 'in_progress' });
    assert.deepEqual(decodeImportStart('Import job started', 'up'), { uuid: 'up', status: 'in_progress', rawStatus: 'in_progress' });
    assert.deepEqual(decodeImportStart({ message: 'Import job started', status: 'accepted' }, 'up'), { uuid: 'up', status: 'unknown', rawStatus: 'accepted' });
  });

  it('data source: errors items of any object shape or strings; what cannot be read is noted once', () => {
    const notes: string[] = [];
    const decoded = decodeDataSource({ uuid: 'd1', status: 'completed', errors: [
      { row: 3, message: 'a' }, { line: 4, error: 'b' }, { index: '5', reason: 'c' }, 'd', { code: 7 }, 42,
    ] }, 'import', (line) => notes.push(line));
    assert.deepEqual(decoded.errors, [{ row: 3, message: 'a' }, { row: 4, message: 'b' }, { row: 5, message: 'c' }, { row: 0, message: 'd' }]);
    assert.equal(notes.length, 1);
    const notArray = decodeDataSource({ uuid: 'd1', status: 'failed', errors: 'all rows bad' }, 'import', (line) => notes.push(line));
    assert.deepEqual(notArray.errors, []);
  });

  it('data source: an unknown status is kept raw, not an error', () => {
    const decoded = decodeDataSource({ uuid: 'd1', status: 'paused_by_admin' });
    assert.equal(decoded.status, 'unknown');
    assert.equal(decoded.rawStatus, 'paused_by_admin');
    assert.equal(isImportFinished(decoded.status), false);
  });

  it('data-sources list: LinkedIn and Sales Navigator items are skipped, never failing the page', () => {
    const notes: string[] = [];
    const linkedIn = (i: number) => ({ uuid: `li-${i}`, type: 'linkedin_search', status: 'done', payload: { url: 'x' } });
    const page = decodeImportsPage({ data: [linkedIn(1), { ...importJson, status: 'in_progress' }, linkedIn(2), { uuid: 'sn', type: 'sales_navigator_search', status: 7 }] }, 'imports', (line) => notes.push(line));
    assert.deepEqual(page.items.map((i) => i.uuid), ['imp-1']);
    assert.equal(notes.length, 1);
    assert.match(notes[0] ?? '', /skipped 3 of 4/);
  });

  it('export start: {uuid, team_id, type, filter, status: queued} with no timestamps or progress', () => {
    const decoded = decodeExportStart({ uuid: 'e1', team_id: 1, type: 'contact_export_csv', filter: { all: true }, status: 'queued' });
    assert.deepEqual(decoded, { uuid: 'e1', type: 'contact_export_csv', status: 'queued', rawStatus: 'queued', progress: undefined, files: [], createdAt: undefined, updatedAt: undefined });
    assert.equal(decodeExportStart({ uuid: 'e1' }).status, 'queued');
  });

  it('export status: completed is finished, cancelled is its own word, unknown is kept raw', () => {
    const completed = decodeExport({ uuid: 'e1', status: 'completed', result: { files: ['a.csv'] } });
    assert.equal(isExportReady(completed), true);
    assert.equal(decodeExport({ uuid: 'e1', status: 'cancelled' }).status, 'cancelled');
    const odd = decodeExport({ uuid: 'e1', status: 'archiving' });
    assert.deepEqual([odd.status, odd.rawStatus], ['unknown', 'archiving']);
  });

  it('result.files: strings, or objects with file_name, name or path', () => {
    const files = decodeExport({ uuid: 'e1', status: 'done', result: { files: ['a.csv', { file_name: 'b.csv' }, { name: 'c.csv' }, { path: 'd.csv' }] } }).files;
    assert.deepEqual(files, ['a.csv', 'b.csv', 'c.csv', 'd.csv']);
  });

  it('mass actions: a page of mass actions of every kind → only the exports', () => {
    const page = decodeMassActionsPage({ data: [
      { uuid: 'm1', type: 'add_tag', status: 'done' },
      { uuid: 'e1', type: 'contact_export_csv', status: 'completed', result: { files: ['a.csv'] } },
      { uuid: 'e2', type: 'account_export_csv', status: 'cancelled' },
    ], total: 3 });
    assert.deepEqual(page.items.map((e) => [e.uuid, e.type, e.status]), [['e1', 'contact_export_csv', 'completed'], ['e2', 'account_export_csv', 'cancelled']]);
  });

  it('lists and tags: no timestamps needed; one broken item is left out, not the page', () => {
    const notes: string[] = [];
    const lists = decodeListsPage({ data: [{ uuid: 'l1', name: 'Webinar' }, { uuid: 'l2' }] }, 'lists', (line) => notes.push(line));
    assert.deepEqual(lists.items, [{ uuid: 'l1', name: 'Webinar', createdAt: undefined }]);
    assert.equal(notes.length, 1);
    assert.deepEqual(decodeTagsPage({ data: [{ uuid: 't1', name: 'vip', color: '#f00' }] }).items, [{ uuid: 't1', name: 'vip' }]);
  });
});

describe('wire: export', () => {
  it('decodes a finished export with file names as strings or {file_name}', () => {
    assert.deepEqual(decodeExport(exportJson).files, ['contacts-export.csv']);
    assert.deepEqual(decodeExport({ ...exportJson, result: { files: [{ file_name: 'a.csv' }, 'b.csv'] } }).files, ['a.csv', 'b.csv']);
    assert.deepEqual(decodeExport({ ...exportJson, status: 'queued', result: null, progress: undefined }).files, []);
  });

  it('names the broken result file in the error path; a broken progress is ignored', () => {
    assert.equal(decodeErrorPath(() => decodeExport({ ...exportJson, result: { files: [42] } })), 'export.result.files[0]');
    assert.equal(decodeErrorPath(() => decodeExport({ ...exportJson, result: { files: [{ size: 3 }] } })), 'export.result.files[0].file_name');
    assert.equal(decodeExport({ ...exportJson, progress: { processed: 'a', total: 1 } }).progress, undefined);
  });
});

describe('wire: pages, lists, metrics', () => {
  it('decodes a page and derives has_more when absent', () => {
    const list = { uuid: 'l1', team_id: 1, name: 'Webinar', created_at: 'x', updated_at: 'y' };
    const page = decodeListsPage({ data: [list], limit: 1, offset: 0, total: 3 });
    assert.deepEqual(page, { items: [{ uuid: 'l1', name: 'Webinar', createdAt: 'x' }], limit: 1, offset: 0, total: 3, hasMore: true });
    assert.equal(decodeErrorPath(() => decodeListsPage({ items: [list] })), 'lists.data');
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

describe('wire: the export count and cancel (contract §8)', () => {
  it('counts send the export filter: as it is for leads/count, one item of the companies list for its total', () => {
    assert.deepEqual(encodeCountContactsRequest({ kind: 'list', listUuid: 'l-1' }), { filter: { all: true, leadFilter: { list_uuid: 'l-1' } } });
    assert.deepEqual(encodeCountCompaniesRequest({ kind: 'all' }), { limit: 1, offset: 0, filter: { all: true } });
  });

  it('a count is `total` (digit strings too); an answer without it cannot tell', () => {
    assert.equal(decodeTotal({ total: 42 }), 42);
    assert.equal(decodeTotal({ total: '42', data: [] }), 42);
    assert.throws(() => decodeTotal({ data: [] }, 'companies'), (error: unknown) => error instanceof DecodeError && error.path === 'companies.total');
  });

  it('a cancel answer adds detail only when it reads as an export', () => {
    assert.equal(decodeCancelAnswer(undefined), undefined);
    const notes: string[] = [];
    assert.equal(decodeCancelAnswer({ message: 'Aborted' }, 'cancel', (line) => notes.push(line)), undefined);
    assert.equal(notes.length, 1);
    assert.equal(decodeCancelAnswer({ uuid: 'e-1', type: 'contact_export_csv', status: 'cancelled' })?.status, 'cancelled');
  });
});
