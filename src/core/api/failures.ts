/**
 * Turns what went wrong on the wire (a status code with whatever body came with it, or a
 * socket error) into a typed ApiError carrying a sentence the user can act on.
 */
import {
  ApiError, AuthError, NetworkError, type NetworkFailure, NotFoundError, PaymentRequiredError,
  RateLimitedError, type RequestInfo, ServerError, ValidationError,
} from './errors';
import { decodeErrorBody } from './wire';

/** When the server sends 429 without a usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 5_000;
const MAX_SERVER_TEXT = 300;

export interface ResponseContext {
  readonly request: RequestInfo & { readonly status: number };
  readonly bodyText: string;
  readonly retryAfter: string | undefined;
  /** The request could have changed something on the server (upload, import/export start). */
  readonly mayHaveActed: boolean;
  readonly now: number;
  /** Strips secrets from text the server sent back before it goes into a message. */
  readonly redact: (text: string) => string;
}

export function errorForStatus(context: ResponseContext): ApiError {
  const { request, mayHaveActed } = context;
  const status = request.status;
  const body = decodeErrorBody(context.bodyText);
  const serverText = body.message === undefined ? undefined : context.redact(body.message).slice(0, MAX_SERVER_TEXT);
  const said = serverText ? `: ${serverText}` : '.';
  switch (status) {
    case 401:
      return new AuthError('GetSales did not accept the API key (401). Check the key in GetSales → Workspace Settings → API Keys and sign in again.', request);
    case 403:
      return new AuthError(`This API key may not do that (403)${said} Check the Team ID setting and the key's permissions in GetSales.`, request);
    case 402:
      return new PaymentRequiredError(request);
    case 404:
      return new NotFoundError(`GetSales could not find ${request.path} (404)${said} It may have been deleted or expired.`, request);
    case 413:
      return new ValidationError('The file is larger than GetSales accepts (15 MB). Split it into smaller files and upload each.', { file: ['File too large.'] }, request);
    case 429:
      return new RateLimitedError(parseRetryAfter(context.retryAfter, context.now) ?? DEFAULT_RETRY_AFTER_MS, request);
    default:
      break;
  }
  if (status >= 500) {
    const base = `GetSales had a server error (${status})${said}`;
    return new ServerError(mayHaveActed
      ? `${base} The request may have been carried out anyway: run Refresh Jobs in the GetSales Jobs view (it lists recent imports and exports) before trying again.`
      : `${base} Try again in a few minutes.`, mayHaveActed, request);
  }
  if (status >= 400) {
    const fields = Object.fromEntries(Object.entries(body.fields).map(([field, messages]) => [field, messages.map(context.redact)]));
    const details = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('; ');
    const lead = status === 422 || status === 400 ? 'GetSales rejected the request' : `GetSales refused the request (${status})`;
    return new ValidationError(`${lead}${said}${details && !serverText?.includes(details) ? ` (${details})` : ''} Correct it and try again.`, fields, request);
  }
  return new ServerError(`GetSales answered with an unexpected status ${status}. Check the API URL setting.`, mayHaveActed, request);
}

/** Retry-After is delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const FAILURE_BY_CODE: Readonly<Record<string, NetworkFailure>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ERR_STREAM_PREMATURE_CLOSE: 'reset',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'truncated',
};

/** Failures that happen before a byte of the request reached the server. */
const BEFORE_SENDING: ReadonlySet<NetworkFailure> = new Set(['refused', 'dns']);

export function networkFailureOf(error: unknown): NetworkFailure {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const code = typeof current === 'object' && 'code' in current ? (current as { code: unknown }).code : undefined;
    if (typeof code === 'string' && FAILURE_BY_CODE[code]) return FAILURE_BY_CODE[code];
    current = typeof current === 'object' && 'cause' in current ? (current as { cause: unknown }).cause : undefined;
  }
  return 'other';
}

export function networkError(failure: NetworkFailure, request: RequestInfo, host: string, unsafe: boolean, cause: unknown, timeoutMs: number): NetworkError {
  const mayHaveActed = unsafe && !BEFORE_SENDING.has(failure);
  const afterward = mayHaveActed ? ' It may have reached GetSales anyway: run Refresh Jobs in the GetSales Jobs view (it lists recent imports and exports) before trying again.' : ' Try again.';
  const messages: Record<NetworkFailure, string> = {
    refused: `Could not connect to ${host} (connection refused). Check the API URL setting and your network.`,
    dns: `Could not find the server ${host}. Check your internet connection, proxy and the API URL setting.`,
    timeout: `GetSales did not respond within ${Math.round(timeoutMs / 1000)} s.${afterward}`,
    reset: `The connection to GetSales was dropped.${afterward}`,
    truncated: 'The transfer from GetSales ended early; nothing was saved. Try again.',
    other: `The request to GetSales failed (${describeCause(cause)}).${afterward}`,
  };
  return new NetworkError(messages[failure], failure, mayHaveActed, request, cause);
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    return code ?? cause.message.slice(0, 120);
  }
  return 'unknown error';
}
