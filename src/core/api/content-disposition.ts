/**
 * The file name a server suggests in `Content-Disposition` (RFC 6266): `filename*`
 * (RFC 5987, percent-encoded UTF-8) wins over `filename`. The result is untrusted: pass
 * it through `safeFileName` before it touches the disk.
 */
export function contentDispositionFileName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (extended) {
    const match = /^([\w-]+)'[^']*'(.*)$/.exec(extended.replace(/^"|"$/g, ''));
    if (match?.[2] !== undefined) {
      try {
        return decodeURIComponent(match[2]);
      } catch {
        // malformed escapes: fall back to the plain parameter
      }
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
  const bare = /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1];
  return bare;
}
