import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { AuthError, NetworkError, NotFoundError, RateLimitedError } from '../../../../src/core/api/errors';
import type { ExportJob, FileImport, ImportMetrics } from '../../../../src/core/api/models';
import { type Job, JobPoller, type JobRemote, JobStore, WrongConnectionError } from '../../../../src/core/jobs';
import { ManualClock, settle } from '../api/manual-clock';
import { MemoryStorage, exportJob, fileImport, metrics } from './helpers';

type Answer<T> = T | Error;

/** Answers polls from scripts, one entry per call; the last entry repeats. */
class ScriptedRemote implements JobRemote {
  readonly calls: string[] = [];
  constructor(private imports: Answer<FileImport>[] = [], private exports: Answer<ExportJob>[] = [], private readonly metricsMap: Record<string, ImportMetrics> = {}) {}

  setImports(answers: Answer<FileImport>[]): void {
    this.imports = answers;
  }

  setExports(answers: Answer<ExportJob>[]): void {
    this.exports = answers;
  }

  async getImport(uuid: string): Promise<FileImport> {
    this.calls.push(`getImport ${uuid}`);
    return next(this.imports);
  }

  async importMetrics(uuids: readonly string[]): Promise<Record<string, ImportMetrics>> {
    this.calls.push(`importMetrics ${uuids.join(',')}`);
    return this.metricsMap;
  }

  async getExport(uuid: string): Promise<ExportJob> {
    this.calls.push(`getExport ${uuid}`);
    return next(this.exports);
  }
}

function next<T>(answers: Answer<T>[]): T {
  const answer = answers.length > 1 ? answers.shift() : answers[0];
  if (answer === undefined) throw new Error('script is empty');
  if (answer instanceof Error) throw answer;
  return answer;
}

function setup(remote: JobRemote, options: { storage?: MemoryStorage; connection?: 'account' | 'sandbox' | undefined } = {}) {
  const clock = new ManualClock();
  const storage = options.storage ?? new MemoryStorage();
  const store = new JobStore({ storage, now: () => clock.now() });
  let target: { remote: JobRemote; connection: 'account' | 'sandbox' } | undefined = 'connection' in options && options.connection === undefined ? undefined : { remote, connection: options.connection ?? 'sandbox' };
  const poller = new JobPoller({ store, target: () => target, clock, intervalMs: () => 1_000, maxIntervalMs: 8_000 });
  return { clock, store, storage, poller, setTarget: (t: typeof target) => (target = t) };
}

const newImport = { entity: 'contacts', connection: 'sandbox', remoteUuid: 'imp-1', label: 'contacts.csv' } as const;

