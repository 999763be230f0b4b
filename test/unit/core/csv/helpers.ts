import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export function fixture(name: string): string {
  return join(__dirname, '..', '..', '..', 'fixtures', 'csv', name);
}

/** A temp directory removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csv-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
