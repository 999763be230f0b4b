/**
 * The mapping screen's HTML shell, shared by the panel and the chromium tests so the
 * tests exercise the exact CSP the user gets. Plain strings only (no `vscode` import),
 * so tests can call it outside the extension host.
 */

export interface MappingHtmlOptions {
  /** `webview.cspSource`: the origin scripts, styles and fonts may load from. */
  readonly cspSource: string;
  /** Fresh per render; only the script carrying it may run. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
}

/**
 * `default-src 'none'` blocks everything not listed: no connect-src (the screen never
 * talks to the network: all HTTP goes through the host), no images, no frames, and no
 * 'unsafe-inline' anywhere. The nonce in style-src is for the toolkit (FAST) alone: it
 * probes `:focus-visible` support by adding a <style> tagged with the nonce it reads
 * from `<meta property="csp-nonce">`; without it the probe is a CSP violation and the
 * components fall back to showing focus rings on mouse clicks too.
 */
export function mappingCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export function buildMappingHtml(options: MappingHtmlOptions): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(mappingCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${attr(options.nonce)}">
<link rel="stylesheet" href="${attr(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="muted">Loading the mapping screen…</p></main>
<script nonce="${attr(options.nonce)}" src="${attr(options.scriptUri)}"></script>
</body>
</html>
`;
}