describe('JobPoller', () => {
  it('polls a new import until it completes, then stops (no more requests)', async () => {
    const remote = new ScriptedRemote([
      fileImport({ status: 'in_progress', metrics: metrics(1_000) }),
      fileImport({ status: 'in_progress', metrics: metrics(3_000, 20) }),
      fileImport({ status: 'completed', metrics: metrics(4_950, 50) }),
    ]);
    const { clock, store, poller } = setup(remote);
    const finished: Job[] = [];
    store.onDidFinish((job) => finished.push(job));
    store.addImport(newImport);
    await clock.advance(999);
    assert.deepEqual(remote.calls, [], 'the start answer is fresh: no poll right away');
    await clock.advance(1);
    assert.equal(store.get('import:imp-1')?.status, 'running');
    assert.deepEqual(store.get('import:imp-1')?.progress, { done: 1_000, total: 5_000 });
    await clock.advance(1_000);
    await clock.advance(1_000);
    assert.equal(store.get('import:imp-1')?.status, 'done');
    assert.equal(finished.length, 1);
    assert.deepEqual(finished[0]?.counts, { queued: 0, saved: 4_950, duplicates: 50, blacklisted: 0, errors: 0 });
    const callsAtEnd = remote.calls.length;
    await clock.advance(60_000);
    assert.equal(remote.calls.length, callsAtEnd, 'no polling after a terminal state');
    assert.deepEqual(poller.polling(), []);
  });

  it('asks for metrics separately when the import object has none', async () => {
    const remote = new ScriptedRemote([fileImport({ status: 'completed', metrics: undefined })], [], { 'imp-1': metrics(10, 0, 2) });
    const { clock, store } = setup(remote);
    store.addImport(newImport);
    await clock.advance(1_000);
    assert.deepEqual(remote.calls, ['getImport imp-1', 'importMetrics imp-1']);
    assert.equal(store.get('import:imp-1')?.status, 'partial', 'completed with error rows is partial');
  });

  it('looks soon after the start, backs off while a job stands still, and looks often again when it moves', async () => {
    const still = fileImport({ status: 'in_progress', metrics: metrics(100) });
    const moved = fileImport({ status: 'in_progress', metrics: metrics(200) });
    const remote = new ScriptedRemote([still, still, still, still, moved, moved]);
    const { clock, store } = setup(remote);
    const pollTimes: number[] = [];
    store.onDidChange(() => pollTimes.push(clock.now()));
    store.addImport(newImport);
    const start = clock.now();
    await clock.advance(20_000);
    // added(t0), first poll +1000, then growth ×1.5 while still, back to the base interval once it moves.
    const gaps = pollTimes.slice(1).map((t, i) => t - (i === 0 ? start : (pollTimes[i] ?? 0)));
    assert.deepEqual(gaps.slice(0, 6), [1_000, 1_000, 1_500, 2_250, 3_375, 1_000]);
  });

  it('on 401 keeps the job as it was, raises auth-needed once, and stops polling every job', async () => {
    const remote = new ScriptedRemote([fileImport({ status: 'in_progress', metrics: metrics(1_000) }), new AuthError('rejected', { method: 'GET', path: '/x', status: 401 })], [new AuthError('rejected')]);
    const { clock, store, poller } = setup(remote);
    const authEvents: Job[] = [];
    store.onAuthNeeded((job) => authEvents.push(job));
    store.addImport(newImport);
    await clock.advance(1_000);
    const before = store.get('import:imp-1');
    await clock.advance(1_500);
    const after = store.get('import:imp-1');
    assert.equal(after?.status, 'running');
    assert.deepEqual(after?.progress, before?.progress);
    assert.match(after?.message ?? '', /Sign in/);
    assert.equal(authEvents.length, 1);
    assert.deepEqual(poller.polling(), []);
    // A new job while blocked is not polled either (it would fail the same way).
    store.addExport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'exp-1', label: 'All contacts' });
    const calls = remote.calls.length;
    await clock.advance(30_000);
    assert.equal(remote.calls.length, calls);

    // After a new sign-in, resume() picks everything up again and the message clears.
    remote.setImports([fileImport({ status: 'completed', metrics: metrics(5_000) })]);
    remote.setExports([exportJob({ status: 'in_progress' })]);
    poller.resume();
    await clock.advance(0);
    assert.equal(store.get('import:imp-1')?.status, 'done');
    assert.equal(store.get('import:imp-1')?.message, undefined);
    assert.equal(store.get('export:exp-1')?.status, 'running');
    poller.dispose();
  });

  it('marks a job gone when the server no longer knows it (404), in plain words, and stops asking', async () => {
    const remote = new ScriptedRemote([new NotFoundError('GetSales could not find /leads/api/file-imports/imp-1 (404)')]);
    const { clock, store, poller } = setup(remote);
    store.addImport(newImport);
    await clock.advance(1_000);
    const job = store.get('import:imp-1');
    assert.equal(job?.status, 'gone');
    assert.match(job?.message ?? '', /^The sandbox no longer knows this import/);
    assert.doesNotMatch(job?.message ?? '', /404|\/leads\//);
    assert.deepEqual(poller.polling(), []);
    await clock.advance(60_000);
    assert.equal(remote.calls.length, 1);
  });

  it('Refresh of a job the server forgot marks it gone instead of failing with the raw error', async () => {
    const remote = new ScriptedRemote([fileImport({ status: 'completed', metrics: metrics(5) })]);
    const { clock, store, poller } = setup(remote);
    store.addImport(newImport);
    await clock.advance(1_000);
    assert.equal(store.get('import:imp-1')?.status, 'done');
    remote.setImports([new NotFoundError('gone')]);
    const refreshed = await poller.refresh('import:imp-1');
    assert.equal(refreshed?.status, 'gone');
  });

  it('keeps polling through transient failures, backing off and honouring Retry-After', async () => {
    const remote = new ScriptedRemote([
      new NetworkError('unreachable', 'refused', false),
      new RateLimitedError(20_000),
      fileImport({ status: 'completed', metrics: metrics(5_000) }),
    ]);
    const { clock, store } = setup(remote);
    store.addImport(newImport);
    await clock.advance(1_000);
    assert.equal(store.get('import:imp-1')?.status, 'queued');
    assert.equal(store.get('import:imp-1')?.message, 'unreachable');
    await clock.advance(2_000); // first failure: 2 × base
    assert.equal(remote.calls.length, 2);
    await clock.advance(19_999);
    assert.equal(remote.calls.length, 2, 'waits out Retry-After');
    await clock.advance(1);
    assert.equal(store.get('import:imp-1')?.status, 'done');
    assert.equal(store.get('import:imp-1')?.message, undefined);
  });

  it('polls an export until it is ready (done with files), not merely done', async () => {
    const remote = new ScriptedRemote([], [
      exportJob({ status: 'in_progress', progress: { processed: 1_000, total: 3_000 } }),
      exportJob({ status: 'done', progress: { processed: 3_000, total: 3_000 }, files: [] }),
      exportJob({ status: 'done', progress: { processed: 3_000, total: 3_000 }, files: ['contacts-export.csv'] }),
    ]);
    const { clock, store } = setup(remote);
    store.addExport({ entity: 'contacts', connection: 'sandbox', remoteUuid: 'exp-1', label: 'All contacts' });
    await clock.advance(0);
    await clock.advance(1_000);
    assert.equal(store.get('export:exp-1')?.status, 'running');
    await clock.advance(10_000);
    assert.equal(store.get('export:exp-1')?.status, 'done');
    assert.deepEqual(store.get('export:exp-1')?.files, ['contacts-export.csv']);
  });

  it('after a reload, a new store and poller on the same storage resume the running job', async () => {
    const remote = new ScriptedRemote([fileImport({ status: 'in_progress', metrics: metrics(1_000) })]);
    const first = setup(remote);
    first.store.addImport(newImport);
    await first.clock.advance(1_000);
    await first.store.flush();
    first.poller.dispose();
    first.store.dispose();

    remote.setImports([fileImport({ status: 'completed', metrics: metrics(5_000) })]);
    const second = setup(remote, { storage: first.storage });
    assert.equal(second.store.get('import:imp-1')?.status, 'running');
    second.poller.resume();
    await second.clock.advance(1_000);
    assert.equal(second.store.get('import:imp-1')?.status, 'done');
  });

  it('does not poll jobs of the other connection, and refuses to refresh them', async () => {
    const remote = new ScriptedRemote([fileImport()]);
    const { clock, store, poller } = setup(remote, { connection: 'account' });
    store.addImport(newImport); // a sandbox job
    await clock.advance(5_000);
    assert.deepEqual(remote.calls, []);
    await assert.rejects(poller.refresh('import:imp-1'), WrongConnectionError);
  });

  it('polls nothing while signed out, and starts when a connection appears', async () => {
    const remote = new ScriptedRemote([fileImport({ status: 'completed', metrics: metrics(1) })]);
    const { clock, store, poller, setTarget } = setup(remote, { connection: undefined });
    store.addImport(newImport);
    await clock.advance(5_000);
    assert.deepEqual(remote.calls, []);
    setTarget({ remote, connection: 'sandbox' });
    poller.resume();
    await clock.advance(0);
    assert.equal(store.get('import:imp-1')?.status, 'done');
  });

  it('stops the loop of a removed job', async () => {
    const remote = new ScriptedRemote([fileImport({ status: 'in_progress', metrics: metrics(1) })]);
    const { clock, store, poller } = setup(remote);
    store.addImport(newImport);
    await clock.advance(1_000);
    assert.equal(remote.calls.length, 1);
    store.remove('import:imp-1');
    await settle();
    assert.deepEqual(poller.polling(), []);
    const calls = remote.calls.length;
    await clock.advance(30_000);
    assert.equal(remote.calls.length, calls);
  });

  it('while paused, starts no loop even for a new job; resume() starts it', async () => {
    const remote = new ScriptedRemote([fileImport({ status: 'completed', metrics: metrics(1) })]);
    const { clock, store, poller } = setup(remote);
    poller.pause();
    store.addImport(newImport);
    await clock.advance(10_000);
    assert.deepEqual(remote.calls, []);
    poller.resume();
    await clock.advance(0);
    assert.equal(store.get('import:imp-1')?.status, 'done');
  });
});

