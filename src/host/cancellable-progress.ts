/**
 * A notification with a Cancel button whose task runs with an AbortSignal: Cancel, or the
 * caller's own signal (scripted calls), aborts it. The core and the client take signals,
 * not VS Code's cancellation tokens.
 */
import * as vscode from 'vscode';

export type NotificationProgress = vscode.Progress<{ message?: string; increment?: number }>;

export function withCancellableProgress<T>(
  title: string,
  task: (signal: AbortSignal, progress: NotificationProgress) => Promise<T>,
  callerSignal?: AbortSignal,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    const subscription = token.onCancellationRequested(abort);
    callerSignal?.addEventListener('abort', abort, { once: true });
    if (callerSignal?.aborted) abort();
    return task(controller.signal, progress).finally(() => {
      subscription.dispose();
      callerSignal?.removeEventListener('abort', abort);
    });
  });
}
