/**
 * The API key and Team ID, in SecretStorage only (the OS keychain), never in settings
 * or globalState.
 */
import type * as vscode from 'vscode';
import type { Credentials } from '../../core/api';

const API_KEY = 'getsales.apiKey';
const TEAM_ID = 'getsales.teamId';

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(): Promise<Credentials | undefined> {
    const apiKey = await this.secrets.get(API_KEY);
    if (!apiKey) return undefined;
    const teamId = await this.secrets.get(TEAM_ID);
    return teamId ? { apiKey, teamId } : { apiKey };
  }

  async save(credentials: Credentials): Promise<void> {
    await this.secrets.store(API_KEY, credentials.apiKey);
    if (credentials.teamId) await this.secrets.store(TEAM_ID, credentials.teamId);
    else await this.secrets.delete(TEAM_ID);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(API_KEY);
    await this.secrets.delete(TEAM_ID);
  }

  /** Fires when another window signs in or out. */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key === API_KEY || event.key === TEAM_ID) listener();
    });
  }
}
