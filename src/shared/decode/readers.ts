/**
 * Checked readers for untrusted values at a boundary: API responses, webview messages,
 * persisted state, command arguments. Every reader takes `(value, path, …options)` and
 * returns the typed value or throws a DecodeError naming `path`.
 */
import { DecodeError, jsonType, type Reader } from './decode-error';

export type JsonObject = Readonly<Record<string, unknown>>;

export interface LengthLimit {
  /** Refuse strings longer than this (untrusted senders must not make us hold megabytes). */
  readonly maxLength?: number;
}

export interface ItemLimit {
  readonly maxItems?: number;
}

export interface CountOptions {
  /** Also accept a count sent as a digit string ("42"), as PHP servers do. */
  readonly digitStrings?: boolean;
}

export function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError(path, `expected an object, got ${jsonType(value)}`);
  }
  return value as JsonObject;
}

export function array(value: unknown, path: string, options: ItemLimit = {}): readonly unknown[] {
  if (!Array.isArray(value)) throw new DecodeError(path, `expected an array, got ${jsonType(value)}`);
  if (options.maxItems !== undefined && value.length > options.maxItems) {
    throw new DecodeError(path, `more than ${options.maxItems} items`);
  }
  return value;
}

/** Every item must pass `read`; the first that does not fails the whole array. */
export function arrayOf<T>(value: unknown, path: string, read: Reader<T>, options: ItemLimit = {}): T[] {
  return array(value, path, options).map((item, index) => read(item, `${path}[${index}]`));
}

/** An object used as a map: every property value must pass `read`. */
export function recordOf<T>(value: unknown, path: string, read: Reader<T>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, item] of Object.entries(object(value, path))) result[key] = read(item, `${path}.${key}`);
  return result;
}

export function string(value: unknown, path: string, options: LengthLimit = {}): string {
  if (typeof value !== 'string') throw new DecodeError(path, `expected a string, got ${jsonType(value)}`);
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw new DecodeError(path, `longer than ${options.maxLength} characters`);
  }
  return value;
}

/** A string with something other than white space in it (returned as sent, not trimmed). */
export function nonEmptyString(value: unknown, path: string, options: LengthLimit = {}): string {
  const text = string(value, path, options);
  if (text.trim() === '') throw new DecodeError(path, 'expected a non-empty string');
  return text;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new DecodeError(path, `expected true or false, got ${jsonType(value)}`);
  return value;
}

/** Any finite number (NaN and the infinities do not survive JSON anyway). */
export function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DecodeError(path, `expected a number, got ${jsonType(value)}`);
  return value;
}

/** A count or an index: a non-negative safe integer. */
export function count(value: unknown, path: string, options: CountOptions = {}): number {
  const number = options.digitStrings && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
  const got = typeof number !== 'number' ? jsonType(value) : number < 0 ? 'a negative number' : 'a number that is not a whole number';
  throw new DecodeError(path, `expected a non-negative integer, got ${got}`);
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const got = typeof value === 'string' ? 'another string' : jsonType(value);
  throw new DecodeError(path, `expected one of ${allowed.join(', ')}, got ${got}`);
}

/** A CSV cell as a server may send it: text, a number or true/false, or null/absent for empty. */
export function cell(value: unknown, path: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DecodeError(path, `expected a cell value, got ${jsonType(value)}`);
}
