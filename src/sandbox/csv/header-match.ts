/**
 * The server's suggested mapping (`matches`): a header matches a field when, after
 * `normalizeHeader`, it equals the field's name, label or one of its aliases. Exact
 * matching only, on purpose: the client's engine is the smart one. Each field takes
 * the first column that matches it, and each column feeds at most one field.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { fieldsFor, normalizeHeader } from '../../core/mapping/catalogue';

export function matchHeaders(headers: readonly string[], kind: RecordKind): Record<string, number> {
  const fieldByKey = new Map<string, string>();
  for (const field of fieldsFor(kind)) {
    for (const spelling of [field.name, field.label, ...field.aliases]) {
      const key = normalizeHeader(spelling);
      if (!fieldByKey.has(key)) fieldByKey.set(key, field.name); // earlier fields win shared aliases
    }
  }
  const matches: Record<string, number> = {};
  headers.forEach((header, column) => {
    const field = fieldByKey.get(normalizeHeader(header));
    if (field !== undefined && matches[field] === undefined) matches[field] = column;
  });
  return matches;
}
