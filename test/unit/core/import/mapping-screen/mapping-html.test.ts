/**
 * The mapping screen's HTML shell and CSP in plain Node (the chromium suite checks the
 * browser enforces it): directive by directive, the nonce on the one script, no
 * 'unsafe-inline', the webview's cspSource only where resources load, escaping.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildMappingHtml, escapeHtml, mappingCsp } from '../../../../../src/core/import/mapping-screen/mapping-html';

const CSP_SOURCE = 'https://abc.vscode-cdn.net';
const NONCE = 'n0nce7Q2';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    assert.ok(name, `empty directive in ${csp}`);
    assert.ok(!map.has(name), `${name} appears twice in ${csp}`);
    map.set(name, values);
  }
  return map;
}

function unescapeAttribute(value: string): string {
  return value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function html(overrides: Partial<Parameters<typeof buildMappingHtml>[0]> = {}): string {
  return buildMappingHtml({ cspSource: CSP_SOURCE, nonce: NONCE, scriptUri: `${CSP_SOURCE}/dist/webview.js`, styleUri: `${CSP_SOURCE}/media/webview.css`, title: 'Import contacts.csv', ...overrides });
}

describe('mappingCsp', () => {
  it('blocks everything by default and lists exactly what the screen needs', () => {
    const csp = directives(mappingCsp(CSP_SOURCE, NONCE));
    assert.deepEqual([...csp.keys()].sort(), ['base-uri', 'default-src', 'font-src', 'form-action', 'script-src', 'style-src']);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${NONCE}'`]);
    assert.deepEqual(csp.get('style-src'), [CSP_SOURCE, `'nonce-${NONCE}'`]);
    assert.deepEqual(csp.get('font-src'), [CSP_SOURCE]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('form-action'), ["'none'"]);
  });

  it("never allows inline code, eval, the network or other origins", () => {
    const text = mappingCsp(CSP_SOURCE, NONCE);
    for (const banned of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'connect-src', 'img-src', 'frame-src', '*', 'data:', 'https:']) {
      assert.ok(!text.split(/[\s;]+/).includes(banned), `${banned} in ${text}`);
    }
  });

  it('takes the nonce and cspSource of each render', () => {
    const csp = directives(mappingCsp('vscode-webview://other', 'other-nonce'));
    assert.deepEqual(csp.get('script-src'), ["'nonce-other-nonce'"]);
    assert.deepEqual(csp.get('style-src'), ['vscode-webview://other', "'nonce-other-nonce'"]);
  });
});

describe('buildMappingHtml', () => {
  it('carries the CSP of mappingCsp in its meta tag, first in the head', () => {
    const page = html();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
    assert.ok(meta?.[1], page);
    assert.equal(unescapeAttribute(meta[1]), mappingCsp(CSP_SOURCE, NONCE));
    assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<link'), 'the CSP comes before any resource');
    assert.ok(page.indexOf('Content-Security-Policy') < page.indexOf('<script'), 'the CSP comes before any script');
  });

  it('has one script, external, with the nonce; no inline handlers or inline styles', () => {
    const page = html();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]?.[1], ` nonce="${NONCE}" src="${CSP_SOURCE}/dist/webview.js"`);
    assert.equal(scripts[0]?.[2], '', 'the script tag has no inline code');
    assert.doesNotMatch(page, /\son[a-z]+=/i);
    assert.doesNotMatch(page, /<style|\sstyle=/i);
  });

  it('gives the toolkit the nonce through <meta property="csp-nonce">', () => {
    assert.ok(html().includes(`<meta property="csp-nonce" content="${NONCE}">`));
  });

  it('links the stylesheet from the given URI', () => {
    assert.ok(html().includes(`<link rel="stylesheet" href="${CSP_SOURCE}/media/webview.css">`));
  });

  it('escapes every interpolated value, so a file name cannot add markup', () => {
    const page = html({ title: '</title><script>alert(1)</script>', scriptUri: 'https://x/a.js?x=1&y="2"', styleUri: "https://x/s.css?'" });
    assert.ok(page.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
    assert.ok(page.includes('src="https://x/a.js?x=1&amp;y=&quot;2&quot;"'));
    assert.ok(page.includes('href="https://x/s.css?&#39;"'));
    assert.equal(page.match(/<script/g)?.length, 1);
  });

  it('starts with a loading state the script replaces', () => {
    assert.match(html(), /<main id="app" aria-busy="true">.*Loading the mapping screen….*<\/main>/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and leaves the rest', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    assert.equal(escapeHtml('Müller & Söhne ✓'), 'Müller &amp; Söhne ✓');
    assert.equal(escapeHtml('&amp;'), '&amp;amp;');
  });
});
