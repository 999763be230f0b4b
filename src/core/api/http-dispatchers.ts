/**
 * The clients' own HTTP dispatchers. VS Code's extension host installs a global undici
 * dispatcher (its proxy support) built from Node's bundled undici; undici 7's request()
 * picks that global up, and the two versions disagree on streamed bodies: uploads fail
 * with "Cannot read properties of null (reading 'byteLength')". So every client gets a
 * dispatcher from our own undici, and the account one does VS Code's proxy job itself:
 * `http.proxy` (else HTTPS_PROXY / HTTP_PROXY), `http.noProxy` (else NO_PROXY) and
 * `http.proxyStrictSSL`, for every request, streamed uploads and downloads included.
 * The sandbox one talks straight to 127.0.0.1.
 */
import { Agent, Dispatcher, EnvHttpProxyAgent } from 'undici';

/** VS Code's proxy settings, as the host reads them. */
export interface ProxySettings {
  /** `http.proxy`; empty means "as the environment says" (HTTPS_PROXY / HTTP_PROXY). */
  readonly proxy: string;
  /** `http.proxyStrictSSL`: verify certificates when going through a proxy. */
  readonly strictSSL: boolean;
  /** `http.noProxy`: hosts reached directly; empty means "as NO_PROXY says". */
  readonly noProxy: readonly string[];
}

export const NO_PROXY_SETTINGS: ProxySettings = { proxy: '', strictSSL: true, noProxy: [] };

export interface HttpDispatchers {
  readonly account: Dispatcher;
  readonly sandbox: Dispatcher;
  /** Proxy settings changed: requests from now on use them; requests under way finish on the old route. */
  reconfigure(settings: ProxySettings): void;
  close(): Promise<void>;
}

export function createHttpDispatchers(settings: ProxySettings = NO_PROXY_SETTINGS): HttpDispatchers {
  const account = new SwitchableDispatcher(proxyDispatcher(settings));
  const sandbox = new Agent();
  return {
    account,
    sandbox,
    reconfigure: (next) => account.switchTo(proxyDispatcher(next)),
    close: async () => {
      await Promise.allSettled([account.close(), sandbox.close()]);
    },
  };
}

/** A dispatcher that routes each request by the proxy settings (undici's EnvHttpProxyAgent with explicit values). */
export function proxyDispatcher(settings: ProxySettings): Dispatcher {
  const proxy = settings.proxy.trim() === '' ? undefined : settings.proxy.trim();
  const noProxy = settings.noProxy.map((host) => host.trim()).filter((host) => host !== '');
  const tls = { rejectUnauthorized: settings.strictSSL };
  return new EnvHttpProxyAgent({
    httpProxy: proxy,
    httpsProxy: proxy,
    noProxy: noProxy.length > 0 ? noProxy.join(',') : undefined,
    proxyTls: tls,
    requestTls: tls,
  });
}

/** Where a proxy URL points, for the log: scheme, host and port, never the credentials it may carry. */
export function describeProxy(settings: ProxySettings, env: NodeJS.ProcessEnv): string {
  const raw = settings.proxy.trim() || env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY || '';
  if (raw === '') return 'no proxy';
  try {
    const url = new URL(raw);
    return `proxy ${url.protocol}//${url.host}${settings.proxy.trim() === '' ? ' (from the environment)' : ' (http.proxy)'}`;
  } catch {
    return 'a proxy whose URL does not parse';
  }
}

/** Forwards to the current dispatcher; a replaced one is closed gracefully (its requests under way finish). */
class SwitchableDispatcher extends Dispatcher {
  constructor(private current: Dispatcher) {
    super();
  }

  switchTo(next: Dispatcher): void {
    const previous = this.current;
    this.current = next;
    void previous.close().catch(() => undefined);
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.current.dispatch(options, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closing = this.current.close();
    if (!callback) return closing;
    void closing.then(callback, callback);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(errorOrCallback?: Error | null | (() => void), callback?: () => void): Promise<void> | void {
    const error = typeof errorOrCallback === 'function' ? null : errorOrCallback ?? null;
    const done = typeof errorOrCallback === 'function' ? errorOrCallback : callback;
    const destroying = this.current.destroy(error);
    if (!done) return destroying;
    void destroying.then(done, done);
  }
}
