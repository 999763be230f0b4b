/** The panel's host logic (MappingSession) in plain Node, with recording callbacks. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MappingSession, type MappingCallbacks } from '../../src/core/import/mapping-screen/mapping-session';
import type { ColumnMapping, HostMessage, JobProgress, StartImportRequest } from '../../src/shared/protocol';
import { contactsModel, fakeReview } from './support/fixtures';

const JOB: JobProgress = { jobId: 'job-1', status: 'in_progress', rowsTotal: 3, rowsProcessed: 0, saved: 0, duplicates: 0, errors: 0 };
const GOOD_MAPPING: ColumnMapping = ['name', 'work_email', 'linkedin_id', null];
const GOOD_START: StartImportRequest = { mapping: GOOD_MAPPING, target: { kind: 'contacts', listUuid: 'list-1', tags: [], updateExisting: true }, saveMapping: false };

function setUp(overrides: Partial<MappingCallbacks> = {}) {
  const model = contactsModel();
  const posted: HostMessage[] = [];
  const log: string[] = [];
  const calls: string[] = [];
  let closed = 0;
  const callbacks: MappingCallbacks = {
    review: async (mapping) => { calls.push('review'); return fakeReview(model, mapping); },
    createList: async (name) => { calls.push('createList'); return { uuid: 'list-new', name }; },
    startImport: async () => { calls.push('startImport'); return JOB; },
    saveMapping: async () => { calls.push('saveMapping'); },
    showInProblems: async () => { calls.push('showInProblems'); },
    reread: async () => { calls.push('reread'); return model; },
    ...overrides,
  };
  const session = new MappingSession(model, callbacks, { post: (message) => posted.push(message), close: () => { closed += 1; }, log: (line) => log.push(line) });
  return { session, model, posted, log, calls, closed: () => closed };
}

describe('MappingSession', () => {
  it('answers ready with the model (and again on every ready, as after a tab switch)', async () => {
    const { session, model, posted } = setUp();
    await session.receive({ type: 'ready' });
    session.showJobProgress(JOB);
    await session.receive({ type: 'ready' });
    assert.deepEqual(posted, [{ type: 'init', model, job: null }, { type: 'job', job: JOB }, { type: 'init', model, job: JOB }]);
  });

  it('reviews a mapping and echoes its revision', async () => {
    const { session, model, posted } = setUp();
    await session.receive({ type: 'mappingChanged', revision: 4, mapping: GOOD_MAPPING });
    assert.deepEqual(posted, [{ type: 'review', revision: 4, review: fakeReview(model, GOOD_MAPPING) }]);
  });

  it('drops and logs malformed messages and mappings that do not fit the file', async () => {
    const { session, posted, log, calls } = setUp();
    await session.receive({ type: 'mappingChanged', revision: 'one', mapping: [] });
    await session.receive({ type: 'mappingChanged', revision: 1, mapping: ['name'] });
    await session.receive({ type: 'mappingChanged', revision: 1, mapping: ['name', 'password', null, null] });
    await session.receive({ type: 'showInProblems', mapping: [] });
    assert.deepEqual(posted, []);
    assert.deepEqual(calls, []);
    assert.equal(log.length, 4);
    assert.match(log[0] ?? '', /dropped a message \(mappingChanged\.revision/);
    assert.match(log[1] ?? '', /1 columns mapped, the file has 4/);
    assert.match(log[2] ?? '', /unknown field "password"/);
  });

  it('checks again before starting and refuses with the reason', async () => {
    const refusals: [StartImportRequest, RegExp][] = [
      [{ ...GOOD_START, mapping: ['name', null, null, null] }, /^Map a column to/],
      [{ ...GOOD_START, mapping: ['work_email', 'work_email', null, null] }, /Work email is picked for 2 columns/],
      [{ ...GOOD_START, target: { kind: 'contacts', listUuid: null, tags: [], updateExisting: true } }, /Choose the list/],
      [{ ...GOOD_START, target: { kind: 'contacts', listUuid: 'gone', tags: [], updateExisting: true } }, /no longer exists/],
      [{ ...GOOD_START, target: { kind: 'contacts', listUuid: 'list-1', tags: ['a-tag-name-not-a-uuid'], updateExisting: true } }, /chosen tag no longer exists/],
      [{ ...GOOD_START, target: { kind: 'companies', listUuids: [], tags: [] } }, /imports contacts, not companies/],
    ];
    for (const [request, expected] of refusals) {
      const { session, posted, calls } = setUp();
      await session.receive({ type: 'startImport', ...request });
      assert.equal(posted.length, 1);
      const [answer] = posted;
      assert.ok(answer?.type === 'startFailed' && expected.test(answer.message), JSON.stringify(answer));
      assert.ok(!calls.includes('startImport'));
    }
  });

  it('starts once, pushes the job, and saves the mapping only when asked', async () => {
    const { session, posted, calls, log } = setUp();
    await session.receive({ type: 'startImport', ...GOOD_START, saveMapping: true });
    await session.receive({ type: 'startImport', ...GOOD_START, saveMapping: true });
    assert.deepEqual(posted, [{ type: 'job', job: JOB }]);
    assert.deepEqual(calls.filter((call) => call !== 'review'), ['startImport', 'saveMapping']);
    assert.match(log[0] ?? '', /ignored a second start/);
    assert.deepEqual(session.job, JOB);

    const other = setUp();
    await other.session.receive({ type: 'startImport', ...GOOD_START });
    assert.ok(!other.calls.includes('saveMapping'));
  });

  it('passes a start failure to the screen and allows another try', async () => {
    let attempts = 0;
    const { session, posted } = setUp({
      startImport: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('The columns field is invalid.');
        return JOB;
      },
    });
    await session.receive({ type: 'startImport', ...GOOD_START });
    await session.receive({ type: 'startImport', ...GOOD_START });
    assert.deepEqual(posted, [{ type: 'startFailed', message: 'The columns field is invalid.' }, { type: 'job', job: JOB }]);
  });

  it('creates a list, answers the request, and accepts the new list as a target', async () => {
    const { session, posted } = setUp();
    await session.receive({ type: 'createList', requestId: 'r1', name: 'New' });
    assert.deepEqual(posted[0], { type: 'createListResult', requestId: 'r1', result: { ok: true, list: { uuid: 'list-new', name: 'New' } } });
    await session.receive({ type: 'startImport', ...GOOD_START, target: { kind: 'contacts', listUuid: 'list-new', tags: [], updateExisting: true } });
    assert.deepEqual(posted[1], { type: 'job', job: JOB });
  });

  it('tells the screen why a list could not be created', async () => {
    const { session, posted } = setUp({ createList: async () => { throw new Error('Name taken.'); } });
    await session.receive({ type: 'createList', requestId: 'r2', name: 'Old' });
    assert.deepEqual(posted, [{ type: 'createListResult', requestId: 'r2', result: { ok: false, message: 'Could not create the list: Name taken.' } }]);
  });

  it('forwards Show in Problems and close', async () => {
    const { session, calls, closed } = setUp();
    await session.receive({ type: 'showInProblems', mapping: GOOD_MAPPING });
    await session.receive({ type: 'closePanel' });
    assert.deepEqual(calls, ['showInProblems']);
    assert.equal(closed(), 1);
  });

  it('logs a failed review instead of throwing', async () => {
    const { session, posted, log } = setUp({ review: async () => { throw new Error('engine broke'); } });
    await session.receive({ type: 'mappingChanged', revision: 1, mapping: GOOD_MAPPING });
    assert.deepEqual(posted, []);
    assert.match(log[0] ?? '', /could not check the mapping \(engine broke\)/);
  });
});
