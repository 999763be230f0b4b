import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { JOBS_STORAGE_VERSION, decodeJobs, encodeJobs } from '../../../../src/core/jobs/job-codec';
import type { Job } from '../../../../src/core/jobs';

const job: Job = {
  id: 'export:e-1', kind: 'export', entity: 'companies', connection: 'account', remoteUuid: 'e-1', label: 'All companies',
  status: 'done', remoteStatus: 'done', progress: { done: 3, total: 3 }, counts: undefined, rowErrors: [], message: undefined,
  createdAt: 1_000, updatedAt: 2_000, finishedAt: 2_000, serverTimes: { startedAt: 1_000, finishedAt: 1_900 }, sourcePath: undefined, files: ['a.csv'], downloads: [],
  discovered: false, data: { filter: { kind: 'all' }, tags: ['x', null] }, parts: undefined, parentId: undefined,
};

const part = { file: 'part-1.csv', sizeBytes: 14_000_000, rows: 60_000, firstLine: 2, lineOffset: 0, uploadUuid: undefined, jobId: undefined, error: undefined, replaced: [] };

/** A file imported in parts: the parent (with its plan) and one part's child. */
const parent: Job = {
  ...job, id: 'import:local-1', kind: 'import', entity: 'contacts', remoteUuid: 'local-1', label: 'big.csv', status: 'failed', remoteStatus: undefined,
  files: [], data: { mapping: ['work_email'] }, sourcePath: '/data/big.csv', serverTimes: undefined, message: 'Part 2 of 2 failed.',
  parts: {
    folder: '/storage/import-parts/local-1',
    stopped: true,
    firstUpload: 'up-1',
    parts: [
      { ...part, state: 'done', uploadUuid: 'up-1', jobId: 'import:up-1' },
      { ...part, file: 'part-2.csv', firstLine: 60_002, lineOffset: 60_000, state: 'failed', uploadUuid: 'up-2', error: 'GetSales answered 500.', replaced: ['up-0'] },
    ],
  },
};
const child: Job = { ...job, id: 'import:up-1', kind: 'import', entity: 'contacts', remoteUuid: 'up-1', label: 'big.csv · part 1 of 2', parentId: 'import:local-1', files: [] };

/** What globalState gives back: a JSON copy, where undefined fields are gone. */
function stored(jobs: readonly unknown[]): unknown {
  return JSON.parse(JSON.stringify({ version: JOBS_STORAGE_VERSION, jobs }));
}

describe('job codec', () => {
  it('reads back what it wrote', () => {
    const { jobs, problems } = decodeJobs(JSON.parse(JSON.stringify(encodeJobs([job]))));
    assert.deepEqual(jobs, [job]);
    assert.deepEqual(problems, []);
  });

  it('reads back a parent with its parts and a child with its parent', () => {
    const { jobs, problems } = decodeJobs(JSON.parse(JSON.stringify(encodeJobs([parent, child]))));
    assert.deepEqual(jobs, [parent, child]);
    assert.deepEqual(problems, []);
  });

  it('reads a part that was being sent when the window closed as waiting to be sent again', () => {
    const sending = { ...parent, parts: { ...parent.parts, parts: [{ ...part, state: 'uploading' }] } };
    assert.equal(decodeJobs(stored([sending])).jobs[0]?.parts?.parts[0]?.state, 'waiting');
  });

  it('drops a parent whose parts do not read: it could be neither run nor summed', () => {
    const { jobs, problems } = decodeJobs(stored([{ ...parent, parts: { ...parent.parts, parts: [{ ...part, state: 'lost' }] } }, { ...parent, id: 'import:local-2', remoteUuid: 'local-2', parts: { ...parent.parts, parts: [] } }]));
    assert.deepEqual(jobs, []);
    assert.deepEqual(problems, [
      'stored job dropped: jobs[0].parts.parts[0].state: expected one of waiting, uploading, running, done, partial, failed, got another string',
      'stored job dropped: jobs[1].parts.parts: has no parts',
    ]);
  });

  it('drops a job that does not fit, naming the field, and keeps the rest', () => {
    const { jobs, problems } = decodeJobs(stored([{ ...job, createdAt: -5 }, job, { ...job, id: 'export:other' }]));
    assert.deepEqual(jobs.map((kept) => kept.id), ['export:e-1']);
    assert.deepEqual(problems, [
      'stored job dropped: jobs[0].createdAt: expected a non-negative integer, got a negative number',
      'stored job dropped: jobs[2].id: does not match kind and remoteUuid',
    ]);
  });

  it('keeps a job whose free data is not JSON-shaped, without the data, and says so', () => {
    const { jobs, problems } = decodeJobs(stored([{ ...job, data: ['not', 'an', 'object'] }]));
    assert.deepEqual(jobs[0]?.data, {});
    assert.deepEqual(problems, ['stored job kept without its data: jobs[0].data: expected an object, got an array']);
  });

  it('starts empty for an unknown format or version', () => {
    assert.deepEqual(decodeJobs(undefined), { jobs: [], problems: [] });
    assert.equal(decodeJobs({ jobs: 'x' }).problems.length, 1);
    assert.match(decodeJobs({ version: 2, jobs: [] }).problems[0] ?? '', /version 2/);
  });
});
