/**
 * What `activate()` returns: a small typed handle for the integration tests (and for
 * anyone scripting the extension). Get it with
 * `await vscode.extensions.getExtension('getsales-csv.getsales-csv')!.activate()`.
 */
import type { JobPoller, JobStore, KeyValuePort } from '../core/jobs';
import type { CommandRunner } from './command-runner';
import type { JobCommands } from './jobs/job-commands';
import type { ConnectionService } from './connection/connection-service';
import type { JobNotifier } from './jobs/job-notifications';

export interface GetSalesExtensionApi {
  /** Current client and mode; signIn/signOut/startLocalSandbox/disconnect/restore(env). */
  readonly connection: ConnectionService;
  /** The job store (addImport, addExport, get, patch, remove, clearFinished, onDidChange…). */
  readonly jobs: JobStore;
  /** Polls active jobs; pause()/resume()/refresh(id)/polling(). */
  readonly poller: JobPoller;
  /** Where jobs are persisted (globalState): a test can open a second JobStore on it to simulate a reload. */
  readonly jobStorage: KeyValuePort;
  /** Notifications shown when jobs end and when sign-in is needed. */
  readonly notifier: JobNotifier;
  /** Retry handlers of the import/export features plug in here. */
  readonly jobCommands: JobCommands;
  /** The error wrapper: lastError(), onDidReportError. */
  readonly commands: CommandRunner;
  /** Lines written to the "GetSales" log channel (redacted), oldest first. */
  logLines(): string[];
}
