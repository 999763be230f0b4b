/**
 * Checked readers for untrusted JSON crossing the webview boundary. Each throws a
 * ProtocolError naming the path (`startImport.target.tags[2]`), so a dropped message
 * can be logged with the exact reason.
 */

export class ProtocolError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ProtocolError';
  }
}

export type Fields = Readonly<Record<string, unknown>>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

export function record(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(path, `expected an object, got ${describe(value)}`);
  }
  return value as Fields;
}

export function text(value: unknown, path: string, maxLength: number): string {
  if (typeof value !== 'string') throw new ProtocolError(path, `expected a string, got ${describe(value)}`);
  if (value.length > maxLength) throw new ProtocolError(path, `longer than ${maxLength} characters`);
  return value;
}

export function nonEmptyText(value: unknown, path: string, maxLength: number): string {
  const result = text(value, path, maxLength);
  if (result.trim() === '') throw new ProtocolError(path, 'expected a non-empty string');
  return result;
}

export function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ProtocolError(path, `expected true or false, got ${describe(value)}`);
  return value;
}

export function index(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ProtocolError(path, `expected a non-negative integer, got ${describe(value)}`);
  }
  return value;
}

export function listOf<T>(value: unknown, path: string, maxItems: number, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new ProtocolError(path, `expected an array, got ${describe(value)}`);
  if (value.length > maxItems) throw new ProtocolError(path, `more than ${maxItems} items`);
  return value.map((entry: unknown, position) => item(entry, `${path}[${position}]`));
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ProtocolError(path, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}
