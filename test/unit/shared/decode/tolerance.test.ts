import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { DecodeError, count, lenient, nullable, object, optional, skipInvalid, string } from '../../../../src/shared/decode';

function problems(): { readonly seen: DecodeError[]; readonly report: (problem: DecodeError) => void } {
  const seen: DecodeError[] = [];
  return { seen, report: (problem) => seen.push(problem) };
}

describe('decode tolerance', () => {
  it('nullable keeps null, reads anything else, and refuses absence', () => {
    assert.equal(nullable(null, 'n', string), null);
    assert.equal(nullable('a', 'n', string), 'a');
    assert.throws(() => nullable(undefined, 'n', string), (error: unknown) => error instanceof DecodeError && error.path === 'n');
  });

  it('optional gives the fallback (or undefined) for absent and null, and still refuses a wrong value', () => {
    assert.equal(optional(undefined, 'o', count), undefined);
    assert.equal(optional(null, 'o', count), undefined);
    assert.equal(optional(undefined, 'o', count, 7), 7);
    assert.equal(optional(null, 'o', count, 7), 7);
    assert.equal(optional(3, 'o', count, 7), 3);
    assert.throws(() => optional('x', 'o.p', count, 7), (error: unknown) => error instanceof DecodeError && error.path === 'o.p');
  });

  it('lenient falls back on a wrong value and reports it, once, with its path', () => {
    const { seen, report } = problems();
    assert.equal(lenient(5, 'l', count, 0, report), 5);
    assert.equal(lenient(undefined, 'l', count, 0, report), 0);
    assert.equal(lenient(null, 'l', count, 0, report), 0);
    assert.equal(seen.length, 0);
    assert.equal(lenient('five', 'x.l', count, 0, report), 0);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.path, 'x.l');
  });

  it('lenient does not swallow errors that are not decode problems', () => {
    const broken = (): never => {
      throw new TypeError('bug');
    };
    assert.throws(() => lenient(1, 'l', broken, 0, () => assert.fail('not a decode problem')), TypeError);
  });

  it('skipInvalid keeps the items that fit and reports each dropped one with its own path', () => {
    const { seen, report } = problems();
    const read = (value: unknown, path: string): string => string(object(value, path).name, `${path}.name`);
    const kept = skipInvalid([{ name: 'a' }, { name: 2 }, 'junk', { name: 'd' }], 'page.data', read, report);
    assert.deepEqual(kept, ['a', 'd']);
    assert.deepEqual(seen.map((problem) => problem.path), ['page.data[1].name', 'page.data[2]']);
  });

  it('skipInvalid still refuses a value that is not an array, or too many items', () => {
    const { seen, report } = problems();
    assert.throws(() => skipInvalid({}, 'page.data', string, report), (error: unknown) => error instanceof DecodeError && error.path === 'page.data');
    assert.throws(() => skipInvalid(['a', 'b', 'c'], 'page.data', string, report, { maxItems: 2 }), /more than 2 items/);
    assert.deepEqual(seen, []);
  });
});
