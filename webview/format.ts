/** How the webview names a delimiter; counts, sizes and plurals come from src/shared/format.ts. */

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function describeDelimiter(delimiter: string): string {
  const name = DELIMITER_NAMES[delimiter];
  return name === undefined ? JSON.stringify(delimiter) : `${name} (${delimiter === '\t' ? '\\t' : delimiter})`;
}
