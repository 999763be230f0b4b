import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { JobStore } from '../../../../src/core/jobs';
import { jobFromArgument } from '../../../../src/core/jobs/job-argument';
import { UserError } from '../../../../src/core/user-error';
import { MemoryStorage } from './helpers';

function storeWithJobs(): { store: JobStore; importId: string; exportId: string } {
  const store = new JobStore({ storage: new MemoryStorage(), now: () => 0 });
  const imported = store.addImport({ entity: 'contacts', connection: 'account', remoteUuid: 'imp', label: 'contacts.csv' });
  const exported = store.addExport({ entity: 'companies', connection: 'sandbox', remoteUuid: 'exp', label: 'All companies' });
  return { store, importId: imported.id, exportId: exported.id };
}

describe('the job a command is about', () => {
  it('is found by id and by tree element, and read again from the store', () => {
    const { store, importId } = storeWithJobs();
    const stale = store.get(importId);
    assert.ok(stale);
    store.patch(importId, { message: 'newer' });
    assert.equal(jobFromArgument(store, importId).message, 'newer');
    assert.equal(jobFromArgument(store, stale).message, 'newer');
  });

  it('asks to pick one when the argument names no job', () => {
    const { store } = storeWithJobs();
    for (const arg of [undefined, 'import:gone', { id: 42 }, {}]) {
      assert.throws(() => jobFromArgument(store, arg), (error: unknown) => error instanceof UserError && error.message === 'Pick a job in the GetSales Jobs view first.');
    }
    assert.throws(() => jobFromArgument(store, 'export:gone', 'export'), /Pick an export in the GetSales Jobs view first\./);
  });

  it('refuses a job of the other kind, naming it', () => {
    const { store, importId, exportId } = storeWithJobs();
    assert.equal(jobFromArgument(store, exportId, 'export').id, exportId);
    assert.throws(() => jobFromArgument(store, importId, 'export'), (error: unknown) => error instanceof UserError && error.message === '“contacts.csv” is an import; this works on exports only.');
    assert.throws(() => jobFromArgument(store, exportId, 'import'), /“All companies” is an export; this works on imports only\./);
  });
});
