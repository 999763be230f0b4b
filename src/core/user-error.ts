/**
 * An error whose message is already written for the user, with the follow-ups the
 * message offers as buttons. Core code raises it; the host's command runner shows it.
 */
export type ErrorAction = 'signIn' | 'trySandbox' | 'openSettings' | 'showLogs' | 'checkCompatibility';

export class UserError extends Error {
  constructor(message: string, readonly actions: readonly ErrorAction[] = ['showLogs']) {
    super(message);
    this.name = 'UserError';
  }
}
