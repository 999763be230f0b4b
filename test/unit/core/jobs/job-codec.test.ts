import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { JOBS_STORAGE_VERSION, decodeJobs, encodeJobs } from '../../../../src/core/jobs/job-codec';
import type { Job } from '../../../../src/core/jobs';

const job: Job = {
  id: 'export:e-1', kind: 'export', entity: 'companies', connection: 'account', remoteUuid: 'e-1', label: 'All companies',
  status: 'done', remoteStatus: 'done', progress: { done: 3, total: 3 }, counts: undefined, rowErrors: [], message: undefined,
  createdAt: 1_000, updatedAt: 2_000, finishedAt: 2_000, serverTimes: { startedAt: 1_000, finishedAt: 1_900 }, sourcePath: undefined, files: ['a.csv'], downloads: [],
  discovered: false, data: { filter: { kind: 'all' }, tags: ['x', null] },
};

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
