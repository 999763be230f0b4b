/**
 * The API's error envelope (contract §1) and the one error type every handler throws.
 * The server turns any ApiError into `{ error: { reason, message, data? }, message, code }`.
 */

/** `{ field: [messages] }`, as Laravel-style validation errors name the offending field. */
export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly data?: FieldErrors,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Payload too large',
  422: 'Validation failed',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** The reason the contract pairs with a status; used when a fault names only a status. */
export function reasonForStatus(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 401: return 'auth_exception';
    case 402: return 'payment_required';
    case 403: return 'access_denied';
    case 404: return 'not_found';
    case 413:
    case 422: return 'validation_error';
    case 429: return 'too_many_requests';
    default: return status >= 500 ? 'server_error' : 'error';
  }
}

export function titleForStatus(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request failed');
}

export interface ErrorEnvelope {
  readonly error: { readonly reason: string; readonly message: string; readonly data?: FieldErrors };
  readonly message: string;
  readonly code: number;
}

export function errorEnvelope(status: number, reason: string, message: string, data?: FieldErrors): ErrorEnvelope {
  return { error: data === undefined ? { reason, message } : { reason, message, data }, message: titleForStatus(status), code: status };
}

export function validationError(field: string, message: string): ApiError {
  return new ApiError(422, 'validation_error', message, { [field]: [message] });
}

/** Several fields at once; the envelope's message is the first one, as Laravel does. */
export function validationErrors(errors: FieldErrors): ApiError {
  const first = Object.values(errors)[0]?.[0] ?? 'The given data was invalid.';
  return new ApiError(422, 'validation_error', first, errors);
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'bad_request', message);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'not_found', message);
}
