import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { AuthError, PaymentRequiredError, RateLimitedError, ServerError, ValidationError, NotFoundError } from '../../../../src/core/api/errors';
import { errorForStatus, networkError, networkFailureOf, parseRetryAfter } from '../../../../src/core/api/failures';

function errorFor(status: number, bodyText = '', extra: { retryAfter?: string; mayHaveActed?: boolean } = {}) {
  return errorForStatus({
    request: { method: 'POST', path: '/leads/api/x', status },
    bodyText,
    retryAfter: extra.retryAfter,
    mayHaveActed: extra.mayHaveActed ?? false,
    now: Date.parse('2026-11-28T10:00:00Z'),
    redact: (text) => text.split('sk_secret').join('***'),
  });
}

describe('errorForStatus', () => {
  it('maps each status to its typed error', () => {
    assert.ok(errorFor(401) instanceof AuthError);
    assert.ok(errorFor(403) instanceof AuthError);
    assert.ok(errorFor(402) instanceof PaymentRequiredError);
    assert.ok(errorFor(404) instanceof NotFoundError);
    assert.ok(errorFor(413, '<html>too big</html>') instanceof ValidationError);
    assert.ok(errorFor(429) instanceof RateLimitedError);
    assert.ok(errorFor(500) instanceof ServerError);
    assert.ok(errorFor(503, '<html>Bad gateway</html>') instanceof ServerError);
  });

  it('carries validation field messages and the server sentence', () => {
    const error = errorFor(422, JSON.stringify({ error: { reason: 'validation_error', message: 'Map an identifier.', data: { columns: ['Map linkedin_id, work_email or personal_email.'] } } }));
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(error.fields, { columns: ['Map linkedin_id, work_email or personal_email.'] });
    assert.match(error.message, /Map an identifier\./);
    assert.match(error.message, /columns: Map linkedin_id/);
  });

  it('reads Retry-After as seconds or as a date, defaulting when absent', () => {
    assert.equal((errorFor(429, '', { retryAfter: '7' }) as RateLimitedError).retryAfterMs, 7_000);
    assert.equal(parseRetryAfter('Sat, 28 Nov 2026 10:00:30 GMT', Date.parse('2026-11-28T10:00:00Z')), 30_000);
    assert.equal(parseRetryAfter('soon', 0), undefined);
    assert.ok((errorFor(429) as RateLimitedError).retryAfterMs > 0);
  });

  it('warns not to repeat a request the server may have carried out', () => {
    const error = errorFor(500, '', { mayHaveActed: true });
    assert.ok(error instanceof ServerError && error.mayHaveActed);
    assert.match(error.message, /may have been carried out/);
  });

  it('redacts secrets the server echoes back', () => {
    const error = errorFor(403, JSON.stringify({ message: 'Key sk_secret is not allowed' }));
    assert.doesNotMatch(error.message, /sk_secret/);
  });
});

describe('network failures', () => {
  it('classifies socket errors, following causes', () => {
    assert.equal(networkFailureOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), 'refused');
    assert.equal(networkFailureOf(new Error('fetch failed', { cause: Object.assign(new Error('y'), { code: 'ENOTFOUND' }) })), 'dns');
    assert.equal(networkFailureOf(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' })), 'reset');
    assert.equal(networkFailureOf(new Error('plain')), 'other');
  });

  it('says whether the server may have acted', () => {
    const request = { method: 'POST', path: '/p' };
    assert.equal(networkError('refused', request, 'h', true, undefined, 1000).mayHaveActed, false);
    assert.equal(networkError('reset', request, 'h', true, undefined, 1000).mayHaveActed, true);
    assert.equal(networkError('reset', request, 'h', false, undefined, 1000).mayHaveActed, false);
  });
});