/** Several imports on one server: counters for any of them in one call, the object one by one. */
class ImportsServer implements JobRemote {
  readonly calls: string[] = [];
  readonly imports = new Map<string, { processed: number; status: FileImport['status'] }>();
  batchMissing = false;

  async getImport(uuid: string): Promise<FileImport> {
    this.calls.push(`getImport ${uuid}`);
    const state = this.imports.get(uuid);
    if (!state) throw new NotFoundError('gone');
    return fileImport({ uuid, status: state.status, rowsCount: 100, metrics: metrics(state.processed, 0, 0, 100 - state.processed) });
  }

  async importMetrics(uuids: readonly string[]): Promise<Record<string, ImportMetrics>> {
    this.calls.push(`importMetrics ${uuids.join(',')}`);
    if (this.batchMissing) throw new NotFoundError('No such endpoint');
    const answer: Record<string, ImportMetrics> = {};
    for (const uuid of uuids) {
      const state = this.imports.get(uuid);
      if (state) answer[uuid] = metrics(state.processed, 0, 0, 100 - state.processed);
    }
    return answer;
  }

  async getExport(): Promise<ExportJob> {
    throw new Error('no exports here');
  }
}

describe('JobPoller with many imports', () => {
  function start(server: ImportsServer, uuids: string[]) {
    const { clock, store, poller } = setup(server);
    for (const uuid of uuids) {
      server.imports.set(uuid, { processed: 0, status: 'in_progress' });
      store.addImport({ ...newImport, remoteUuid: uuid, state: { status: 'running', progress: { done: 0, total: 100 } } });
    }
    return { clock, store, poller };
  }

  it('asks for the counters of all running imports in one request per round, and for the object of the one that finished', async () => {
    const server = new ImportsServer();
    const { clock, store } = start(server, ['a', 'b', 'c']);
    await clock.advance(1_000);
    assert.deepEqual(server.calls, ['importMetrics a,b,c']);
    for (const uuid of ['a', 'b', 'c']) server.imports.set(uuid, { processed: 50, status: 'in_progress' });
    server.imports.set('b', { processed: 100, status: 'completed' });
    server.calls.length = 0;
    await clock.advance(1_000);
    assert.deepEqual(server.calls, ['importMetrics a,b,c', 'getImport b']);
    assert.equal(store.get('import:b')?.status, 'done');
    assert.deepEqual(store.get('import:a')?.progress, { done: 50, total: 100 });
    assert.equal(store.get('import:a')?.status, 'running');
    server.imports.set('a', { processed: 100, status: 'completed' });
    server.imports.set('c', { processed: 100, status: 'completed' });
    await clock.advance(10_000);
    assert.equal(store.get('import:a')?.status, 'done');
    assert.equal(store.get('import:c')?.status, 'done');
  });

  it('asks for the object of an import whose counters stand still, so a stalled import that failed is seen', async () => {
    const server = new ImportsServer();
    const { clock, store } = start(server, ['a', 'b']);
    server.imports.set('a', { processed: 10, status: 'in_progress' });
    await clock.advance(1_000); // a moved, b did not (still 0 of 100)
    server.imports.set('b', { processed: 0, status: 'failed' });
    server.calls.length = 0;
    await clock.advance(10_000);
    assert.ok(server.calls.includes('getImport b'), server.calls.join(' | '));
    assert.equal(store.get('import:b')?.status, 'failed');
  });

  it('falls back to one request per import when the server has no batch endpoint', async () => {
    const server = new ImportsServer();
    server.batchMissing = true;
    const { clock, store } = start(server, ['a', 'b']);
    server.imports.set('a', { processed: 100, status: 'completed' });
    server.imports.set('b', { processed: 100, status: 'completed' });
    await clock.advance(1_000);
    assert.deepEqual(server.calls, ['importMetrics a,b', 'getImport a', 'getImport b']);
    assert.equal(store.get('import:a')?.status, 'done');
    assert.equal(store.get('import:b')?.status, 'done');
  });
  it('never asks the server about a file imported in parts (it is known only here); its parts are polled, and Refresh asks about them', async () => {
    const remote = new ScriptedRemote([fileImport({ uuid: 'up-1', status: 'completed', metrics: metrics(90, 10) })]);
    const { clock, store, poller } = setup(remote);
    const parent = store.addParts({
      localId: 'local-1', entity: 'contacts', connection: 'sandbox', label: 'big.csv', sourcePath: '/data/big.csv',
      parts: { folder: '/parts/local-1', stopped: false, firstUpload: 'up-1', parts: [{ file: 'part-1.csv', sizeBytes: 10, rows: 100, firstLine: 2, lineOffset: 0, state: 'waiting', uploadUuid: undefined, jobId: undefined, error: undefined, replaced: [] }] },
    });
    await clock.advance(5_000);
    assert.deepEqual(remote.calls, [], 'the queued parent alone: nothing to ask');
    assert.deepEqual(poller.polling(), []);
    const child = store.addImport({ ...newImport, remoteUuid: 'up-1', parentId: parent.id });
    store.updatePart(parent.id, 0, { jobId: child.id, state: 'running' });
    assert.deepEqual(poller.polling(), [child.id], 'only the part is polled');
    const refreshed = await poller.refresh(parent.id);
    assert.deepEqual(remote.calls, ['getImport up-1'], 'Refresh on the parent asks about its running part');
    assert.equal(refreshed?.status, 'done');
    assert.deepEqual(refreshed?.counts, { queued: 0, saved: 90, duplicates: 10, blacklisted: 0, errors: 0 });
  });
});
