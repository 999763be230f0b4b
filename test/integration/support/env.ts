// What the harness hands the suite through the extension host's environment: the
// sandboxes. The extension connects to the doc one at activation; suites that run in
// both modes (the matrix) switch to the sister one (the real server's variants, contract
// §7) for their second pass and back afterwards. Both runners set these variables.
export interface SandboxEnv {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly apiKey: string;
}

export type SandboxMode = 'doc' | 'sister';

export const SANDBOX_URL_VAR = 'GETSALES_SANDBOX_URL';
export const SANDBOX_KEY_VAR = 'GETSALES_SANDBOX_KEY';
const VARS: Readonly<Record<SandboxMode, { url: string; key: string }>> = {
  doc: { url: SANDBOX_URL_VAR, key: SANDBOX_KEY_VAR },
  sister: { url: 'GETSALES_SISTER_SANDBOX_URL', key: 'GETSALES_SISTER_SANDBOX_KEY' },
};

let current: SandboxMode = 'doc';

/** The modes a matrix suite runs in: both, or the one SANDBOX_COMPAT names. */
export function sandboxModes(): SandboxMode[] {
  const only = process.env.SANDBOX_COMPAT;
  if (only === 'doc' || only === 'sister') return [only];
  return ['doc', 'sister'];
}

/** Makes `mode` the sandbox that sandboxEnv() and connectionEnv() name (a matrix suite's before/after). */
export function setSandboxMode(mode: SandboxMode): void {
  current = mode;
}

export function sandboxMode(): SandboxMode {
  return current;
}

export function sandboxEnv(mode: SandboxMode = current): SandboxEnv {
  const vars = VARS[mode];
  const url = process.env[vars.url];
  const apiKey = process.env[vars.key];
  if (url === undefined || url === '' || apiKey === undefined || apiKey === '') {
    throw new Error(`${vars.url} and ${vars.key} are not set: run the suite through test/harness/run-suite.ts or \`npm run test:electron\`, which start the sandboxes.`);
  }
  return { url: url.replace(/\/+$/, ''), apiKey };
}

/** What `api.connection.restore()` needs to connect the extension to the current mode's sandbox. */
export function connectionEnv(mode: SandboxMode = current): NodeJS.ProcessEnv {
  const { url, apiKey } = sandboxEnv(mode);
  return { [SANDBOX_URL_VAR]: url, [SANDBOX_KEY_VAR]: apiKey };
}
