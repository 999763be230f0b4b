// A private copy of a sample folder, so tests and the demo can create and change files
// without touching the repository.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile } from './profile';

export function copyWorkspace(source: string, profile: Profile, name = 'workspace'): string {
  const target = join(profile.root, name);
  mkdirSync(target, { recursive: true });
  cpSync(source, target, { recursive: true });
  return target;
}
