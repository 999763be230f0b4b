/**
 * Describes a JSON value by its keys and types, never its values, so a response that
 * did not fit can be logged without personal data or secrets:
 * `{uuid: string, status: string, payload: {rows_count: number}, errors: array(2) of {row: number, message: string}}`.
 */

const MAX_DEPTH = 3;
const MAX_KEYS = 20;
const MAX_ITEMS_LOOKED_AT = 50;
const MAX_ITEM_SHAPES = 3;

export function shapeOf(value: unknown, depth = MAX_DEPTH): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return arrayShape(value, depth);
  if (typeof value === 'object') return objectShape(value as Record<string, unknown>, depth);
  return typeof value;
}

function arrayShape(items: readonly unknown[], depth: number): string {
  if (items.length === 0) return 'array(0)';
  if (depth <= 0) return `array(${items.length})`;
  const shapes = [...new Set(items.slice(0, MAX_ITEMS_LOOKED_AT).map((item) => shapeOf(item, depth - 1)))];
  const shown = shapes.slice(0, MAX_ITEM_SHAPES).join(' | ');
  return `array(${items.length}) of ${shapes.length > MAX_ITEM_SHAPES ? `${shown} | …` : shown}`;
}

function objectShape(fields: Record<string, unknown>, depth: number): string {
  const keys = Object.keys(fields);
  if (keys.length === 0) return '{}';
  if (depth <= 0) return `{${keys.length} ${keys.length === 1 ? 'key' : 'keys'}}`;
  const shown = keys.slice(0, MAX_KEYS).map((key) => `${keyText(key)}: ${shapeOf(fields[key], depth - 1)}`);
  if (keys.length > MAX_KEYS) shown.push(`…${keys.length - MAX_KEYS} more`);
  return `{${shown.join(', ')}}`;
}

/**
 * A key that is not a plain identifier is itself data (a CSV header keying `matches`, a
 * uuid keying a map, an e-mail address), so it shows as `<key>`, never as written.
 */
function keyText(key: string): string {
  return /^[A-Za-z_$][\w$]{0,39}$/.test(key) && !/^[0-9a-f]{8}[-_]?[0-9a-f]{4}/i.test(key) ? key : '<key>';
}
