/** The screen's Content Security Policy, read from the real page in chromium. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildMappingHtml, mappingCsp } from '../../src/core/import/mapping-screen/mapping-html';
import { contactsModel } from './support/fixtures';
import { useScreens } from './support/suite';
import { TEST_NONCE } from './support/server';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0] !== '').map(([name = '', ...values]) => [name, values]));
}

describe('mapping screen CSP', () => {
  const screens = useScreens();

  it('has a CSP meta tag: nothing by default, scripts by nonce only, no unsafe-inline, no connect-src', async () => {
    const screen = await screens.open({ model: contactsModel() });
    const policy = await screen.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(policy !== null, 'the CSP meta tag is present');
    const parsed = directives(policy);
    assert.deepEqual(parsed.get('default-src'), ["'none'"]);
    assert.deepEqual(parsed.get('script-src'), [`'nonce-${TEST_NONCE}'`]);
    assert.deepEqual(parsed.get('style-src'), [screens.environment().server.origin, `'nonce-${TEST_NONCE}'`]);
    assert.deepEqual(parsed.get('font-src'), [screens.environment().server.origin]);
    assert.equal(parsed.has('connect-src'), false);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  });

  it('renders the whole screen, toolkit included, without a single CSP violation', async () => {
    const screen = await screens.open({ model: contactsModel() });
    await screen.page.waitForSelector('#identifier-badge.ok');
    await screen.pick('#picker-3', 'About');
    await screen.waitForMessage('mappingChanged', (message) => message.revision === 2);
    assert.deepEqual(await screen.violations(), []);
  });

  it('enforces the policy: an injected inline script does not run and fetch is refused', async () => {
    const screen = await screens.open({ model: contactsModel() });
    const ran = await screen.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
    });
    assert.equal(ran, false);
    const fetched = await screen.page.evaluate((url) => fetch(url).then(() => 'loaded', () => 'refused'), `${screens.environment().server.origin}/media/webview.css`);
    assert.equal(fetched, 'refused');
    const violations = await screen.violations();
    assert.ok(violations.some((line) => line.startsWith('script-src')), violations.join('\n'));
    assert.ok(violations.some((line) => line.startsWith('connect-src')), violations.join('\n'));
  });
});

describe('mapping screen HTML', () => {
  it('puts the nonce on the only script and escapes what it interpolates', () => {
    const html = buildMappingHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/main.js?a=1&b="2"', styleUri: 'https://x/webview.css', title: 'Import: <evil>.csv' });
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="abc123" src="https:\/\/x\/main\.js\?a=1&amp;b=&quot;2&quot;"><\/script>/);
    assert.match(html, /<title>Import: &lt;evil&gt;\.csv<\/title>/);
    assert.ok(html.includes(`content="${mappingCsp('https://x.vscode-cdn.net', 'abc123').replace(/'/g, '&#39;')}"`));
  });
});
