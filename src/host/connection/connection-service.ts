/**
 * ConnectionService: the one owner of the current GetSales client — an account (key in
 * SecretStorage), a sandbox (local, in this extension host, or external from the
 * environment; key in memory only), or nothing. Everyone else asks it for the client
 * and listens to `onDidChange`.
 */
import * as vscode from 'vscode';
import { AuthError, type Credentials, GetSalesClient, type RateLimiter } from '../../core/api';
import type { JobConnection, PollTarget } from '../../core/jobs';
import { UserError } from '../../core/user-error';
import type { Log } from '../log';
import type { GetSalesSettings } from '../settings';
import type { CredentialStore } from './credential-store';
import { checkBaseUrl } from '../../core/api/base-url';
import type { HttpDispatchers } from '../../core/api/http-dispatchers';
import { messageOf } from '../../core/message-of';
import type { KeyValuePort } from '../../core/key-value-port';
import { LOCAL_SANDBOX_CONNECTION_KEY, connectionKey } from '../../core/api/connection-key';

export type ConnectionMode = 'signedOut' | 'account' | 'sandbox';

export type ConnectionState =
  | { readonly mode: 'signedOut' }
  | {
    readonly mode: 'account' | 'sandbox';
    readonly client: GetSalesClient;
    readonly baseUrl: string;
    /** Sandbox only: true when this extension host runs it (Try the Local Sandbox). */
    readonly local: boolean;
  };

export interface SandboxHandle {
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

/** Starts a sandbox server on 127.0.0.1 with a random key, its data kept in `dataDir` (demo data the first time). */
export type SandboxStarter = (dataDir: string) => Promise<SandboxHandle>;

/** globalState key: the user chose the local sandbox and has not left it (so a reload starts it again). */
export const SANDBOX_CHOSEN_KEY = 'getsales.connection.localSandbox';

export interface ConnectionServiceOptions {
  readonly credentials: CredentialStore;
  readonly log: Log;
  readonly userAgent: string;
  readonly limiter: RateLimiter;
  readonly settings: () => GetSalesSettings;
  readonly startSandbox: SandboxStarter;
  /** Where the local sandbox keeps its data (in the extension's global storage). */
  readonly sandboxDataDir: string;
  /** Remembers the connection the user chose (globalState). */
  readonly memory: KeyValuePort;
  readonly dispatchers: HttpDispatchers;
}

/** A client, and the connection the jobs started through it belong to. */
export interface Connected {
  readonly client: GetSalesClient;
  readonly connection: JobConnection;
}

const SIGNED_OUT: ConnectionState = { mode: 'signedOut' };

export class ConnectionService implements vscode.Disposable {
  private current: ConnectionState = SIGNED_OUT;
  private localSandbox: SandboxHandle | undefined;
  /** The sandbox connection's key, set when connecting to one (its API key is not kept). */
  private sandboxKey: string | undefined;
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: ConnectionServiceOptions) {
    this.subscriptions.push(options.credentials.onDidChange(() => void this.followStoredCredentials()));
  }

  get state(): ConnectionState {
    return this.current;
  }

  get client(): GetSalesClient | undefined {
    return this.connected()?.client;
  }

  /** The client and the connection new jobs belong to; undefined when signed out. */
  connected(): Connected | undefined {
    return this.current.mode === 'signedOut' ? undefined : { client: this.current.client, connection: this.current.mode };
  }

  /** The same, or an error that offers Sign In and the sandbox. */
  requireConnected(): Connected {
    const connected = this.connected();
    if (connected === undefined) throw new UserError('Sign in to GetSales first, or try the local sandbox.', ['signIn', 'trySandbox']);
    return connected;
  }

  /** The client, or an error that offers Sign In and the sandbox. */
  requireClient(): GetSalesClient {
    return this.requireConnected().client;
  }

  /**
   * Which server and account new jobs go to (see core/api/connection-key), for "imported
   * before?"; undefined when signed out. The account's credentials are read now, as the
   * client reads them for its next request.
   */
  async connectionKey(): Promise<string | undefined> {
    const state = this.current;
    if (state.mode === 'signedOut') return undefined;
    if (state.mode === 'sandbox') return this.sandboxKey;
    const credentials = await this.options.credentials.get();
    return credentials === undefined ? undefined : connectionKey(state.baseUrl, credentials);
  }

  /** What the job poller polls through; undefined when signed out. */
  pollTarget(): PollTarget | undefined {
    const connected = this.connected();
    return connected === undefined ? undefined : { remote: connected.client, connection: connected.connection };
  }

  /**
   * At activation: an external sandbox from GETSALES_SANDBOX_URL/KEY (tests, `npm start`)
   * wins; then the local sandbox when the user chose it and never left it (a reload or a
   * restart does not end it); otherwise a stored key reconnects the account without a
   * request (a 401 later offers Sign In).
   */
  async restore(env: NodeJS.ProcessEnv): Promise<void> {
    const url = env.GETSALES_SANDBOX_URL;
    const key = env.GETSALES_SANDBOX_KEY;
    if (url && key) {
      this.connectSandbox(url, key, false);
      return;
    }
    if (this.options.memory.get<unknown>(SANDBOX_CHOSEN_KEY) === true) {
      try {
        await this.startLocalSandbox();
        return;
      } catch (error) {
        this.options.log.error(`The local sandbox could not start again: ${messageOf(error)}`);
      }
    }
    if (await this.options.credentials.get()) this.connectAccount();
  }

