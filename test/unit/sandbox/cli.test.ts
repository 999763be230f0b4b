import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../../src/sandbox/main.ts');

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('sandbox command line', () => {
  it('prints the URL and key, serves requests, and exits 0 on SIGINT', async () => {
    const child = run(['--port', '0', '--api-key', 'cli-key', '--seed', 'none', '--batch-delay-ms', '0']);
    let out = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match && out.includes('API key: cli-key')) resolve(match[1] ?? '');
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${String(code)}: ${out}`)));
    });
    const response = await fetch(`${url}/leads/api/lists`, { headers: { authorization: 'Bearer cli-key' } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { data: [], limit: 20, offset: 0, total: 0, has_more: false });
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
    assert.match(out, /GET \/leads\/api\/lists 200 \d+ms/);
  });

  it('rejects bad flags with the usage text and exit code 2', async () => {
    for (const args of [['--seed', 'lots'], ['--port', 'eighty'], ['--compat', 'real'], ['--bogus']]) {
      const child = run(args);
      let err = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => { err += chunk; });
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /Usage: node dist\/sandbox\.js/);
    }
  });
});
