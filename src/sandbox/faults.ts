/**
 * Scripted failures for client tests (only when the sandbox runs with faults enabled).
 * `POST /__sandbox/faults` queues a fault; the next `count` requests whose method and
 * path match consume it, in the order faults were added, after `skip` matching requests
 * have passed untouched (fail the second upload, not the first). Kinds: answer a status (JSON
 * envelope, or a raw HTML body as a proxy would send), delay then answer normally,
 * drop the connection mid-body, truncate the body after N bytes, or `lose` the answer:
 * carry the request out, then close the connection before answering (an export started
 * whose start answer never arrived).
 */
import { isRecord } from './http/read-json';
import { validationErrors, type FieldErrors } from './http/errors';

export type FaultAction =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: number; readonly body?: string }
  | { readonly kind: 'delay'; readonly delayMs: number }
  | { readonly kind: 'drop' }
  | { readonly kind: 'lose' }
  | { readonly kind: 'truncate'; readonly bytes: number };

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', '*'] as const;
type FaultMethod = (typeof METHODS)[number];

interface Fault {
  readonly method: FaultMethod;
  readonly path: string;
  readonly pattern: RegExp;
  /** Matching requests still to let through before the fault applies. */
  skip: number;
  remaining: number;
  readonly action: FaultAction;
}

/** `*` matches any run of characters, slashes included; everything else is literal. */
function pathPattern(path: string): RegExp {
  const source = path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function parseAction(body: Record<string, unknown>, errors: FieldErrors): FaultAction | undefined {
  const kinds = (['status', 'delayMs', 'drop', 'lose', 'truncate'] as const).filter((key) => body[key] !== undefined);
  if (kinds.length !== 1) {
    errors.status = ['Give exactly one of status, delayMs, drop, lose or truncate.'];
    return undefined;
  }
  switch (kinds[0]) {
    case 'status': {
      const { status, retryAfter, body: html } = body;
      if (!isNonNegativeInteger(status) || status < 400 || status > 599) errors.status = ['The status must be an integer from 400 to 599.'];
      if (retryAfter !== undefined && !isNonNegativeInteger(retryAfter)) errors.retryAfter = ['The retryAfter must be a whole number of seconds.'];
      if (html !== undefined && typeof html !== 'string') errors.body = ['The body must be a string.'];
      if (!isNonNegativeInteger(status)) return undefined;
      return {
        kind: 'status', status,
        ...(isNonNegativeInteger(retryAfter) ? { retryAfter } : {}),
        ...(typeof html === 'string' ? { body: html } : {}),
      };
    }
    case 'delayMs':
      if (!isNonNegativeInteger(body.delayMs) || body.delayMs > 600_000) {
        errors.delayMs = ['The delayMs must be an integer from 0 to 600000.'];
        return undefined;
      }
      return { kind: 'delay', delayMs: body.delayMs };
    case 'drop':
      if (body.drop !== true) {
        errors.drop = ['The drop must be true.'];
        return undefined;
      }
      return { kind: 'drop' };
    case 'lose':
      if (body.lose !== true) {
        errors.lose = ['The lose must be true.'];
        return undefined;
      }
      return { kind: 'lose' };
    case 'truncate':
      if (!isNonNegativeInteger(body.truncate)) {
        errors.truncate = ['The truncate must be a non-negative integer (bytes of body to send).'];
        return undefined;
      }
      return { kind: 'truncate', bytes: body.truncate };
    default:
      return undefined;
  }
}

function describeAction(action: FaultAction): Record<string, unknown> {
  switch (action.kind) {
    case 'status': return { status: action.status, retryAfter: action.retryAfter, body: action.body };
    case 'delay': return { delayMs: action.delayMs };
    case 'drop': return { drop: true };
    case 'lose': return { lose: true };
    case 'truncate': return { truncate: action.bytes };
  }
}

export class FaultQueue {
  private faults: Fault[] = [];

  /** Validates a fault request body (422 naming the field) and queues it. */
  add(body: unknown): void {
    if (!isRecord(body)) throw validationErrors({ body: ['The fault must be a JSON object.'] });
    const errors: FieldErrors = {};
    const method = body.method ?? '*';
    if (typeof method !== 'string' || !(METHODS as readonly string[]).includes(method)) {
      errors.method = [`The method must be one of ${METHODS.join(', ')}.`];
    }
    if (typeof body.path !== 'string' || !body.path.startsWith('/')) errors.path = ['The path must start with "/" (use * as a wildcard).'];
    const count = body.count ?? 1;
    if (!isNonNegativeInteger(count) || count < 1) errors.count = ['The count must be a positive integer.'];
    const skip = body.skip ?? 0;
    if (!isNonNegativeInteger(skip)) errors.skip = ['The skip must be a non-negative integer (matching requests to let through first).'];
    const action = parseAction(body, errors);
    if (Object.keys(errors).length > 0 || action === undefined) throw validationErrors(errors);
    const path = body.path as string;
    this.faults.push({ method: method as FaultMethod, path, pattern: pathPattern(path), skip: skip as number, remaining: count as number, action });
  }

  /** Consumes one use of the first fault matching this request, if any (or one of its skips: the request then goes through). */
  take(method: string, pathname: string): FaultAction | undefined {
    const fault = this.faults.find((f) => (f.method === '*' || f.method === method) && f.pattern.test(pathname));
    if (fault === undefined) return undefined;
    if (fault.skip > 0) {
      fault.skip -= 1;
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault.action;
  }

  /** The pending faults, in the shape they were requested (count = uses left). */
  list(): Record<string, unknown>[] {
    return this.faults.map((f) => ({ method: f.method, path: f.path, count: f.remaining, ...(f.skip > 0 ? { skip: f.skip } : {}), ...describeAction(f.action) }));
  }

  clear(): void {
    this.faults = [];
  }
}
