/**
 * What `activate()` returns when the extension host runs tests (ExtensionMode.Test, as
 * the integration suite does): a typed handle on the services. In any other mode
 * activate() returns nothing, so no other extension can reach into the service graph.
 * Tests get it with `await vscode.extensions.getExtension('getsales-csv.getsales-csv')!.activate()`.
 */
import type { KeyValuePort } from '../core/key-value-port';
import type { JobPoller, JobStore } from '../core/jobs';
import type { CommandRunner } from './command-runner';
import type { HostServices } from './services';
import type { ConnectionService } from './connection/connection-service';
import type { JobNotifier } from './jobs/job-notifications';
import type { ModalQuestions } from './modal-questions';

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
  /** Modal questions: answerWith(question => button | undefined) answers them instead of a dialog. */
  readonly questions: ModalQuestions;
  /** The error wrapper: lastError(), onDidReportError. */
  readonly commands: CommandRunner;
  /** Lines written to the "GetSales" log channel (redacted), oldest first. */
  logLines(): string[];
}

export function testApi(host: HostServices): GetSalesExtensionApi {
  return {
    connection: host.connection,
    jobs: host.jobs,
    poller: host.poller,
    jobStorage: host.jobStorage,
    notifier: host.notifier,
    questions: host.questions,
    commands: host.runner,
    logLines: () => host.log.lines(),
  };
}
