/**
 * Small checked readers for JSON from the server. Each takes the value and its path
 * (`export.result.files[0]`) and throws a DecodeError naming that path when the value is
 * not what was expected.
 */
import { DecodeError } from './errors';

export type JsonObject = Readonly<Record<string, unknown>>;

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40) ?? ''}`.trim();
}

export function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError(path, `expected an object, got ${describe(value)}`);
  }
  return value as JsonObject;
}

export function array(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new DecodeError(path, `expected an array, got ${describe(value)}`);
  return value;
}

export function arrayOf<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  return array(value, path).map((entry, index) => item(entry, `${path}[${index}]`));
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new DecodeError(path, `expected a string, got ${describe(value)}`);
  return value;
}

export function nonEmptyString(value: unknown, path: string): string {
  const text = string(value, path);
  if (text.trim() === '') throw new DecodeError(path, 'expected a non-empty string');
  return text;
}

/** Absent and null both mean "not set". */
export function optional<T>(value: unknown, path: string, read: (value: unknown, path: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : read(value, path);
}

/** A count or index: a non-negative integer, also accepted as a digit string (PHP servers send those). */
export function count(value: unknown, path: string): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new DecodeError(path, `expected a non-negative integer, got ${describe(value)}`);
  }
  return number;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new DecodeError(path, `expected true or false, got ${describe(value)}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  const text = string(value, path);
  if (!(allowed as readonly string[]).includes(text)) {
    throw new DecodeError(path, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(text.slice(0, 40))}`);
  }
  return text as T;
}

/** A CSV cell as the server may send it: text, a number, or null for empty. */
export function cell(value: unknown, path: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DecodeError(path, `expected a cell value, got ${describe(value)}`);
}
