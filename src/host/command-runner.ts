/**
 * The one wrapper every GetSales command runs through (import and export commands too):
 * cancellation is silent; a typed API error becomes an actionable message with buttons
 * (Sign In, Open Settings, Show Logs); anything else becomes one line, with the details
 * in the log. The message is not awaited, so a command never hangs on an open toast.
 */
import * as vscode from 'vscode';
import { ApiError, type ApiErrorKind } from '../core/api/errors';
import { WrongConnectionError } from '../core/jobs/job-poller';
import { type ErrorAction, UserError } from '../core/user-error';
import { DecodeError } from '../shared/decode';
import { COMMANDS } from './ids';
import type { Log } from './log';
import { openSetting } from './settings';
import { messageOf } from '../core/message-of';
import { leadSentence } from '../shared/lead-sentence';

const SHOW_DETAILS = 'Show Details';


export interface ReportedError {
  readonly command: string;
  readonly kind: ApiErrorKind | 'user' | 'unknown';
  readonly message: string;
  /** The buttons the message offers, by title. */
  readonly actions: readonly string[];
}

const ACTION_TITLES: Record<ErrorAction, string> = {
  signIn: 'Sign In',
  trySandbox: 'Try the Local Sandbox',
  openSettings: 'Open Settings',
  showLogs: 'Show Logs',
  checkCompatibility: 'Check API Compatibility',
};

export class CommandRunner implements vscode.Disposable {
  private readonly reported = new vscode.EventEmitter<ReportedError>();
  /** Every error shown to the user (tests read it; the key is never in it). */
  readonly onDidReportError = this.reported.event;
  private last: ReportedError | undefined;

  constructor(private readonly log: Log) {}

  /** Registers `id` so that it runs through `run`. Programmatic arguments pass through. */
  register(id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, () => handler(...args)));
  }

  /** Runs `action`; on failure reports it and resolves to undefined. */
  async run<T>(command: string, action: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      this.report(command, error);
      return undefined;
    }
  }

  /** The last error shown, for tests and for a "what went wrong" question. */
  lastError(): ReportedError | undefined {
    return this.last;
  }

  /** Shows `error` to the user the way every command does. Returns undefined for a cancellation. */
  report(command: string, error: unknown): ReportedError | undefined {
    if (isCancellation(error)) {
      this.log.info(`${command}: cancelled`);
      return undefined;
    }
    const { kind, message, actions, severity } = describe(error);
    this.log.error(`${command}: ${kind}: ${message}`);
    if (kind === 'unknown' && error instanceof Error && error.stack) this.log.error(error.stack);
    const reported: ReportedError = { command, kind, message: this.log.redact(message), actions: actions.map((action) => ACTION_TITLES[action]) };
    this.last = reported;
    this.reported.fire(reported);
    this.show(reported.message, actions, severity).catch((showError: unknown) => this.log.error(`${command}: the message could not be shown: ${messageOf(showError)}`));
    return reported;
  }

  dispose(): void {
    this.reported.dispose();
  }

  /**
   * A notification shows one line: it leads with the short reason; the rest is behind
   * "Show Details" (a dialog whose detail holds it, with the same actions).
   */
  private async show(message: string, actions: readonly ErrorAction[], severity: 'error' | 'warning'): Promise<void> {
    const titles = actions.map((action) => ACTION_TITLES[action]);
    const { lead, rest } = leadSentence(message);
    const showMessage = severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    let picked = await showMessage(lead, ...titles, ...(rest === undefined ? [] : [SHOW_DETAILS]));
    if (picked === SHOW_DETAILS) picked = await showMessage(lead, { modal: true, detail: rest }, ...titles);
    const action = actions.find((a) => ACTION_TITLES[a] === picked);
    if (action) await runAction(action, this.log);
  }
}

export function isCancellation(error: unknown): boolean {
  if (error instanceof ApiError) return error.kind === 'cancelled';
  if (error instanceof vscode.CancellationError) return true;
  return error instanceof Error && error.name === 'AbortError';
}

interface Described {
  readonly kind: ReportedError['kind'];
  readonly message: string;
  readonly actions: readonly ErrorAction[];
  readonly severity: 'error' | 'warning';
}

function describe(error: unknown): Described {
  if (error instanceof UserError) return { kind: 'user', message: error.message, actions: error.actions, severity: 'error' };
  // Persisted state and API answers are decoded where they are read; a DecodeError that
  // reaches a command is about the arguments a script or test passed to it.
  if (error instanceof DecodeError) {
    return { kind: 'user', message: `The command was given an argument it cannot use (${error.message}).`, actions: [], severity: 'error' };
  }
  if (error instanceof WrongConnectionError) {
    return { kind: 'user', message: error.message, actions: [error.connection === 'sandbox' ? 'trySandbox' : 'signIn'], severity: 'warning' };
  }
  if (error instanceof ApiError) {
    const actions: Record<ApiErrorKind, readonly ErrorAction[]> = {
      auth: ['signIn', 'showLogs'],
      payment: ['showLogs'],
      validation: ['showLogs'],
      not_found: ['showLogs'],
      rate_limited: ['showLogs'],
      server: ['showLogs'],
      network: ['openSettings', 'showLogs'],
      decode: ['checkCompatibility', 'showLogs'],
      cancelled: [],
    };
    const severity = error.kind === 'rate_limited' ? 'warning' : 'error';
    return { kind: error.kind, message: error.message, actions: actions[error.kind], severity };
  }
  const text = messageOf(error);
  const firstLine = text.split('\n')[0]?.trim() || 'unknown error';
  return { kind: 'unknown', message: `GetSales: something went wrong (${firstLine}). Details are in the log.`, actions: ['showLogs'], severity: 'error' };
}

async function runAction(action: ErrorAction, log: Log): Promise<void> {
  switch (action) {
    case 'signIn':
      await vscode.commands.executeCommand(COMMANDS.connection.signIn);
      return;
    case 'trySandbox':
      await vscode.commands.executeCommand(COMMANDS.connection.trySandbox);
      return;
    case 'openSettings':
      await openSetting('apiBaseUrl');
      return;
    case 'showLogs':
      log.show();
      return;
    case 'checkCompatibility':
      await vscode.commands.executeCommand(COMMANDS.connection.checkApiCompatibility);
      return;
  }
}
