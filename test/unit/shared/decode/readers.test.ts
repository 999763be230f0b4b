import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import {
  DecodeError, array, arrayOf, boolean, cell, count, nonEmptyString, number, object, oneOf, recordOf, string,
} from '../../../../src/shared/decode';

/** Runs a read that must fail and returns its error, checking it is the kit's and names `path`. */
function refused(run: () => unknown, path: string): DecodeError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DecodeError, `expected a DecodeError, got ${String(error)}`);
    assert.equal(error.path, path);
    assert.equal(error.message, `${error.path}: ${error.problem}`);
    return error;
  }
  assert.fail(`expected ${path} to be refused`);
}

describe('decode readers', () => {
  it('object accepts a plain object and refuses null, arrays and scalars by JSON type', () => {
    assert.deepEqual(object({ a: 1 }, 'x'), { a: 1 });
    assert.equal(refused(() => object(null, 'x'), 'x').problem, 'expected an object, got null');
    assert.equal(refused(() => object([], 'x.y'), 'x.y').problem, 'expected an object, got an array');
    assert.equal(refused(() => object('s', 'x'), 'x').problem, 'expected an object, got a string');
    assert.equal(refused(() => object(undefined, 'x'), 'x').problem, 'expected an object, got nothing');
  });

  it('array and arrayOf name the item that failed and enforce maxItems', () => {
    assert.deepEqual(array([1, 'a'], 'list'), [1, 'a']);
    refused(() => array({}, 'list'), 'list');
    assert.deepEqual(arrayOf(['a', 'b'], 'list', string), ['a', 'b']);
    refused(() => arrayOf(['a', 2], 'list', string), 'list[1]');
    assert.equal(refused(() => arrayOf(['a', 'b', 'c'], 'list', string, { maxItems: 2 }), 'list').problem, 'more than 2 items');
    assert.deepEqual(arrayOf(['a', 'b'], 'list', string, { maxItems: 2 }), ['a', 'b']);
  });

  it('recordOf reads every property and names the key that failed', () => {
    assert.deepEqual(recordOf({ a: 'x', b: 'y' }, 'map', string), { a: 'x', b: 'y' });
    refused(() => recordOf({ a: 'x', b: 3 }, 'map', string), 'map.b');
    refused(() => recordOf([], 'map', string), 'map');
  });

  it('string and nonEmptyString check type, blankness and maxLength', () => {
    assert.equal(string('', 's'), '');
    assert.equal(refused(() => string(5, 's'), 's').problem, 'expected a string, got a number');
    assert.equal(refused(() => string('abcd', 's', { maxLength: 3 }), 's').problem, 'longer than 3 characters');
    assert.equal(string('abc', 's', { maxLength: 3 }), 'abc');
    assert.equal(nonEmptyString(' a ', 's'), ' a ');
    assert.equal(refused(() => nonEmptyString('  ', 's'), 's').problem, 'expected a non-empty string');
    refused(() => nonEmptyString('abcd', 's', { maxLength: 3 }), 's');
    refused(() => nonEmptyString(null, 's'), 's');
  });

  it('boolean accepts only true and false', () => {
    assert.equal(boolean(false, 'b'), false);
    assert.equal(refused(() => boolean('true', 'b'), 'b').problem, 'expected true or false, got a string');
    refused(() => boolean(0, 'b'), 'b');
  });

  it('number accepts finite numbers only', () => {
    assert.equal(number(-1.5, 'x'), -1.5);
    assert.equal(refused(() => number('1', 'x'), 'x').problem, 'expected a number, got a string');
    refused(() => number(Number.POSITIVE_INFINITY, 'x'), 'x');
    refused(() => number(Number.NaN, 'x'), 'x');
  });

  it('count accepts non-negative safe integers, and digit strings only when asked', () => {
    assert.equal(count(0, 'n'), 0);
    assert.equal(count(42, 'n'), 42);
    assert.equal(refused(() => count(-1, 'n'), 'n').problem, 'expected a non-negative integer, got a negative number');
    assert.equal(refused(() => count(1.5, 'n'), 'n').problem, 'expected a non-negative integer, got a number that is not a whole number');
    refused(() => count(Number.NaN, 'n'), 'n');
    refused(() => count(2 ** 53, 'n'), 'n');
    assert.equal(refused(() => count('42', 'n'), 'n').problem, 'expected a non-negative integer, got a string');
    assert.equal(count('42', 'n', { digitStrings: true }), 42);
    refused(() => count('-4', 'n', { digitStrings: true }), 'n');
    refused(() => count('4.0', 'n', { digitStrings: true }), 'n');
    refused(() => count('', 'n', { digitStrings: true }), 'n');
  });

  it('oneOf accepts listed strings and says which were allowed', () => {
    assert.equal(oneOf('b', 'k', ['a', 'b'] as const), 'b');
    assert.equal(refused(() => oneOf('c', 'k', ['a', 'b']), 'k').problem, 'expected one of a, b, got another string');
    assert.equal(refused(() => oneOf(1, 'k', ['a', 'b']), 'k').problem, 'expected one of a, b, got a number');
  });

  it('cell turns text, numbers, booleans and empties into text', () => {
    assert.equal(cell('x', 'c'), 'x');
    assert.equal(cell(3.5, 'c'), '3.5');
    assert.equal(cell(true, 'c'), 'true');
    assert.equal(cell(null, 'c'), '');
    assert.equal(cell(undefined, 'c'), '');
    assert.equal(refused(() => cell({}, 'c'), 'c').problem, 'expected a cell value, got an object');
    refused(() => cell([], 'c'), 'c');
  });

  it('never puts the refused value into the message', () => {
    const secret = 'sk-live-0123456789';
    const messages = [
      refused(() => object(secret, 'a'), 'a'), refused(() => boolean(secret, 'a'), 'a'), refused(() => count(secret, 'a'), 'a'),
      refused(() => oneOf(secret, 'a', ['x']), 'a'), refused(() => string(secret, 'a', { maxLength: 3 }), 'a'),
      refused(() => count(secret, 'a', { digitStrings: true }), 'a'),
    ].map((error) => error.message);
    for (const message of messages) assert.ok(!message.includes('sk-live'), message);
  });
});
