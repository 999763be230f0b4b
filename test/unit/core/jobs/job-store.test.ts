import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { JOBS_STORAGE_KEY, type Job, type JobChange, JobStore } from '../../../../src/core/jobs';
import { MemoryStorage } from './helpers';

function newStore(storage = new MemoryStorage(), now = (): number => 1_000): { store: JobStore; storage: MemoryStorage; problems: string[] } {
  const problems: string[] = [];
  return { store: new JobStore({ storage, now, onProblem: (p) => problems.push(p) }), storage, problems };
}

const contactsImport = { entity: 'contacts', connection: 'sandbox', remoteUuid: 'u-1', label: 'contacts.csv', sourcePath: '/tmp/contacts.csv' } as const;

describe('JobStore', () => {
  it('adds an import as a queued job with a stable id, and adding it again returns the same job', () => {
    const { store } = newStore();
    const job = store.addImport(contactsImport);
    assert.equal(job.id, 'import:u-1');
    assert.equal(job.status, 'queued');
    assert.equal(job.sourcePath, '/tmp/contacts.csv');
    assert.equal(store.addImport({ ...contactsImport, label: 'other.csv' }), job);
    assert.equal(store.all().length, 1);
  });

  it('fires added, updated and removed changes', () => {
    const { store } = newStore();
    const changes: JobChange['type'][] = [];
    store.onDidChange((change) => changes.push(change.type));
    const job = store.addExport({ entity: 'companies', connection: 'account', remoteUuid: 'e-1', label: 'All companies' });
    store.patch(job.id, { status: 'running' });
    store.remove(job.id);
    assert.deepEqual(changes, ['added', 'updated', 'removed']);
    assert.equal(store.get(job.id), undefined);
  });

  it('fires onDidFinish once, when a job leaves the active states, and stamps finishedAt', () => {
    let now = 1_000;
    const { store } = newStore(new MemoryStorage(), () => now);
    const finished: Job[] = [];
    store.onDidFinish((job) => finished.push(job));
    const job = store.addImport(contactsImport);
    now = 2_000;
    store.patch(job.id, { status: 'running' });
    now = 45_000;
    store.patch(job.id, { status: 'done' });
    store.patch(job.id, { status: 'done', label: 'renamed.csv' });
    assert.equal(finished.length, 1);
    assert.equal(finished[0]?.finishedAt, 45_000);
    assert.equal(store.get(job.id)?.label, 'renamed.csv');
  });

  it('does not fire onDidFinish for a job added already finished (nobody watched it run)', () => {
    const { store } = newStore();
    let finished = 0;
    store.onDidFinish(() => (finished += 1));
    const job = store.addImport({ ...contactsImport, discovered: true, state: { status: 'done', remoteStatus: 'completed' } });
    assert.equal(job.status, 'done');
    assert.equal(job.finishedAt, 1_000);
    assert.equal(finished, 0);
  });

  it('merges data key by key so features do not erase each other', () => {
    const { store } = newStore();
    const job = store.addExport({ entity: 'contacts', connection: 'account', remoteUuid: 'e-2', label: 'List: Webinar', data: { filter: { kind: 'all' } } });
    store.patch(job.id, { data: { downloadedTo: '/tmp/x.csv' } });
    assert.deepEqual(store.get(job.id)?.data, { filter: { kind: 'all' }, downloadedTo: '/tmp/x.csv' });
  });

  it('clearFinished removes only finished jobs', () => {
    const { store } = newStore();
    store.addImport(contactsImport);
    const done = store.addImport({ ...contactsImport, remoteUuid: 'u-2' });
    const failed = store.addImport({ ...contactsImport, remoteUuid: 'u-3' });
    store.patch(done.id, { status: 'done' });
    store.patch(failed.id, { status: 'failed' });
    assert.equal(store.clearFinished(), 2);
    assert.deepEqual(store.all().map((job) => job.id), ['import:u-1']);
  });

  it('persists every change, and a new store on the same storage (a reload) sees the same jobs', async () => {
    const { store, storage } = newStore();
    const running = store.addImport(contactsImport);
    store.patch(running.id, { status: 'running', progress: { done: 1_000, total: 5_000 }, counts: { queued: 0, saved: 990, duplicates: 10, blacklisted: 0, errors: 0 } });
    const done = store.addExport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'e-1', label: 'All contacts' });
    store.patch(done.id, { status: 'done', files: ['contacts-export.csv'] });
    await store.flush();
    store.dispose();

    const { store: reloaded, problems } = newStore(storage);
    assert.deepEqual(problems, []);
    assert.deepEqual(reloaded.all(), store.all());
    assert.deepEqual(reloaded.active().map((job) => job.id), ['import:u-1']);
    assert.deepEqual(reloaded.get('export:e-1')?.files, ['contacts-export.csv']);
  });

  it('drops stored entries that do not fit, keeps the rest, and reports each drop', () => {
    const storage = new MemoryStorage();
    const { store } = newStore(storage);
    store.addImport(contactsImport);
    return store.flush().then(() => {
      const stored = storage.get<{ version: number; jobs: unknown[] }>(JOBS_STORAGE_KEY);
      assert.ok(stored);
      storage.setRaw(JOBS_STORAGE_KEY, JSON.stringify({ version: 1, jobs: [...stored.jobs, { id: 'import:x', kind: 'import', status: 'exploded' }] }));
      const { store: reloaded, problems } = newStore(storage);
      assert.deepEqual(reloaded.all().map((job) => job.id), ['import:u-1']);
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', /^stored job dropped: jobs\[1\]\./);
    });
  });

  it('starts empty (and says why) when the stored value is from an unknown version', () => {
    const storage = new MemoryStorage();
    storage.setRaw(JOBS_STORAGE_KEY, JSON.stringify({ version: 99, jobs: [] }));
    const { store, problems } = newStore(storage);
    assert.equal(store.all().length, 0);
    assert.match(problems[0] ?? '', /version 99/);
  });

  it('reportAuthNeeded keeps the job state, records the message, and raises the auth event', () => {
    const { store } = newStore();
    const job = store.addImport(contactsImport);
    store.patch(job.id, { status: 'running', progress: { done: 2_000, total: 5_000 } });
    const raised: Job[] = [];
    store.onAuthNeeded((j) => raised.push(j));
    store.reportAuthNeeded(job.id, 'Sign in again.');
    const after = store.get(job.id);
    assert.equal(after?.status, 'running');
    assert.deepEqual(after?.progress, { done: 2_000, total: 5_000 });
    assert.equal(after?.message, 'Sign in again.');
    assert.equal(raised.length, 1);
  });

  it('lists newest first', () => {
    let now = 1;
    const { store } = newStore(new MemoryStorage(), () => now);
    store.addImport(contactsImport);
    now = 2;
    store.addImport({ ...contactsImport, remoteUuid: 'u-2' });
    assert.deepEqual(store.all().map((job) => job.remoteUuid), ['u-2', 'u-1']);
  });
});
