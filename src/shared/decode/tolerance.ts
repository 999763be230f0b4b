/**
 * How much a decoder forgives, one word each: `nullable` (null is a value), `optional`
 * (absent or null gives a fallback), `lenient` (a wrong value also gives the fallback,
 * reported), `skipInvalid` (an array item that does not fit is left out, reported).
 * Reporting goes through a callback so the caller decides what one log line says.
 */
import { DecodeError, type OnProblem, type Reader } from './decode-error';
import { array, type ItemLimit } from './readers';

/** `null` stays null; anything else must pass `read`. Absent is an error. */
export function nullable<T>(value: unknown, path: string, read: Reader<T>): T | null {
  return value === null ? null : read(value, path);
}

/** Absent or null gives `fallback` (undefined without one); a present value must pass `read`. */
export function optional<T>(value: unknown, path: string, read: Reader<T>): T | undefined;
export function optional<T>(value: unknown, path: string, read: Reader<T>, fallback: T): T;
export function optional<T>(value: unknown, path: string, read: Reader<T>, fallback?: T): T | undefined {
  return value === undefined || value === null ? fallback : read(value, path);
}

/**
 * Like `optional` with a fallback, but a present value that fails `read` also gives the
 * fallback, after `onProblem` hears why. For fields the rest of the answer does not need.
 */
export function lenient<T>(value: unknown, path: string, read: Reader<T>, fallback: T, onProblem: OnProblem): T {
  if (value === undefined || value === null) return fallback;
  try {
    return read(value, path);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    onProblem(error);
    return fallback;
  }
}

/**
 * The items of an array that pass `read`; each that does not is left out and reported
 * through `onSkip` with its own path. A value that is not an array still throws.
 */
export function skipInvalid<T>(value: unknown, path: string, read: Reader<T>, onSkip: OnProblem, options: ItemLimit = {}): T[] {
  const kept: T[] = [];
  array(value, path, options).forEach((item, index) => {
    try {
      kept.push(read(item, `${path}[${index}]`));
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      onSkip(error);
    }
  });
  return kept;
}
