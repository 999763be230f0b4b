/**
 * The one error of the decoder kit. `path` names where the value sits
 * (`export.result.files[0]`, `startImport.target.tags[2]`); `problem` says what is wrong
 * in words about JSON types and limits only, never the value itself: a value that
 * crossed a boundary may be personal data or a secret, and these messages reach logs.
 */
export class DecodeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'DecodeError';
  }
}

/** Reads one value at `path`, or throws a DecodeError naming that path. */
export type Reader<T> = (value: unknown, path: string) => T;

/** Hears about a value that was tolerated (replaced by a fallback or left out). */
export type OnProblem = (problem: DecodeError) => void;

/** The JSON type of a value for a message ("a string", "null", "nothing"), without the value. */
export function jsonType(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${typeof value}`;
  }
}
