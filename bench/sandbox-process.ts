/**
 * The sandbox in a child process of its own, for benchmarks that measure this process's
 * memory (the server's buffers must not count) or the server's alone (its pid's RSS from
 * /proc): started from source with tsx, no batch delay, no rate limit, faults mode for
 * its reset route.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { request } from 'undici';

export interface SandboxProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

export async function startSandboxProcess(apiKey: string): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [
    '--import', 'tsx', join(__dirname, '..', 'src', 'sandbox', 'main.ts'),
    '--port', '0', '--api-key', apiKey, '--seed', 'none', '--batch-delay-ms', '0', '--rate-limit', '100000', '--quiet', '--faults',
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const stdout = child.stdout;
  if (stdout === null) throw new Error('no stdout from the sandbox');
  stdout.setEncoding('utf8');
  // Keep reading after the URL: a closed pipe would kill the sandbox with EPIPE when it logs its exit.
  const url = await new Promise<string>((resolve, reject) => {
    stdout.on('data', (chunk: string) => {
      output += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', () => reject(new Error(`the sandbox exited before listening: ${output}`)));
  });
  return { url, child };
}

export async function stopSandboxProcess(sandbox: SandboxProcess): Promise<void> {
  if (sandbox.child.exitCode !== null) return;
  const exited = once(sandbox.child, 'exit');
  sandbox.child.kill('SIGTERM');
  await exited;
}

/** Resets the sandbox to an empty team with one list; returns the list's uuid. */
export async function resetWithList(sandbox: SandboxProcess, apiKey: string): Promise<string> {
  const reset = await request(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await reset.body.text();
  if (reset.statusCode !== 200) throw new Error(`reset answered ${reset.statusCode}`);
  const list = await request(`${sandbox.url}/leads/api/lists`, {
    method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench' }),
  });
  return ((await list.body.json()) as { uuid: string }).uuid;
}
