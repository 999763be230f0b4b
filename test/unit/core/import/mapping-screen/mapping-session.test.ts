/**
 * The mapping screen's host side in plain Node with real parts: a model built from a
 * real pre-flight, the real reviewer on the file, and lists created through the real
 * client against the sandbox. Covers what the chromium suite's stand-in host does not:
 * every kind of malformed message, revisions echoed as asked (also out of order), the
 * host's own checks before a start, two starts at once, and the fallback sentence.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { GetSalesClient } from '../../../../../src/core/api';
import { prepareFile, type PreparedFile } from '../../../../../src/core/import/preflight';
import { buildMappingModel } from '../../../../../src/core/import/mapping-screen/mapping-model';
import { MappingReviewer } from '../../../../../src/core/import/mapping-screen/mapping-reviewer';
import { type MappingCallbacks, MappingSession } from '../../../../../src/core/import/mapping-screen/mapping-session';
import type { ColumnMapping, HostMessage, JobProgress, MappingModel, MappingReview, StartImportRequest, TargetState } from '../../../../../src/shared/protocol';
import { fixture } from '../../csv/helpers';
import { useSandbox } from '../../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from '../../api/client-helpers';

// embedded-newlines.csv: First Name, Notes, Email; three rows, each with an email.
const GOOD: ColumnMapping = ['first_name', 'about', 'work_email'];
const JOB: JobProgress = { jobId: 'import:imp-1', status: 'in_progress', rowsTotal: 3, rowsProcessed: 0, saved: 0, duplicates: 0, errors: 0 };
const FALLBACK = 'Something went wrong; see the GetSales log for details.';

describe('MappingSession with real parts', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'none', faults: true, rateLimitPerMinute: 100_000 });
  let prepared: PreparedFile;
  let listUuid: string;
  let client: GetSalesClient;

  before(async () => {
    prepared = await prepareFile(fixture('embedded-newlines.csv'));
    listUuid = await api().createList('Webinar');
    client = testClient(api().url, { retry: { maxAttempts: 1 } }).client;
  });
  after(async () => {
    await prepared.fullPass.dispose();
  });

  const contactsTarget = (list: string | null = listUuid): TargetState => ({ kind: 'contacts', listUuid: list, tags: ['webinar'], updateExisting: true });
  const start = (overrides: Partial<StartImportRequest> = {}): Record<string, unknown> => ({ type: 'startImport', mapping: GOOD, target: contactsTarget(), saveMapping: false, ...overrides });

  function setUp(overrides: Partial<MappingCallbacks> = {}, job: JobProgress | null = null, modelChanged?: (model: MappingModel) => void) {
    const model: MappingModel = buildMappingModel({
      fileUri: 'file:///work/embedded-newlines.csv', kind: 'contacts', prepared, upload: { uuid: 'imp-1', csvHeaders: [], matches: {} },
      lists: [{ uuid: listUuid, name: 'Webinar' }], tags: [{ uuid: 'webinar', name: 'Webinar' }], remembered: undefined, requested: undefined, target: contactsTarget(null), saveMapping: true,
    });
    const reviewer = new MappingReviewer(prepared.path, prepared.fullPass.dialect, 'contacts', model.columns);
    const posted: HostMessage[] = [];
    const log: string[] = [];
    const calls: { name: string; argument: unknown }[] = [];
    const record = (name: string, argument: unknown): void => {
      calls.push({ name, argument });
    };
    const callbacks: MappingCallbacks = {
      review: (mapping) => reviewer.review(mapping),
      createList: async (name) => {
        const list = await client.createList(name);
        return { uuid: list.uuid, name: list.name };
      },
      startImport: async (request) => { record('startImport', request); return JOB; },
      saveMapping: async (mapping) => { record('saveMapping', mapping); },
      showInProblems: async (mapping) => { record('showInProblems', mapping); },
      reread: async (reading) => { record('reread', reading); return model; },
      ...overrides,
    };
    let closed = 0;
    const session = new MappingSession(model, callbacks, { post: (message) => posted.push(message), close: () => { closed += 1; }, log: (line) => log.push(line), modelChanged }, job);
    return { session, model, reviewer, posted, log, calls, closed: () => closed };
  }

  function startFailure(posted: readonly HostMessage[]): string {
    assert.equal(posted.length, 1, JSON.stringify(posted));
    const [answer] = posted;
    assert.ok(answer?.type === 'startFailed', JSON.stringify(answer));
    return answer.message;
  }

  describe('malformed messages', () => {
    // Built when a test runs: the list uuid exists only once the sandbox has started.
    const cases = (): [unknown, string][] => [
      [null, 'message'],
      ['ready', 'message'],
      [[{ type: 'ready' }], 'message'],
      [{}, 'message.type'],
      [{ type: 'deleteEverything' }, 'message.type'],
      [{ type: 'mappingChanged', revision: -1, mapping: GOOD }, 'mappingChanged.revision'],
      [{ type: 'mappingChanged', revision: 1.5, mapping: GOOD }, 'mappingChanged.revision'],
      [{ type: 'mappingChanged', revision: '2', mapping: GOOD }, 'mappingChanged.revision'],
      [{ type: 'mappingChanged', revision: 2, mapping: 'first_name' }, 'mappingChanged.mapping'],
      [{ type: 'mappingChanged', revision: 2, mapping: ['first_name', 7, null] }, 'mappingChanged.mapping[1]'],
      [{ type: 'mappingChanged', revision: 2, mapping: new Array(1001).fill(null) }, 'mappingChanged.mapping'],
      [{ type: 'createList', requestId: 'r1' }, 'createList.name'],
      [{ type: 'createList', requestId: 'r1', name: '   ' }, 'createList.name'],
      [{ type: 'createList', requestId: 'r1', name: 'x'.repeat(256) }, 'createList.name'],
      [{ type: 'createList', requestId: '', name: 'New' }, 'createList.requestId'],
      [start({ target: undefined }), 'startImport.target'],
      [start({ target: { kind: 'people' } as unknown as TargetState }), 'startImport.target.kind'],
      [start({ target: { kind: 'contacts', listUuid: 5, tags: [], updateExisting: true } as unknown as TargetState }), 'startImport.target.listUuid'],
      [start({ target: { kind: 'contacts', listUuid, tags: [], updateExisting: 'yes' } as unknown as TargetState }), 'startImport.target.updateExisting'],
      [start({ target: { kind: 'companies', listUuids: [listUuid], tags: new Array(101).fill('t') } as unknown as TargetState }), 'startImport.target.tags'],
      [start({ saveMapping: 'yes' as unknown as boolean }), 'startImport.saveMapping'],
      [{ type: 'showInProblems' }, 'showInProblems.mapping'],
      [{ type: 'rereadFile', encoding: 'ebcdic', neutraliseFormulas: false }, 'rereadFile.encoding'],
      [{ type: 'rereadFile', encoding: 'shift_jis' }, 'rereadFile.neutraliseFormulas'],
    ];

    it('drops each one, logs where it is wrong, and neither answers nor acts', async () => {
      const { session, posted, log, calls } = setUp({ createList: async () => { throw new Error('must not be called'); } });
      for (const [message, path] of cases()) {
        const before = log.length;
        await session.receive(message);
        assert.equal(log.length, before + 1, `one log line for ${JSON.stringify(message)?.slice(0, 80)}`);
        assert.ok(log.at(-1)?.startsWith(`Mapping screen: dropped a message (${path}`), `${log.at(-1)} should name ${path}`);
        assert.ok(log.at(-1)?.endsWith(').'));
      }
      assert.deepEqual(posted, []);
      assert.deepEqual(calls, []);
    });

    it('does not repeat the values it refused in the log', async () => {
      const { session, log } = setUp();
      await session.receive({ type: 'deleteEverything', apiKey: 'gs_secret_value' });
      await session.receive({ type: 'createList', requestId: 'r', name: `gs_secret_value${'x'.repeat(300)}` });
      assert.ok(log.every((line) => !line.includes('gs_secret_value')), log.join('\n'));
    });
  });

  describe('reviews', () => {
    it('answers each mappingChanged with the real review, echoing its revision', async () => {
      const { session, posted } = setUp();
      await session.receive({ type: 'mappingChanged', revision: 0, mapping: GOOD });
      await session.receive({ type: 'mappingChanged', revision: 7, mapping: ['first_name', null, null] });
      assert.deepEqual(posted.map((m) => m.type === 'review' && [m.revision, m.review.identifier.satisfied]), [[0, true], [7, false]]);
    });

    it('echoes the revision of each question even when answers come back out of order', async () => {
      const gates = new Map<number, (review: MappingReview) => void>();
      const reviews: MappingReview[] = [];
      const { session, posted, reviewer } = setUp({
        review: (mapping) => new Promise((resolve) => gates.set(mapping.filter((f) => f !== null).length, resolve)),
      });
      const slow = session.receive({ type: 'mappingChanged', revision: 1, mapping: ['first_name', null, 'work_email'] });
      const fast = session.receive({ type: 'mappingChanged', revision: 2, mapping: GOOD });
      reviews.push(await reviewer.review(GOOD), await reviewer.review(['first_name', null, 'work_email']));
      gates.get(3)?.(reviews[0] as MappingReview);
      await fast;
      gates.get(2)?.(reviews[1] as MappingReview);
      await slow;
      assert.deepEqual(posted.map((m) => m.type === 'review' && m.revision), [2, 1]);
      assert.deepEqual(posted[0], { type: 'review', revision: 2, review: reviews[0] });
    });

    it('drops mappings that do not fit the file before reviewing them', async () => {
      const { session, posted, log } = setUp({ review: async () => assert.fail('not reviewed') });
      await session.receive({ type: 'mappingChanged', revision: 3, mapping: ['first_name', 'work_email'] });
      await session.receive({ type: 'mappingChanged', revision: 4, mapping: ['first_name', 'company_website_guess', null] });
      await session.receive({ type: 'showInProblems', mapping: ['first_name'] });
      assert.deepEqual(posted, []);
      assert.deepEqual(log, [
        'Mapping screen: dropped mappingChanged (2 columns mapped, the file has 3).',
        'Mapping screen: dropped mappingChanged (unknown field "company_website_guess").',
        'Mapping screen: dropped showInProblems (1 columns mapped, the file has 3).',
      ]);
    });

    it('logs a review that failed, with a fallback when the error has no message', async () => {
      for (const [thrown, expected] of [[new Error('disk gone'), 'disk gone'], [new Error(''), FALLBACK], ['a string', FALLBACK]] as const) {
        const { session, posted, log } = setUp({ review: async () => { throw thrown; } });
        await session.receive({ type: 'mappingChanged', revision: 1, mapping: GOOD });
        assert.deepEqual(posted, []);
        assert.deepEqual(log, [`Mapping screen: could not check the mapping (${expected}).`]);
      }
    });
  });

  describe('start', () => {
    it("refuses with the real reviewer's reason when no identifier is mapped or a field is used twice, and without a list", async () => {
      const missing = setUp();
      await missing.session.receive(start({ mapping: ['first_name', 'about', null] }));
      assert.equal(startFailure(missing.posted), 'Map LinkedIn, Work email or Personal email');

      const twice = setUp();
      await twice.session.receive(start({ mapping: ['work_email', null, 'work_email'] }));
      assert.match(startFailure(twice.posted), /^Work email is picked for columns 1 \("First Name"\) and 3 \("Email"\); pick it for one column only\.$/);
      const noList = setUp();
      await noList.session.receive(start({ target: contactsTarget(null) }));
      assert.equal(startFailure(noList.posted), 'Choose the list the contacts go into.');
      assert.deepEqual([...missing.calls, ...twice.calls, ...noList.calls], []);
    });

    it('refuses a mapping or a target that does not fit, before any review', async () => {
      const refusals: [Record<string, unknown>, string][] = [
        [start({ mapping: ['first_name', 'work_email'] }), 'The mapping does not fit the file: 2 columns mapped, the file has 3.'],
        [start({ mapping: ['first_name', 'password', 'work_email'] }), 'The mapping does not fit the file: unknown field "password".'],
        [start({ target: contactsTarget('00000000-0000-4000-8000-000000000000') }), 'The chosen list no longer exists; choose another.'],
        [start({ target: { kind: 'companies', listUuids: [], tags: [] } }), 'This screen imports contacts, not companies.'],
      ];
      for (const [message, expected] of refusals) {
        const { session, posted, calls } = setUp({ review: async () => assert.fail('not reviewed') });
        await session.receive(message);
        assert.equal(startFailure(posted), expected);
        assert.deepEqual(calls, []);
      }
    });

    it('starts despite row problems (rows are skipped, not blocking), passes the decoded request, and saves the mapping after', async () => {
      const { session, posted, calls, log } = setUp();
      await session.receive({ ...start({ saveMapping: true }), extra: 'ignored' });
      assert.deepEqual(posted, [{ type: 'job', job: JOB }]);
      assert.deepEqual(calls.map((c) => c.name), ['startImport', 'saveMapping']);
      const { mapping, target, saveMapping, extra } = calls[0]?.argument as Record<string, unknown>;
      assert.deepEqual({ mapping, target, saveMapping, extra }, { mapping: GOOD, target: contactsTarget(), saveMapping: true, extra: undefined });
      assert.deepEqual(calls[1]?.argument, GOOD);
      assert.deepEqual(log, []);
      assert.deepEqual(session.job, JOB);
    });

    it('starts once when two starts arrive together', async () => {
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => { open = resolve; });
      let starts = 0;
      const { session, posted, log } = setUp({ startImport: async () => { starts += 1; await gate; return JOB; } });
      const both = Promise.all([session.receive(start()), session.receive(start())]);
      for (let turn = 0; starts === 0 && turn < 100_000; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      open();
      await both;
      assert.equal(starts, 1);
      assert.deepEqual(posted, [{ type: 'job', job: JOB }]);
      assert.deepEqual(log, ['Mapping screen: ignored a second start of the same import.']);
    });

    it('ignores a start when the screen was opened on a running job', async () => {
      const { session, posted, calls, log } = setUp({}, JOB);
      await session.receive(start());
      assert.deepEqual(posted, []);
      assert.deepEqual(calls, []);
      assert.deepEqual(log, ['Mapping screen: ignored a second start of the same import.']);
    });

    it('tells the screen why a start failed, with the fallback sentence for an error without words', async () => {
      const { session, posted } = setUp({ startImport: async () => { throw new Error(''); } });
      await session.receive(start());
      assert.equal(startFailure(posted), FALLBACK);
    });

    it('keeps the started job when saving the mapping fails, and logs it', async () => {
      const { session, posted, log } = setUp({ saveMapping: async () => { throw new Error('storage full'); } });
      await session.receive(start({ saveMapping: true }));
      assert.deepEqual(posted, [{ type: 'job', job: JOB }]);
      assert.deepEqual(log, ['Mapping screen: could not save the mapping (storage full).']);
    });
  });

  describe('lists', () => {
    it('creates a list on GetSales, answers the request, and then accepts it as a target and shows it on the next ready', async () => {
      const { session, posted } = setUp();
      await session.receive({ type: 'createList', requestId: 'req-1', name: '  Berlin CTOs  ' });
      const [answer] = posted;
      assert.ok(answer?.type === 'createListResult' && answer.result.ok, JSON.stringify(answer));
      assert.equal(answer.requestId, 'req-1');
      assert.equal(answer.result.list.name, 'Berlin CTOs');
      const created = answer.result.list;
      const onServer = (await api().get('/leads/api/lists?limit=100')).body.data as { uuid: string; name: string }[];
      assert.ok(onServer.some((list) => list.uuid === created.uuid && list.name === 'Berlin CTOs'));

      await session.receive({ type: 'ready' });
      const init = posted[1];
      assert.ok(init?.type === 'init');
      assert.deepEqual(init.model.lists.map((l) => l.name), ['Webinar', 'Berlin CTOs']);
      await session.receive(start({ target: contactsTarget(created.uuid) }));
      assert.deepEqual(posted[2], { type: 'job', job: JOB });
    });

    it("passes GetSales's refusal to the screen", async () => {
      const { session, posted } = setUp();
      await api().post('/__sandbox/faults', { method: 'POST', path: '/leads/api/lists', status: 422, count: 1, body: JSON.stringify({ error: { reason: 'validation_error', message: 'A list with this name already exists.', data: { name: ['A list with this name already exists.'] } }, code: 422, message: 'A list with this name already exists.' }) });
      await session.receive({ type: 'createList', requestId: 'req-2', name: 'Webinar' });
      const [answer] = posted;
      assert.ok(answer?.type === 'createListResult' && !answer.result.ok, JSON.stringify(answer));
      assert.equal(answer.requestId, 'req-2');
      assert.match(answer.result.message, /^Could not create the list: .*A list with this name already exists\./);
    });

    it('follows setLists: new lists are targets, removed ones are refused', async () => {
      const { session, posted } = setUp();
      session.setLists([{ uuid: 'list-other', name: 'Other' }]);
      assert.deepEqual(posted, [{ type: 'lists', lists: [{ uuid: 'list-other', name: 'Other' }] }]);
      await session.receive(start());
      assert.equal(posted[1]?.type === 'startFailed' && posted[1].message, 'The chosen list no longer exists; choose another.');
      await session.receive(start({ target: contactsTarget('list-other') }));
      assert.deepEqual(posted[2], { type: 'job', job: JOB });
    });
  });

  describe('reading the file again', () => {
    const withPortModel = (): MappingModel => setUp().model;
    it('asks the flow for the file read the new way and shows the new model in place of the old', async () => {
      const changed: MappingModel[] = [];
      let next: MappingModel | undefined;
      const { session: withPort, posted, calls } = setUp({
        reread: async (reading) => {
          calls.push({ name: 'reread', argument: reading });
          next = { ...withPortModel(), restore: { ...withPortModel().restore, importUuid: 'imp-2', reading } };
          return next;
        },
      }, null, (model) => changed.push(model));
      await withPort.receive({ type: 'rereadFile', encoding: 'shift_jis', neutraliseFormulas: true });
      assert.deepEqual(calls.at(-1), { name: 'reread', argument: { encoding: 'shift_jis', neutraliseFormulas: true } });
      assert.ok(next !== undefined);
      assert.deepEqual(posted.at(-1), { type: 'init', model: next, job: null });
      assert.deepEqual(changed, [next]);
      await withPort.receive({ type: 'ready' });
      assert.deepEqual(posted.at(-1), { type: 'init', model: next, job: null }, 'a later ready gets the new model');
    });

    it('says why it could not, and refuses once the import has started', async () => {
      const { session, posted } = setUp({ reread: async () => { throw new Error('contacts.csv cannot be imported: line 3 holds a NUL character.'); } });
      await session.receive({ type: 'rereadFile', encoding: 'windows-1250', neutraliseFormulas: false });
      assert.deepEqual(posted, [{ type: 'rereadFailed', message: 'contacts.csv cannot be imported: line 3 holds a NUL character.' }]);
      const started = setUp({}, JOB);
      await started.session.receive({ type: 'rereadFile', encoding: 'windows-1250', neutraliseFormulas: false });
      assert.deepEqual(started.posted, [{ type: 'rereadFailed', message: 'The import has started; the file can no longer be read another way.' }]);
      assert.ok(!started.calls.some((call) => call.name === 'reread'));
    });
  });

  it('forwards Show in Problems, logs its failure, and closes on request', async () => {
    const ok = setUp();
    await ok.session.receive({ type: 'showInProblems', mapping: GOOD });
    await ok.session.receive({ type: 'closePanel' });
    assert.deepEqual(ok.calls, [{ name: 'showInProblems', argument: GOOD }]);
    assert.equal(ok.closed(), 1);

    const failing = setUp({ showInProblems: async () => { throw new Error('no editor'); } });
    await failing.session.receive({ type: 'showInProblems', mapping: GOOD });
    assert.deepEqual(failing.log, ['Mapping screen: could not show the problems (no editor).']);
  });

  it('pushes job progress and sends it with the model on the next ready', async () => {
    const { session, posted, model } = setUp();
    const done: JobProgress = { ...JOB, status: 'completed', rowsProcessed: 3, saved: 3 };
    session.showJobProgress(done);
    await session.receive({ type: 'ready' });
    assert.deepEqual(posted, [{ type: 'job', job: done }, { type: 'init', model, job: done }]);
  });
});
