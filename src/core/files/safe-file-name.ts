/**
 * Turns a name that came from elsewhere (a server's Content-Disposition, a user field)
 * into one plain file name that is safe to create on Windows, macOS and Linux: no
 * directories, no `..`, no control or bidi-override characters, no reserved device
 * names, bounded length, and the expected extension.
 */
import { extname, join } from 'node:path';

export interface SafeFileNameOptions {
  /** Extension the result must end with, dot included. Default `.csv`. */
  readonly extension?: string;
  /** Upper bound in UTF-8 bytes (most file systems allow 255). Default 180, to leave room for ` (12)` and temp suffixes. */
  readonly maxBytes?: number;
  /** Stem used when nothing usable is left. Default `export`. */
  readonly fallback?: string;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Control (Cc) and format (Cf) characters: NUL, newlines, bidi overrides, zero-width joiners.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const FORBIDDEN = /[<>:"/\\|?*]/g;

export function safeFileName(raw: string, options: SafeFileNameOptions = {}): string {
  const extension = options.extension ?? '.csv';
  const maxBytes = options.maxBytes ?? 180;
  const fallback = options.fallback ?? 'export';

  // Keep only the last path segment, whichever separator the sender used.
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = lastSegment.replace(INVISIBLE, '').replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
  // Leading dots hide files or climb directories; trailing dots and spaces vanish on Windows.
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');

  let stem = name.toLowerCase().endsWith(extension.toLowerCase()) ? name.slice(0, name.length - extension.length) : name;
  stem = stem.replace(/[.\s]+$/, '');
  if (stem === '') stem = fallback;
  if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  return `${truncateToBytes(stem, maxBytes - Buffer.byteLength(extension))}${extension}`;
}

/** Cuts at a code point boundary so a multi-byte character is never split. */
function truncateToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let result = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    result += char;
    bytes += size;
  }
  return result.replace(/[.\s]+$/, '') || 'file';
}

/** `dir/name.csv`, then `dir/name (1).csv`, `dir/name (2).csv`, … for picking a free name. */
export function* candidatePaths(dir: string, fileName: string, max = 10_000): Generator<string> {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  yield join(dir, fileName);
  for (let n = 1; n <= max; n += 1) yield join(dir, `${stem} (${n})${extension}`);
}
