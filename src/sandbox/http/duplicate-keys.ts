/**
 * Finds keys that occur twice in the same JSON object, e.g. `{"columns":{"a":0,"a":1}}`
 * → `["columns.a"]`. Runs on text that JSON.parse has already accepted, so it only
 * needs to follow strings, nesting and commas, not to validate.
 */

type Frame =
  | { kind: 'object'; path: string; keys: Set<string>; expectKey: boolean; lastKey: string }
  | { kind: 'array'; path: string; index: number };

function childPath(parent: Frame | undefined): string {
  if (parent === undefined) return '';
  if (parent.kind === 'array') return `${parent.path}[${parent.index}]`;
  return parent.path === '' ? parent.lastKey : `${parent.path}.${parent.lastKey}`;
}

/** Index just past the closing quote of the string that starts at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i += 1;
  }
  return text.length;
}

export function duplicateKeyPaths(text: string): string[] {
  const found: string[] = [];
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch === '"') {
      const end = endOfString(text, i);
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) found.push(top.path === '' ? key : `${top.path}.${key}`);
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (ch === '{') stack.push({ kind: 'object', path: childPath(top), keys: new Set(), expectKey: true, lastKey: '' });
    else if (ch === '[') stack.push({ kind: 'array', path: childPath(top), index: 0 });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',' && top !== undefined) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index += 1;
    }
    i += 1;
  }
  return found;
}
