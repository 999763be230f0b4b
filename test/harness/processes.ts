// Child processes that own a whole process group, so stopping one also stops what it
// spawned (code-server leaves file watchers and extension hosts behind otherwise).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

export interface GroupProcess {
  readonly child: ChildProcess;
  /** Output seen so far (stdout + stderr), for error messages. */
  output(): string;
  /** Resolves once the process has exited (immediately when it already has). */
  exited: Promise<number | null>;
  /** SIGTERM to the group, SIGKILL after a grace period; resolves when the leader exited. */
  stop(graceMs?: number): Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;

export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions & { echo?: boolean } = {}): GroupProcess {
  const { echo = false, ...spawnOptions } = options;
  // detached = setsid(): the child leads a new process group we can signal as one.
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    if (echo) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const stop = async (graceMs = 3000): Promise<void> => {
    if (child.pid === undefined) return;
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid ?? 0, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    // Members of the group may outlive the leader; make sure none stays.
    signalGroup(child.pid, 'SIGKILL');
  };
  return { child, output: () => output, exited, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** A TCP port free right now on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free port.'));
      });
    });
  });
}

/** Polls `url` until it answers (any HTTP status) or the process dies or time runs out. */
export async function waitForHttp(url: string, what: string, proc: GroupProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void proc.exited.then(() => { died = true; });
  while (Date.now() < deadline) {
    if (died) throw new Error(`${what} exited before it was ready. Its output:\n${proc.output()}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return;
    } catch {
      await delay(250);
    }
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s. Its output:\n${proc.output()}`);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a command to completion (in its own group), returning exit code and output. */
export async function runToEnd(command: string, args: readonly string[], options: SpawnOptions & { echo?: boolean } = {}): Promise<{ code: number | null; output: string }> {
  const proc = spawnGroup(command, args, options);
  const code = await proc.exited;
  return { code, output: proc.output() };
}
