/**
 * "Was this content imported before?": which earlier import of the job store counts
 * (same connection, content, kind and lists; one that imported something or still runs),
 * and the words of the question.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { type ImportTarget, importJobData } from '../../../../src/core/import/import-job-data';
import { type ImportCandidate, findPreviousImport } from '../../../../src/core/import/previous-import';
import { IMPORT_ANYWAY, SHOW_PREVIOUS_IMPORT, importAgainQuestion } from '../../../../src/core/import/previous-import-question';
import { type Job, type JobCounts, type JobPatch, JobStore } from '../../../../src/core/jobs';
import type { RecordKind } from '../../../../src/shared/vocabulary';
import { MemoryStorage } from '../jobs/helpers';

const HASH = 'c'.repeat(64);
const OTHER_HASH = 'd'.repeat(64);
const ACCOUNT = 'https://amazing.getsales.io 0123456789abcdef01234567';
const OTHER_ACCOUNT = 'https://amazing.getsales.io 76543210fedcba9876543210';
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

const contactsTarget = (listUuid: string): ImportTarget => ({ listUuid, listUuids: [], tags: [], updateExisting: true });
const companiesTarget = (listUuids: string[]): ImportTarget => ({ listUuid: undefined, listUuids, tags: [], updateExisting: true });

function counts(saved: number, duplicates = 0, errors = 0): JobCounts {
  return { queued: 0, saved, duplicates, blacklisted: 0, errors };
}

interface Earlier {
  readonly uuid: string;
  readonly kind?: RecordKind;
  readonly hash?: string | undefined;
  readonly account?: string | undefined;
  readonly target?: ImportTarget;
  readonly createdAt?: number;
  readonly state?: JobPatch;
}

/** A store holding earlier imports, as a window would have them. */
function storeWith(...earlier: Earlier[]): JobStore {
  const store = new JobStore({ storage: new MemoryStorage(), now: () => NOW });
  for (const job of earlier) {
    store.addImport({
      entity: job.kind ?? 'contacts',
      connection: 'account',
      remoteUuid: job.uuid,
      label: `${job.uuid}.csv`,
      createdAt: job.createdAt ?? NOW - 2 * HOUR,
      data: importJobData({
        mapping: ['work_email'], headers: ['Email'], encoding: 'utf-8', delimiter: ',', sepLine: false,
        target: job.target ?? contactsTarget('webinar'),
        contentHash: 'hash' in job ? job.hash : HASH,
        connectionKey: 'account' in job ? job.account : ACCOUNT,
      }),
      state: job.state ?? { status: 'done', counts: counts(3, 1) },
    });
  }
  return store;
}

const CONTACTS: ImportCandidate = { kind: 'contacts', contentHash: HASH, connectionKey: ACCOUNT, target: contactsTarget('webinar') };

function found(store: JobStore, candidate: ImportCandidate = CONTACTS): string | undefined {
  return findPreviousImport(store.all(), candidate)?.remoteUuid;
}

