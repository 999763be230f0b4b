/**
 * Typed errors of the API client. Each carries a `kind` to switch on and a message a
 * user can act on; `detail` holds what only the log needs. None ever contains the API
 * key or the Team ID: messages are built from status codes and server text only.
 */

export type ApiErrorKind =
  | 'auth'
  | 'payment'
  | 'validation'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'decode'
  | 'cancelled';

export interface RequestInfo {
  readonly method: string;
  /** Path without the query string, e.g. `/leads/api/lists`. */
  readonly path: string;
  readonly status?: number;
}

export abstract class ApiError extends Error {
  abstract readonly kind: ApiErrorKind;
  readonly request: RequestInfo | undefined;

  protected constructor(message: string, request: RequestInfo | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.request = request;
  }

  override get name(): string {
    return this.constructor.name;
  }

  get status(): number | undefined {
    return this.request?.status;
  }
}

/** 401/403, or no key at all. */
export class AuthError extends ApiError {
  readonly kind = 'auth';
  constructor(message: string, request?: RequestInfo) {
    super(message, request);
  }
}

export class PaymentRequiredError extends ApiError {
  readonly kind = 'payment';
  constructor(request?: RequestInfo) {
    super('Your GetSales workspace is out of credits. Top up in GetSales (Settings → Billing) and try again.', request);
  }
}

/** 400/413/422. `fields` maps a request field to the server's messages about it. */
export class ValidationError extends ApiError {
  readonly kind = 'validation';
  readonly fields: Readonly<Record<string, readonly string[]>>;
  constructor(message: string, fields: Readonly<Record<string, readonly string[]>>, request?: RequestInfo) {
    super(message, request);
    this.fields = fields;
  }
}

export class NotFoundError extends ApiError {
  readonly kind = 'not_found';
  constructor(message: string, request?: RequestInfo) {
    super(message, request);
  }
}

export class RateLimitedError extends ApiError {
  readonly kind = 'rate_limited';
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, request?: RequestInfo) {
    super(`GetSales is limiting requests (300 a minute per API key). Wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s and try again.`, request);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * 5xx. `mayHaveActed` is set when the request could have changed something on the
 * server (an upload or an import/export start), so the caller must not simply repeat it.
 */
export class ServerError extends ApiError {
  readonly kind = 'server';
  readonly mayHaveActed: boolean;
  constructor(message: string, mayHaveActed: boolean, request?: RequestInfo) {
    super(message, request);
    this.mayHaveActed = mayHaveActed;
  }
}

export type NetworkFailure = 'reset' | 'refused' | 'dns' | 'timeout' | 'truncated' | 'other';

export class NetworkError extends ApiError {
  readonly kind = 'network';
  readonly failure: NetworkFailure;
  readonly mayHaveActed: boolean;
  constructor(message: string, failure: NetworkFailure, mayHaveActed: boolean, request?: RequestInfo, cause?: unknown) {
    super(message, request, { cause });
    this.failure = failure;
    this.mayHaveActed = mayHaveActed;
  }
}

/**
 * The server answered, but without something the extension acts on: a decoder kit
 * DecodeError (or an answer that is not JSON, or too large), attributed to the request.
 * `path` names the field; the message names the endpoint too, and `problem` speaks of JSON
 * types only, never the value sent. `shape` (keys and JSON types of the whole answer, see
 * shapeOf) is for the log and the compatibility report.
 */
export class UnexpectedResponseError extends ApiError {
  readonly kind = 'decode';
  readonly path: string;
  readonly problem: string;
  readonly shape: string | undefined;
  constructor(path: string, problem: string, request?: RequestInfo, shape?: string) {
    const where = request ? ` to ${request.method} ${request.path}` : '';
    super(`GetSales sent an unexpected answer${where} (${path}: ${problem}). Run "GetSales: Check API Compatibility" and report what it shows; the log has the answer's shape.`, request);
    this.path = path;
    this.problem = problem;
    this.shape = shape;
  }
}

export class CancelledError extends ApiError {
  readonly kind = 'cancelled';
  constructor(request?: RequestInfo) {
    super('Cancelled.', request);
  }
}
