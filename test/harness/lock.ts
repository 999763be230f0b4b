// A cross-process lock built on mkdir (atomic): other engineers' test runs may provision
// at the same moment, and two npm installs into one folder corrupt it.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { delay } from './processes';

export async function withLock<T>(lockDir: string, log: (line: string) => void, body: () => Promise<T>): Promise<T> {
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone(lockDir)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`Waiting for another process that is provisioning (${lockDir})…`);
      announced = true;
      await delay(1000);
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function holderIsGone(lockDir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
  } catch {
    // No pid yet: being created right now, unless its creator died in between.
    try {
      return Date.now() - statSync(lockDir).mtimeMs > 10_000;
    } catch {
      return true; // released meanwhile
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
