/**
 * The clients' own HTTP dispatchers. VS Code's extension host installs a global undici
 * dispatcher (its proxy support) built from Node's bundled undici; undici 7's request()
 * picks that global up, and the two versions disagree on streamed bodies: uploads fail
 * with "Cannot read properties of null (reading 'byteLength')". So every client gets a
 * dispatcher from our own undici: the account one honours HTTPS_PROXY / HTTP_PROXY /
 * NO_PROXY; the sandbox one talks straight to 127.0.0.1.
 */
import { Agent, type Dispatcher, EnvHttpProxyAgent } from 'undici';

export interface HttpDispatchers {
  readonly account: Dispatcher;
  readonly sandbox: Dispatcher;
  close(): Promise<void>;
}

export function createHttpDispatchers(): HttpDispatchers {
  const account = new EnvHttpProxyAgent();
  const sandbox = new Agent();
  return {
    account,
    sandbox,
    close: async () => {
      await Promise.allSettled([account.close(), sandbox.close()]);
    },
  };
}
