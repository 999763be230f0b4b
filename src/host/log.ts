/**
 * The "GetSales" log channel. Every line passes through a redactor that knows the
 * secrets in use (API key, Team ID), as a last guard: the client already leaves them out,
 * but an error from elsewhere might quote them. The last lines are also kept in memory
 * so the integration tests can check what a user would see in the channel.
 */
import * as vscode from 'vscode';
import type { ApiLogger } from '../core/api';

const KEPT_LINES = 2_000;
const MIN_SECRET_LENGTH = 4;

export class Log implements ApiLogger, vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();
  private readonly recent: string[] = [];

  constructor(name = 'GetSales') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  /** Registers a value that must never be written; it is replaced by `***`. */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= MIN_SECRET_LENGTH) this.secrets.add(secret);
  }

  info(message: string): void {
    this.channel.info(this.keep('info', message));
  }

  warn(message: string): void {
    this.channel.warn(this.keep('warn', message));
  }

  error(message: string): void {
    this.channel.error(this.keep('error', message));
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('***');
    return result;
  }

  /** What was written lately (already redacted), oldest first. */
  lines(): string[] {
    return [...this.recent];
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private keep(level: string, message: string): string {
    const safe = this.redact(message);
    this.recent.push(`[${level}] ${safe}`);
    if (this.recent.length > KEPT_LINES) this.recent.splice(0, this.recent.length - KEPT_LINES);
    return safe;
  }
}
