// What the harness hands the suite through the extension host's environment: the
// sandbox the extension is connected to. Both runners set these variables.
export interface SandboxEnv {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly apiKey: string;
}

export const SANDBOX_URL_VAR = 'GETSALES_SANDBOX_URL';
export const SANDBOX_KEY_VAR = 'GETSALES_SANDBOX_KEY';

export function sandboxEnv(): SandboxEnv {
  const url = process.env[SANDBOX_URL_VAR];
  const apiKey = process.env[SANDBOX_KEY_VAR];
  if (url === undefined || url === '' || apiKey === undefined || apiKey === '') {
    throw new Error(`${SANDBOX_URL_VAR} and ${SANDBOX_KEY_VAR} are not set: run the suite through test/harness/run-suite.ts or \`npm run test:electron\`, which start a sandbox.`);
  }
  return { url: url.replace(/\/+$/, ''), apiKey };
}
