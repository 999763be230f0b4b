import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { JobStore, exportPatch, importPatch, importStartPatch, metricsPatch } from '../../../../src/core/jobs';
import { MemoryStorage, exportJob, fileImport, metrics } from './helpers';

describe('API state → job patch', () => {
  it('maps every import status onto our statuses', () => {
    const status = (s: Parameters<typeof fileImport>[0], m = metrics(10)): string | undefined => importPatch(fileImport(s), m).status;
    assert.equal(status({ status: 'not_started' }), 'queued');
    assert.equal(status({ status: 'on_hold' }), 'queued');
    assert.equal(status({ status: 'in_progress' }), 'running');
    assert.equal(status({ status: 'completed' }), 'done');
    assert.equal(status({ status: 'completed' }, metrics(10, 0, 1)), 'partial');
    assert.equal(status({ status: 'contacts_limit_achieved' }), 'partial');
    assert.equal(status({ status: 'failed' }), 'failed');
  });

  it('counts processed rows from the metrics and keeps row errors', () => {
    const patch = importPatch(fileImport({ rowsCount: 100, errors: [{ row: 17, message: 'no identifier' }] }), metrics(50, 5, 1, 44));
    assert.deepEqual(patch.progress, { done: 56, total: 100 });
    assert.deepEqual(patch.rowErrors, [{ row: 17, message: 'no identifier' }]);
    assert.equal(patch.counts?.queued, 44);
  });

  it('explains a contacts limit', () => {
    assert.match(importPatch(fileImport({ status: 'contacts_limit_achieved' }), undefined).message ?? '', /contacts limit/);
  });

  it('treats an export as done only when it has files', () => {
    assert.equal(exportPatch(exportJob({ status: 'queued' })).status, 'queued');
    assert.equal(exportPatch(exportJob({ status: 'done', files: [] })).status, 'running');
    assert.equal(exportPatch(exportJob({ status: 'done', files: ['a.csv'] })).status, 'done');
    assert.equal(exportPatch(exportJob({ status: 'failed' })).status, 'failed');
    assert.deepEqual(exportPatch(exportJob({ progress: { processed: 2_000, total: 3_000 } })).progress, { done: 2_000, total: 3_000 });
  });

  it('maps completed to done and cancelled to a state of its own, with its own words', () => {
    assert.equal(exportPatch(exportJob({ status: 'completed', files: ['a.csv'] })).status, 'done');
    const cancelled = exportPatch(exportJob({ status: 'cancelled' }));
    assert.equal(cancelled.status, 'cancelled');
    assert.match(cancelled.message ?? '', /cancelled on GetSales/);
  });

  it('keeps an unknown status raw, follows the job as running and says so', () => {
    const imported = importPatch(fileImport({ status: 'unknown', rawStatus: 'paused_by_admin' }), undefined);
    assert.deepEqual([imported.status, imported.remoteStatus], ['running', 'paused_by_admin']);
    assert.match(imported.message ?? '', /"paused_by_admin", a status this version does not know; still following it/);
    const exported = exportPatch(exportJob({ status: 'unknown', rawStatus: 'archiving' }));
    assert.deepEqual([exported.status, exported.remoteStatus], ['running', 'archiving']);
    assert.deepEqual(importStartPatch({ uuid: 'u', status: 'in_progress', rawStatus: 'in_progress' }), { status: 'running', remoteStatus: 'in_progress', message: undefined });
  });

  it('a round of batch counters keeps what the status word said and clears a stale problem line', () => {
    const store = new JobStore({ storage: new MemoryStorage() });
    const odd = store.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'i1', label: 'a.csv', state: importPatch(fileImport({ status: 'unknown', rawStatus: 'paused_by_admin' }), undefined) });
    assert.match(metricsPatch({ ...odd, message: 'Could not reach GetSales.' }, metrics(3)).message ?? '', /"paused_by_admin", a status this version does not know/);
    const plain = store.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'i2', label: 'b.csv', state: importPatch(fileImport({ status: 'in_progress' }), undefined) });
    assert.equal(metricsPatch({ ...plain, message: 'Could not reach GetSales.' }, metrics(3)).message, undefined);
  });
});
