import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { type Job, JobStore, describeJob, finishedSentence, formatDuration, statusLabel } from '../../../../src/core/jobs';
import { MemoryStorage } from './helpers';

function job(patch: Partial<Job>, kind: 'import' | 'export' = 'import'): Job {
  const store = new JobStore({ storage: new MemoryStorage(), now: () => 0 });
  const base = kind === 'import'
    ? store.addImport({ entity: 'contacts', connection: 'account', remoteUuid: 'u', label: 'contacts.csv' })
    : store.addExport({ entity: 'contacts', connection: 'account', remoteUuid: 'u', label: 'contacts in "Webinar"' });
  return { ...base, ...patch };
}

describe('job descriptions', () => {
  it('formats durations for people', () => {
    assert.equal(formatDuration(42_000), '42 s');
    assert.equal(formatDuration(125_000), '2 min 5 s');
    assert.equal(formatDuration(3_600_000), '1 h');
    assert.equal(formatDuration(3_720_000), '1 h 2 min');
    assert.equal(formatDuration(300), 'under 1 s');
  });

  it("gives the job's own duration from the server's times, not the time we took to look", () => {
    // Seen finished 8 s after the start (a slow poll), but the server says it ran 1 s.
    const polledLate = job({ status: 'done', finishedAt: 8_000, serverTimes: { startedAt: 1_700_000_000_000, finishedAt: 1_700_000_001_000 } });
    assert.equal(describeJob(polledLate), 'done in 1 s');
    // Without server times: first seen to seen finished.
    assert.equal(describeJob(job({ status: 'done', finishedAt: 2_000, serverTimes: undefined })), 'done in 2 s');
    // A server end before its start (bad data) is not believed.
    assert.equal(describeJob(job({ status: 'done', finishedAt: 3_000, serverTimes: { startedAt: 5_000, finishedAt: 1_000 } })), 'done in 3 s');
  });

  it('says plainly that the server no longer knows a job', () => {
    const gone = job({ status: 'gone' });
    assert.equal(describeJob(gone), 'no longer known');
    assert.equal(finishedSentence(gone), 'Import of contacts.csv is no longer known to GetSales.');
  });

  it('writes counts with correct plurals', () => {
    const one = job({ status: 'partial', counts: { queued: 0, saved: 1, duplicates: 1, blacklisted: 0, errors: 1 } });
    assert.equal(finishedSentence(one), 'Import of contacts.csv finished: 1 saved, 1 duplicate, 1 error.');
  });

  it('shows progress while running and the duration once done', () => {
    assert.equal(describeJob(job({ status: 'running', progress: { done: 3_000, total: 12_000 } })), '3,000 / 12,000 rows');
    assert.equal(describeJob(job({ status: 'queued' })), 'queued');
    assert.equal(describeJob(job({ status: 'done', finishedAt: 42_000 })), 'done in 42 s');
    assert.equal(describeJob(job({ status: 'partial', finishedAt: 61_000, counts: { queued: 0, saved: 9, duplicates: 0, blacklisted: 0, errors: 3 } })), '3 errors in 1 min 1 s');
    assert.equal(describeJob(job({ status: 'failed' })), 'failed');
    assert.equal(describeJob(job({ status: 'partial', finishedAt: 1_000, counts: { queued: 0, saved: 9, duplicates: 0, blacklisted: 0, errors: 1 } })), '1 error in 1 s');
  });

  it('writes the finished notification with counts', () => {
    const done = job({ status: 'partial', counts: { queued: 0, saved: 4_812, duplicates: 120, blacklisted: 0, errors: 3 } });
    assert.equal(finishedSentence(done), 'Import of contacts.csv finished: 4,812 saved, 120 duplicates, 3 errors.');
    assert.equal(finishedSentence(job({ status: 'failed', message: 'GetSales reported that the import failed.' })), 'Import of contacts.csv failed: GetSales reported that the import failed.');
    assert.equal(finishedSentence(job({ status: 'done', progress: { done: 3_000, total: 3_000 } }, 'export')), 'Export of contacts in "Webinar" is ready (3,000 records).');
  });

  it('words a job cancelled on the server as such, not as a failure', () => {
    const cancelled = job({ status: 'cancelled' }, 'export');
    assert.equal(describeJob(cancelled), 'cancelled on GetSales');
    assert.equal(statusLabel(cancelled), 'Cancelled on GetSales');
    assert.equal(statusLabel({ ...cancelled, remoteStatus: 'cancelled' }), 'Cancelled on GetSales (GetSales: cancelled)');
    assert.equal(finishedSentence(cancelled), 'Export of contacts in "Webinar" was cancelled on GetSales; nothing to download.');
  });

  it('does not give a job GetSales no longer knows the last status word it had', () => {
    assert.equal(statusLabel(job({ status: 'gone', remoteStatus: 'done' })), 'No longer known');
  });
});
