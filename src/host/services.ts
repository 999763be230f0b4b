/**
 * The host's shared services, built once in `activate()` and handed to every feature
 * (connection, jobs, import, export). Features register their commands through
 * `runner` and record their jobs in `jobs`.
 */
import type { KeyValuePort } from '../core/key-value-port';
import * as vscode from 'vscode';
import { FileBudget, RateLimiter } from '../core/api';
import { JobPoller, JobStore } from '../core/jobs';
import { systemClock } from '../core/api';
import { CommandRunner } from './command-runner';
import { ConnectionService, type SandboxStarter } from './connection/connection-service';
import { CredentialStore } from './connection/credential-store';
import { createHttpDispatchers, describeProxy } from '../core/api/http-dispatchers';
import { JobNotifier } from './jobs/job-notifications';
import { PartsRunner } from '../core/import/parts/parts-runner';
import { Log } from './log';
import { ModalQuestions } from './modal-questions';
import { type GetSalesSettings, onDidChangeProxySettings, onDidChangeSettings, readProxySettings, readSettings } from './settings';

export interface HostServices extends vscode.Disposable {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  readonly runner: CommandRunner;
  readonly connection: ConnectionService;
  readonly jobs: JobStore;
  readonly poller: JobPoller;
  readonly notifier: JobNotifier;
  /** Runs the parts of files imported in parts, one after another, and carries them on after a reload. */
  readonly parts: PartsRunner;
  /** Where the part files of files imported in parts live (the extension's storage, shared by its windows). */
  readonly partsRoot: string;
  readonly jobStorage: KeyValuePort;
  /** Modal questions (tests answer them through the test API). */
  readonly questions: ModalQuestions;
  /** The extension's version (package.json). */
  readonly version: string;
  settings(): GetSalesSettings;
}

export function createHostServices(context: vscode.ExtensionContext, startSandbox: SandboxStarter): HostServices {
  const log = new Log();
  const runner = new CommandRunner(log);
  const dispatchers = createHttpDispatchers(readProxySettings());
  log.info(`Network: GetSales requests use ${describeProxy(readProxySettings(), process.env)}`);
  const packageJson: unknown = context.extension.packageJSON;
  const version = typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson ? String(packageJson.version) : '0.0.0';
  const connection = new ConnectionService({
    credentials: new CredentialStore(context.secrets),
    log,
    userAgent: `getsales-csv-vscode/${version}`,
    // One limiter for every client, its bucket in a file every window of this machine sees:
    // many polling jobs in several windows on one key stay under 300 a minute together.
    limiter: new RateLimiter({
      store: new FileBudget({
        folder: vscode.Uri.joinPath(context.globalStorageUri, 'rate-budget').fsPath,
        unreadableHoldMs: 5_000,
        onProblem: (message) => log.warn(`Rate limit: ${message}`),
      }),
    }),
    settings: readSettings,
    startSandbox,
    sandboxDataDir: vscode.Uri.joinPath(context.globalStorageUri, 'sandbox').fsPath,
    memory: context.globalState,
    dispatchers,
  });
  const jobStorage: KeyValuePort = context.globalState;
  const jobs = new JobStore({ storage: jobStorage, onProblem: (message) => log.warn(`Jobs: ${message}`) });
  const poller = new JobPoller({
    store: jobs,
    target: () => connection.pollTarget(),
    clock: systemClock,
    intervalMs: () => readSettings().pollIntervalSeconds * 1000,
    log: (message) => log.info(`Jobs: ${message}`),
  });
  const notifier = new JobNotifier(jobs, connection, readSettings);
  const parts = new PartsRunner({ store: jobs, target: () => connection.connected(), log: (line) => log.info(line) });
  const subscriptions = vscode.Disposable.from(
    connection.onDidChange((state) => {
      if (state.mode === 'signedOut') {
        poller.pause();
        return;
      }
      poller.resume();
      parts.resume();
    }),
    onDidChangeSettings((changed) => {
      if (changed.includes('apiBaseUrl')) connection.settingsChanged();
    }),
    onDidChangeProxySettings(() => {
      dispatchers.reconfigure(readProxySettings());
      log.info(`Network: proxy settings changed; GetSales requests now use ${describeProxy(readProxySettings(), process.env)}`);
    }),
  );
  return {
    context,
    log,
    runner,
    connection,
    jobs,
    poller,
    notifier,
    parts,
    partsRoot: vscode.Uri.joinPath(context.globalStorageUri, 'import-parts').fsPath,
    jobStorage,
    questions: new ModalQuestions(),
    version,
    settings: readSettings,
    dispose: () => {
      subscriptions.dispose();
      parts.dispose();
      notifier.dispose();
      poller.dispose();
      jobs.dispose();
      connection.dispose();
      runner.dispose();
      log.dispose();
    },
  };
}