  /**
   * Checks the credentials with one cheap call before storing anything; a rejected key
   * throws and nothing is saved or changed.
   */
  async signIn(credentials: Credentials, signal?: AbortSignal): Promise<void> {
    const apiKey = credentials.apiKey.trim();
    const teamId = credentials.teamId?.trim() || undefined;
    if (apiKey === '') throw new UserError('Enter an API key (GetSales → Workspace Settings → API Keys).', ['signIn']);
    const checked: Credentials = teamId ? { apiKey, teamId } : { apiKey };
    this.options.log.addSecret(apiKey);
    this.options.log.addSecret(teamId);
    const baseUrl = checkBaseUrl(this.options.settings().apiBaseUrl);
    const probe = this.makeClient('account', baseUrl, async () => checked);
    try {
      await probe.listLists({ limit: 1 }, signal);
    } catch (error) {
      if (error instanceof AuthError) {
        throw new UserError(
          `GetSales did not accept this API key${teamId ? ' and Team ID' : ''}. Copy the key again from GetSales → Workspace Settings → API Keys and sign in again. Nothing was saved.`,
          ['signIn', 'showLogs'],
        );
      }
      throw error;
    }
    await this.options.credentials.save(checked);
    await this.closeLocalSandbox();
    await this.options.memory.update(SANDBOX_CHOSEN_KEY, undefined);
    this.options.log.info(`Signed in to ${baseUrl}`);
    this.connectAccount();
  }

  /** Deletes the stored key; an account connection ends (a sandbox one stays). */
  async signOut(): Promise<void> {
    await this.options.credentials.clear();
    this.options.log.info('Signed out; the API key was deleted from the secret storage.');
    if (this.current.mode === 'account') this.set(SIGNED_OUT);
  }

  /**
   * Starts (or reuses) the sandbox inside this extension host and connects to it. The
   * choice is remembered: after a reload the sandbox starts again with its data.
   */
  async startLocalSandbox(): Promise<void> {
    if (!this.localSandbox) {
      this.localSandbox = await this.options.startSandbox(this.options.sandboxDataDir);
      this.options.log.info(`Local sandbox started at ${this.localSandbox.url}`);
    }
    await this.options.memory.update(SANDBOX_CHOSEN_KEY, true);
    this.connectSandbox(this.localSandbox.url, this.localSandbox.apiKey, true);
  }

  /**
   * Back to signed out: the one explicit way to stop the local sandbox (its data stays
   * for the next "Try the Local Sandbox"); a stored key stays for the next start.
   */
  async disconnect(): Promise<void> {
    await this.options.memory.update(SANDBOX_CHOSEN_KEY, undefined);
    await this.closeLocalSandbox();
    this.set(SIGNED_OUT);
  }

  async hasStoredCredentials(): Promise<boolean> {
    return (await this.options.credentials.get()) !== undefined;
  }

  /** The API URL setting changed: an account connection rebuilds its client. */
  settingsChanged(): void {
    if (this.current.mode === 'account') this.connectAccount();
  }

  /** Closes the local sandbox; call (and await) on deactivate. */
  async shutdown(): Promise<void> {
    await this.closeLocalSandbox();
    await this.options.dispatchers.close();
  }

  dispose(): void {
    void this.closeLocalSandbox().then(() => this.options.dispatchers.close());
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private connectAccount(): void {
    let baseUrl: string;
    try {
      baseUrl = checkBaseUrl(this.options.settings().apiBaseUrl);
    } catch (error) {
      this.options.log.error(messageOf(error));
      this.set(SIGNED_OUT);
      return;
    }
    const client = this.makeClient('account', baseUrl, async () => {
      const credentials = await this.options.credentials.get();
      this.options.log.addSecret(credentials?.apiKey);
      this.options.log.addSecret(credentials?.teamId);
      return credentials;
    });
    this.set({ mode: 'account', client, baseUrl, local: false });
  }

  private connectSandbox(url: string, apiKey: string, local: boolean): void {
    this.options.log.addSecret(apiKey);
    const client = this.makeClient('sandbox', url, async () => ({ apiKey }));
    this.sandboxKey = local ? LOCAL_SANDBOX_CONNECTION_KEY : connectionKey(url, { apiKey });
    this.options.log.info(`Connected to the ${local ? 'local' : 'external'} sandbox at ${url}`);
    this.set({ mode: 'sandbox', client, baseUrl: url, local });
  }

  private makeClient(mode: 'account' | 'sandbox', baseUrl: string, tokenProvider: () => Promise<Credentials | undefined>): GetSalesClient {
    return new GetSalesClient({
      baseUrl,
      dispatcher: this.options.dispatchers[mode],
      tokenProvider,
      userAgent: this.options.userAgent,
      logger: this.options.log,
      limiter: this.options.limiter,
    });
  }

  /** Another window signed out (key deleted) or in: follow it when we are on the account. */
  private async followStoredCredentials(): Promise<void> {
    const stored = await this.options.credentials.get();
    if (!stored && this.current.mode === 'account') this.set(SIGNED_OUT);
    else if (stored && this.current.mode === 'signedOut') this.connectAccount();
  }

  private async closeLocalSandbox(): Promise<void> {
    const sandbox = this.localSandbox;
    this.localSandbox = undefined;
    if (!sandbox) return;
    try {
      await sandbox.close();
      this.options.log.info('Local sandbox stopped');
    } catch (error) {
      this.options.log.warn(`Local sandbox did not stop cleanly: ${messageOf(error)}`);
    }
  }

  private set(state: ConnectionState): void {
    if (state.mode === 'signedOut' && this.current.mode === 'signedOut') return;
    this.current = state;
    this.changed.fire(state);
  }
}
