import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  type ImportPart, type Job, JobStore, type PartState, describeJob, describeParts, finishedSentence, needsRunning, nextPart, parentPatch,
} from '../../../../src/core/jobs';
import { discoverRecentImports } from '../../../../src/core/jobs/discover';
import { MemoryStorage, fileImport } from './helpers';

function part(index: number, overrides: Partial<ImportPart> = {}): ImportPart {
  return {
    file: `part-${index + 1}.csv`, sizeBytes: 1_000, rows: 100, firstLine: 2 + index * 100, lineOffset: index * 100,
    state: 'waiting', uploadUuid: undefined, jobId: undefined, error: undefined, replaced: [], ...overrides,
  };
}

function newStore(): JobStore {
  let now = 1_000;
  return new JobStore({ storage: new MemoryStorage(), now: () => (now += 1_000) });
}

/** A parent of `count` parts in the store, as the import flow adds it. */
function addParent(store: JobStore, count = 3): Job {
  return store.addParts({
    localId: 'local-1', entity: 'contacts', connection: 'sandbox', label: 'big.csv', sourcePath: '/data/big.csv', data: {},
    parts: { folder: '/storage/import-parts/local-1', stopped: false, firstUpload: 'up-1', parts: Array.from({ length: count }, (_, i) => part(i)) },
  });
}

/** Starts part `index` as the runner does: its child job, then the link. */
function startPart(store: JobStore, parent: Job, index: number, uuid = `up-${index + 1}-${store.all().length}`): Job {
  const child = store.addImport({ entity: 'contacts', connection: 'sandbox', remoteUuid: uuid, label: `big.csv · part ${index + 1}`, sourcePath: '/data/big.csv', parentId: parent.id, state: { status: 'running' } });
  store.updatePart(parent.id, index, { jobId: child.id, uploadUuid: uuid, state: 'running' });
  return child;
}

function finish(store: JobStore, child: Job, status: Job['status'], saved: number, errors = 0, rowErrors: { row: number; message: string }[] = []): void {
  store.patch(child.id, { status, counts: { queued: 0, saved, duplicates: 1, blacklisted: 0, errors }, progress: { done: saved + 1 + errors, total: 100 }, rowErrors });
}

function get(store: JobStore, id: string): Job {
  const job = store.get(id);
  assert.ok(job, id);
  return job;
}

