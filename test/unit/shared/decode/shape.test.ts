import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { shapeOf } from '../../../../src/shared/decode';

describe('shapeOf', () => {
  it('describes keys and JSON types without any value', () => {
    const response = { uuid: 'secret-uuid', rows: 12, done: false, note: null, payload: { file_name: 'ada@example.com.csv' }, files: ['a.csv', 'b.csv'] };
    const shape = shapeOf(response);
    assert.equal(shape, '{uuid: string, rows: number, done: boolean, note: null, payload: {file_name: string}, files: array(2) of string}');
    for (const value of ['secret-uuid', '12', 'ada@example.com', 'a.csv']) assert.ok(!shape.includes(value), `${value} leaked into ${shape}`);
  });

  it('lists the distinct item shapes of an array', () => {
    assert.equal(shapeOf([]), 'array(0)');
    assert.equal(shapeOf([{ row: 1 }, { row: 2 }, 'x']), 'array(3) of {row: number} | string');
    assert.equal(shapeOf([1, 'a', true, null, {}]), 'array(5) of number | string | boolean | …');
  });

  it('stops at a depth and a number of keys, and hides keys that are data', () => {
    assert.equal(shapeOf({ a: { b: { c: { d: 1 } } } }), '{a: {b: {c: {1 key}}}}');
    const wide = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`k${index}`, index]));
    assert.match(shapeOf(wide), /k19: number, …5 more\}$/);
    assert.equal(shapeOf({ 'First Name': 'Ada' }), '{<key>: string}');
    assert.equal(shapeOf({ '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc': { saved: 1 }, 'ada@example.com': 1 }), '{<key>: {saved: number}, <key>: number}');
  });

  it('names scalars by type', () => {
    assert.equal(shapeOf('text'), 'string');
    assert.equal(shapeOf(null), 'null');
    assert.equal(shapeOf(undefined), 'undefined');
  });
});
