/**
 * The matrix of the suites that run against the sandbox: each runs its tests once per
 * mode the sandbox can play (`doc`, the documented contract, and `sister`, the real
 * server's variants of contract §7), with the same assertions. SANDBOX_COMPAT=doc or
 * SANDBOX_COMPAT=sister runs one half, e.g. while working on one side.
 */
import { COMPAT_MODES, isCompat, type Compat } from '../../src/sandbox/compat';

export const SANDBOX_COMPAT_ENV = 'SANDBOX_COMPAT';

export function sandboxCompats(env: NodeJS.ProcessEnv = process.env): readonly Compat[] {
  const only = env[SANDBOX_COMPAT_ENV];
  if (only === undefined || only === '') return COMPAT_MODES;
  if (!isCompat(only)) throw new Error(`${SANDBOX_COMPAT_ENV} must be ${COMPAT_MODES.join(' or ')} when set (got "${only}").`);
  return [only];
}