describe('a file imported in parts: the parent job', () => {
  it('derives its status from its parts: the whole table', () => {
    const cases: [PartState[], boolean, Job['status']][] = [
      [['waiting', 'waiting'], false, 'queued'],
      [['uploading', 'waiting'], false, 'running'],
      [['done', 'waiting'], false, 'running'],
      [['done', 'running'], true, 'running'],
      [['done', 'waiting'], true, 'cancelled'],
      [['failed', 'waiting'], false, 'running'],
      [['failed', 'done'], false, 'failed'],
      [['failed', 'waiting'], true, 'failed'],
      [['partial', 'done'], false, 'partial'],
      [['done', 'done'], false, 'done'],
    ];
    const store = newStore();
    const parent = addParent(store, 2);
    for (const [states, stopped, status] of cases) {
      const job: Job = { ...parent, parts: { ...parent.parts!, stopped, parts: states.map((state, i) => part(i, { state })) } };
      assert.equal(parentPatch(job, () => undefined).status, status, `${states.join(', ')}${stopped ? ', stopped' : ''}`);
    }
  });

  it('sums its children: counts, progress over the file\'s rows, and row errors on the source file\'s lines', () => {
    const store = newStore();
    const parent = addParent(store);
    assert.equal(parent.status, 'queued');
    assert.deepEqual(parent.progress, { done: 0, total: 300 });
    const first = startPart(store, parent, 0);
    assert.equal(get(store, parent.id).status, 'running');
    finish(store, first, 'partial', 97, 2, [{ row: 3, message: 'no identifier' }, { row: 0, message: 'about the whole part' }]);
    const second = startPart(store, parent, 1);
    store.patch(second.id, { progress: { done: 40, total: 100 } });
    assert.deepEqual(get(store, parent.id).progress, { done: 140, total: 300 }, 'a finished part counts all its rows, a running one what it did');
    finish(store, second, 'done', 99);
    finish(store, startPart(store, parent, 2), 'done', 99, 0, [{ row: 7, message: 'bad email' }]);

    const done = get(store, parent.id);
    assert.equal(done.status, 'partial', 'a part had rejected rows');
    assert.deepEqual(done.counts, { queued: 0, saved: 295, duplicates: 3, blacklisted: 0, errors: 2 });
    assert.deepEqual(done.progress, { done: 300, total: 300 });
    assert.deepEqual(done.rowErrors, [{ row: 3, message: 'no identifier' }, { row: 0, message: 'about the whole part' }, { row: 207, message: 'bad email' }], 'part 3\'s line 7 is line 207 of the file');
    assert.deepEqual(done.parts?.parts.map((p) => p.state), ['partial', 'done', 'done']);
  });

  it('finishes once, when its last part ends; its parts never announce themselves', () => {
    const store = newStore();
    const finished: string[] = [];
    store.onDidFinish((job) => finished.push(job.id));
    const parent = addParent(store, 2);
    const first = startPart(store, parent, 0);
    finish(store, first, 'done', 99);
    assert.deepEqual(finished, [first.id], 'the child finished, the parent goes on');
    finish(store, startPart(store, parent, 1), 'done', 99);
    assert.equal(finished.filter((id) => id === parent.id).length, 1);
    assert.equal(get(store, parent.id).status, 'done');
    assert.match(finishedSentence(get(store, parent.id)), /^Import of big\.csv finished in 2 parts: 198 saved, 2 duplicates\.$/);
  });

  it('a failed part does not stop the others, and says which part failed and what Retry does', () => {
    const store = newStore();
    const parent = addParent(store);
    finish(store, startPart(store, parent, 0), 'done', 99);
    store.updatePart(parent.id, 1, { state: 'failed', error: 'GetSales answered 500 (server error).' });
    assert.equal(nextPart(get(store, parent.id)), 2, 'part 3 is next');
    assert.equal(get(store, parent.id).status, 'running');
    finish(store, startPart(store, parent, 2), 'done', 99);
    const failed = get(store, parent.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.message, 'Part 2 of 3 failed: GetSales answered 500 (server error). Parts 1 and 3 were imported. Retry imports only part 2.');
    assert.equal(describeJob(failed), '1 of 3 parts failed');
  });

  it('cancelled: the running part finishes, no other part starts, and the rest is said', () => {
    const store = newStore();
    const parent = addParent(store);
    const first = startPart(store, parent, 0);
    store.patch(parent.id, { parts: { ...get(store, parent.id).parts!, stopped: true } });
    assert.equal(get(store, parent.id).status, 'running', 'part 1 still runs');
    assert.match(describeJob(get(store, parent.id)), /^cancelled after this part · /);
    finish(store, first, 'done', 99);
    const stopped = get(store, parent.id);
    assert.equal(nextPart(stopped), undefined);
    assert.equal(needsRunning(stopped), false);
    assert.equal(stopped.status, 'cancelled');
    assert.equal(stopped.message, 'Cancelled after 1 of 3 parts: parts 2 and 3 were not imported. Retry imports them.');
    assert.equal(describeJob(stopped), 'cancelled after 1 of 3 parts');
    assert.deepEqual(describeParts(stopped), [
      'Part 1 of 3 · 100 rows from line 2 · done',
      'Part 2 of 3 · 100 rows from line 102 · not started (cancelled)',
      'Part 3 of 3 · 100 rows from line 202 · not started (cancelled)',
    ]);
  });

  it('runs one part at a time: nothing is next while a part is being sent or imported', () => {
    const store = newStore();
    const parent = addParent(store);
    assert.equal(nextPart(parent), 0);
    store.updatePart(parent.id, 0, { state: 'uploading' });
    assert.equal(nextPart(get(store, parent.id)), undefined);
    startPart(store, parent, 0);
    assert.equal(nextPart(get(store, parent.id)), undefined);
    assert.match(describeJob(get(store, parent.id)), /· part 1 of 3$/);
  });

  it('removing the parent removes its parts; Clear Finished leaves the parts of a running parent alone', () => {
    const store = newStore();
    const parent = addParent(store);
    const first = startPart(store, parent, 0);
    finish(store, first, 'done', 99);
    startPart(store, parent, 1);
    assert.equal(store.clearFinished(), 0, 'the finished part belongs to a running parent');
    assert.ok(store.get(first.id));
    store.remove(parent.id);
    assert.deepEqual(store.all(), []);
  });
  it('Refresh does not list a part\'s attempt that a Retry replaced as a job of its own', async () => {
    const store = newStore();
    const parent = addParent(store, 1);
    store.updatePart(parent.id, 0, { replaced: ['up-old'] });
    const lister = { listImports: async () => ({ items: [fileImport({ uuid: 'up-old', status: 'failed' }), fileImport({ uuid: 'elsewhere', status: 'completed' })], total: 2, limit: 20, offset: 0, hasMore: false }) };
    assert.equal(await discoverRecentImports(store, lister, 'sandbox'), 1);
    assert.equal(store.get('import:up-old'), undefined);
    assert.ok(store.get('import:elsewhere'));
  });
});
