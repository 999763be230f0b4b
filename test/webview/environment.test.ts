/**
 * The chromium suites' setup: when the browser cannot start, startEnvironment rejects
 * with a message that says what to do and closes the page server it had opened, so a
 * failed before() ends the test process instead of leaving it running for good.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startEnvironment } from './support/screen';

/**
 * Runs startEnvironment in a fresh Node process with this CHROME_PATH and lets that
 * process end on its own (no process.exit): it ends only if nothing was left open.
 */
function startEnvironmentInChild(chromePath: string, signal: AbortSignal): Promise<{ code: number | null; output: string }> {
  const script = `const { startEnvironment } = require(${JSON.stringify(join(__dirname, 'support', 'screen.ts'))});
    startEnvironment().then(
      (environment) => { console.log('started'); return environment.close(); },
      (error) => console.log(error.message),
    );`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--eval', script], {
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'pipe', 'inherit'],
      signal, // a test that timed out ends the child, or the child would keep this process alive
    });
    child.once('error', () => undefined); // the abort; the exit event reports it
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('the screen environment', () => {
  // The timeout only ends a regression that hangs; it measures nothing.
  it('rejects when chromium does not start, naming it and the fix, and leaves nothing open', { timeout: 60_000 }, async (t) => {
    const { code, output } = await startEnvironmentInChild('/bin/false', t.signal);
    assert.match(output, /^Chromium at \/bin\/false does not start: it exited with code 1; install chromium .* or set CHROME_PATH/m);
    assert.equal(code, 0, `the process ended by itself: ${output}`);
  });

  it('closes the browser and the page server', async () => {
    const environment = await startEnvironment();
    const { origin } = environment.server;
    try {
      assert.equal((await fetch(origin)).status, 200, 'the page server answers while the environment is open');
    } finally {
      await environment.close();
    }
    assert.equal(environment.browser.isConnected(), false);
    await assert.rejects(fetch(origin), 'the page server no longer accepts connections');
  });
});
