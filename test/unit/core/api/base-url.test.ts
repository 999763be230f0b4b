/** Where the API key may go: https anywhere, plain http only to this machine, never credentials in the URL. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { checkBaseUrl } from '../../../../src/core/api/base-url';
import { UserError } from '../../../../src/core/user-error';

function refusal(value: string): UserError {
  try {
    checkBaseUrl(value);
  } catch (error) {
    assert.ok(error instanceof UserError, `expected a UserError for ${value}, got ${String(error)}`);
    return error;
  }
  assert.fail(`${value} was accepted`);
}

describe('checkBaseUrl', () => {
  it('accepts https URLs and returns them without trailing slashes', () => {
    assert.equal(checkBaseUrl('https://amazing.getsales.io'), 'https://amazing.getsales.io');
    assert.equal(checkBaseUrl('https://amazing.getsales.io/'), 'https://amazing.getsales.io');
    assert.equal(checkBaseUrl('https://proxy.example.com/getsales///'), 'https://proxy.example.com/getsales');
    assert.equal(checkBaseUrl('https://proxy.example.com:8443/api'), 'https://proxy.example.com:8443/api');
  });

  it('accepts plain http to localhost, 127.0.0.1 and [::1] only', () => {
    assert.equal(checkBaseUrl('http://localhost:4010/'), 'http://localhost:4010');
    assert.equal(checkBaseUrl('http://127.0.0.1:4010'), 'http://127.0.0.1:4010');
    assert.equal(checkBaseUrl('http://[::1]:4010'), 'http://[::1]:4010');
    assert.equal(checkBaseUrl('HTTP://LOCALHOST:4010'), 'http://localhost:4010');
  });

  it('refuses plain http to any other host, even one that starts like localhost', () => {
    for (const value of ['http://amazing.getsales.io', 'http://localhost.evil.example', 'http://127.0.0.2:4010', 'http://10.0.0.1']) {
      const error = refusal(value);
      assert.equal(error.message, 'The GetSales API URL must start with https:// (plain http:// only for localhost). Fix getsales.apiBaseUrl in the settings.');
      assert.deepEqual(error.actions, ['openSettings']);
    }
  });

  it('refuses other schemes with the same sentence', () => {
    for (const value of ['ftp://amazing.getsales.io', 'ws://localhost:4010', 'file:///etc/passwd']) {
      assert.match(refusal(value).message, /^The GetSales API URL must start with https:\/\//);
    }
  });

  it('names a value that is not a URL and the default to go back to', () => {
    const error = refusal('amazing.getsales.io');
    assert.equal(error.message, 'The GetSales API URL "amazing.getsales.io" is not a valid URL. Fix getsales.apiBaseUrl in the settings (default https://amazing.getsales.io).');
    assert.deepEqual(error.actions, ['openSettings']);
    assert.match(refusal('').message, /^The GetSales API URL "" is not a valid URL/);
  });

  it('refuses a user name or password in the URL without repeating them', () => {
    for (const value of ['https://user:secret@amazing.getsales.io', 'https://gs_key_123@amazing.getsales.io', 'http://:secret@localhost:4010']) {
      const error = refusal(value);
      assert.equal(error.message, 'The GetSales API URL must not contain a user name or password. Fix getsales.apiBaseUrl in the settings.');
      assert.deepEqual(error.actions, ['openSettings']);
    }
  });
});
