/**
 * One notification per finished job (unless `getsales.notifyOnCompletion` is off), with
 * the most useful actions; and one "sign in again" prompt per auth failure episode while
 * polling. Features add their own actions (Download & Open, Show Errors) with `addAction`.
 */
import * as vscode from 'vscode';
import { type Job, type JobStore, finishedSentence } from '../../core/jobs';
import type { ConnectionService } from '../connection/connection-service';
import type { GetSalesSettings } from '../settings';
import { COMMANDS, FOCUS_JOBS_VIEW } from '../ids';

export interface FinishAction {
  readonly title: string;
  applies(job: Job): boolean;
  run(job: Job): unknown;
}

export interface ShownNotification {
  readonly jobId: string | undefined;
  readonly message: string;
  readonly actions: readonly string[];
}

const MAX_ACTIONS = 3;

export class JobNotifier implements vscode.Disposable {
  private readonly actions: FinishAction[] = [];
  private readonly subscriptions: vscode.Disposable[];
  private readonly history: ShownNotification[] = [];
  private authPromptOpen = false;

  constructor(store: JobStore, connection: ConnectionService, private readonly settings: () => GetSalesSettings) {
    this.actions.push(
      {
        title: 'Retry',
        // A file imported in parts that was cancelled can run its remaining parts again.
        applies: (job) => job.status === 'failed' || job.status === 'gone' || (job.parts !== undefined && job.status === 'cancelled'),
        run: (job) => vscode.commands.executeCommand(COMMANDS.jobs.retry, job.id),
      },
      { title: 'Remove', applies: (job) => job.status === 'gone', run: (job) => vscode.commands.executeCommand(COMMANDS.jobs.remove, job.id) },
      {
        title: 'Open CSV',
        applies: (job) => job.kind === 'import' && job.status !== 'failed' && job.sourcePath !== undefined,
        run: (job) => job.sourcePath && vscode.commands.executeCommand('vscode.open', vscode.Uri.file(job.sourcePath)),
      },
      { title: 'Show Jobs', applies: () => true, run: () => vscode.commands.executeCommand(FOCUS_JOBS_VIEW) },
    );
    this.subscriptions = [
      store.onDidFinish((job) => this.finished(job)),
      store.onAuthNeeded((job) => this.authNeeded(job)),
      connection.onDidChange(() => { this.authPromptOpen = false; }),
    ];
  }

  /** Adds an action offered before the built-in ones when it applies. */
  addAction(action: FinishAction): vscode.Disposable {
    this.actions.unshift(action);
    return { dispose: () => void this.actions.splice(this.actions.indexOf(action), 1) };
  }

  /** Notifications shown so far in this session, oldest first (tests read this). */
  shown(): readonly ShownNotification[] {
    return this.history;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private finished(job: Job): void {
    // A part of a file imported in parts is news only as part of the whole: its parent says it once.
    if (!this.settings().notifyOnCompletion || job.parentId !== undefined) return;
    const message = finishedSentence(job);
    const actions = this.actions.filter((action) => action.applies(job)).slice(0, MAX_ACTIONS);
    const titles = actions.map((action) => action.title);
    this.history.push({ jobId: job.id, message, actions: titles });
    void Promise.resolve(notify(job, message, titles)).then((picked) => actions.find((action) => action.title === picked)?.run(job));
  }

  private authNeeded(job: Job): void {
    if (this.authPromptOpen) return;
    this.authPromptOpen = true;
    const message = 'GetSales did not accept the API key while following your jobs. Sign in again to keep them updated; they keep their state meanwhile.';
    this.history.push({ jobId: job.id, message, actions: ['Sign In'] });
    void Promise.resolve(vscode.window.showWarningMessage(message, 'Sign In')).then((picked) => {
      if (picked === 'Sign In') void vscode.commands.executeCommand(COMMANDS.connection.signIn);
    });
  }
}

function notify(job: Job, message: string, titles: string[]): Thenable<string | undefined> {
  if (job.status === 'failed') return vscode.window.showErrorMessage(message, ...titles);
  if (job.status === 'partial' || job.status === 'cancelled' || job.status === 'gone') return vscode.window.showWarningMessage(message, ...titles);
  return vscode.window.showInformationMessage(message, ...titles);
}
