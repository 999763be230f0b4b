// Numbers for people: counts, plurals, sizes, and how long ago.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatBytes, formatCount, formatTimeAgo, plural } from '../../../src/shared/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('format', () => {
  it('counts with en-US grouping and plurals through one helper', () => {
    assert.equal(formatCount(15_728_640), '15,728,640');
    assert.equal(plural(1, 'duplicate'), '1 duplicate');
    assert.equal(plural(2_000, 'row'), '2,000 rows');
    assert.equal(plural(3, 'company', 'companies'), '3 companies');
    assert.equal(formatBytes(15 * 1024 * 1024), '15.0 MB');
  });

  it('says how long ago, rounded down to the largest whole unit', () => {
    const cases: [number, string][] = [
      [-5_000, 'less than a minute ago'],
      [0, 'less than a minute ago'],
      [59_999, 'less than a minute ago'],
      [MINUTE, '1 minute ago'],
      [59 * MINUTE + 59_999, '59 minutes ago'],
      [HOUR, '1 hour ago'],
      [2 * HOUR + 40 * MINUTE, '2 hours ago'],
      [23 * HOUR + 59 * MINUTE, '23 hours ago'],
      [24 * HOUR, '1 day ago'],
      [1_000 * 24 * HOUR, '1,000 days ago'],
    ];
    for (const [elapsed, words] of cases) assert.equal(formatTimeAgo(elapsed), words, String(elapsed));
  });
});