describe('findPreviousImport', () => {
  it('finds an earlier import of the same content into the same list on the same connection', () => {
    assert.equal(found(storeWith({ uuid: 'earlier' })), 'earlier');
  });

  it('does not find other content, another list, another connection or another kind', () => {
    assert.equal(found(storeWith({ uuid: 'other-content', hash: OTHER_HASH })), undefined);
    assert.equal(found(storeWith({ uuid: 'other-list', target: contactsTarget('newsletter') })), undefined);
    assert.equal(found(storeWith({ uuid: 'other-account', account: OTHER_ACCOUNT })), undefined);
    assert.equal(found(storeWith({ uuid: 'sandbox', account: 'local-sandbox' })), undefined);
    assert.equal(found(storeWith({ uuid: 'companies', kind: 'companies', target: companiesTarget(['webinar']) })), undefined);
  });

  it('does not find imports of older versions, which kept no hash or connection', () => {
    assert.equal(found(storeWith({ uuid: 'no-hash', hash: undefined })), undefined);
    assert.equal(found(storeWith({ uuid: 'no-connection', account: undefined })), undefined);
  });

  it('ignores exports and jobs without import data (found on the server)', () => {
    const store = storeWith();
    store.addExport({ entity: 'contacts', connection: 'account', remoteUuid: 'export', label: 'All contacts', data: { contentHash: HASH, connectionKey: ACCOUNT } });
    store.addImport({ entity: 'contacts', connection: 'account', remoteUuid: 'discovered', label: 'contacts.csv', discovered: true, state: { status: 'done', counts: counts(5) } });
    assert.equal(found(store), undefined);
  });

  it('compares companies by their set of lists: order and repeats do not matter, a subset is another target', () => {
    const store = storeWith({ uuid: 'companies', kind: 'companies', target: companiesTarget(['b', 'a']) });
    const companies = (listUuids: string[]): ImportCandidate => ({ kind: 'companies', contentHash: HASH, connectionKey: ACCOUNT, target: companiesTarget(listUuids) });
    assert.equal(found(store, companies(['a', 'b'])), 'companies');
    assert.equal(found(store, companies(['a', 'b', 'a'])), 'companies');
    assert.equal(found(store, companies(['a'])), undefined);
    assert.equal(found(store, companies([])), undefined);
    assert.equal(found(storeWith({ uuid: 'no-list', kind: 'companies', target: companiesTarget([]) }), companies([])), 'no-list');
  });

  it('counts an import that runs or imported something; not one that failed or was cancelled before importing anything', () => {
    assert.equal(found(storeWith({ uuid: 'running', state: { status: 'running' } })), 'running');
    assert.equal(found(storeWith({ uuid: 'queued', state: { status: 'queued' } })), 'queued');
    assert.equal(found(storeWith({ uuid: 'failed-late', state: { status: 'failed', counts: counts(40) } })), 'failed-late');
    assert.equal(found(storeWith({ uuid: 'duplicates-only', state: { status: 'done', counts: counts(0, 3) } })), 'duplicates-only');
    assert.equal(found(storeWith({ uuid: 'done-unknown', state: { status: 'done' } })), 'done-unknown');
    assert.equal(found(storeWith({ uuid: 'failed', state: { status: 'failed', message: 'server error' } })), undefined);
    assert.equal(found(storeWith({ uuid: 'failed-at-zero', state: { status: 'failed', counts: counts(0) } })), undefined);
    assert.equal(found(storeWith({ uuid: 'cancelled', state: { status: 'cancelled' } })), undefined);
    assert.equal(found(storeWith({ uuid: 'gone', state: { status: 'gone' } })), undefined);
    assert.equal(found(storeWith({ uuid: 'all-refused', state: { status: 'partial', counts: counts(0, 0, 4) } })), undefined);
  });

  it('finds the newest when there are several', () => {
    const store = storeWith(
      { uuid: 'oldest', createdAt: NOW - 5 * HOUR },
      { uuid: 'newest', createdAt: NOW - HOUR },
      { uuid: 'middle', createdAt: NOW - 3 * HOUR },
      { uuid: 'newer-but-failed', createdAt: NOW - 1_000, state: { status: 'failed' } },
    );
    assert.equal(found(store), 'newest');
  });
});

describe('the question before importing again', () => {
  const job = (earlier: Earlier): Job => {
    const [only] = storeWith(earlier).all();
    assert.ok(only);
    return only;
  };

  it('names the list, how long ago, and what the earlier import did', () => {
    assert.equal(
      importAgainQuestion(job({ uuid: 'a' }), ['Webinar leads'], NOW),
      'Identical content was imported into "Webinar leads" 2 hours ago (3 saved, 1 duplicate). Import again?',
    );
    assert.equal(
      importAgainQuestion(job({ uuid: 'b', createdAt: NOW - 61_000, state: { status: 'partial', counts: counts(1, 2, 1) } }), ['Q4'], NOW),
      'Identical content was imported into "Q4" 1 minute ago (1 saved, 2 duplicates, 1 error). Import again?',
    );
    assert.deepEqual([IMPORT_ANYWAY, SHOW_PREVIOUS_IMPORT], ['Import Anyway', 'Show Previous Import']);
  });

  it('names several lists, or none, and says when the earlier import still runs', () => {
    const earlier = job({ uuid: 'c', createdAt: NOW - 10_000, state: { status: 'running' } });
    assert.equal(importAgainQuestion(earlier, ['A', 'B', 'C'], NOW), 'Identical content was imported into "A", "B" and "C" less than a minute ago (still importing). Import again?');
    assert.equal(importAgainQuestion(earlier, ['A', 'B'], NOW), 'Identical content was imported into "A" and "B" less than a minute ago (still importing). Import again?');
    assert.equal(importAgainQuestion(earlier, [], NOW), 'Identical content was imported less than a minute ago (still importing). Import again?');
  });

  it('says "the same list" when a name is not known, and nothing of counts it does not have', () => {
    const earlier = job({ uuid: 'd', createdAt: NOW - 3 * 24 * HOUR, state: { status: 'done' } });
    assert.equal(importAgainQuestion(earlier, [undefined], NOW), 'Identical content was imported into the same list 3 days ago. Import again?');
    assert.equal(importAgainQuestion(earlier, ['A', undefined], NOW), 'Identical content was imported into the same 2 lists 3 days ago. Import again?');
  });
});
