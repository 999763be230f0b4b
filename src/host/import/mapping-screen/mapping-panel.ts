/**
 * The mapping screen as a webview editor tab ("Import: contacts.csv"). Connects a
 * MappingSession (all the message logic) to a real WebviewPanel.
 *
 * No retainContextWhenHidden: the webview keeps the user's edits with setState and the
 * session re-sends the model on each `ready`, which costs far less memory than keeping
 * a hidden page alive.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { JobProgress, ListSummary, MappingModel } from '../../../shared/protocol';
import { buildMappingHtml } from '../../../core/import/mapping-screen/mapping-html';
import { MappingSession, type MappingCallbacks } from '../../../core/import/mapping-screen/mapping-session';
import { MAPPING_VIEW_TYPE } from '../../ids';

export interface MappingPanelOptions {
  readonly extensionUri: vscode.Uri;
  /** Receives dropped-message and callback-failure lines (never secrets). */
  readonly log: (line: string) => void;
  /** Where the import flow already is, e.g. after a reload: shows progress instead of the form. */
  readonly job?: JobProgress | null;
}

function panelTitle(model: MappingModel): string {
  return `Import: ${model.file.fileName}`;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class MappingPanel implements vscode.Disposable {
  private static readonly openPanels = new Map<string, MappingPanel>();

  private readonly session: MappingSession;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  private disposed = false;

  /** Fires when the tab closes (by the user or by `dispose`). */
  readonly onDidDispose = this.disposeEmitter.event;

  /**
   * Opens the screen for an upload, or reveals the one already open for it (one tab per
   * import uuid, so a double click does not create two competing screens).
   */
  static open(model: MappingModel, callbacks: MappingCallbacks, options: MappingPanelOptions): MappingPanel {
    const existing = MappingPanel.openPanels.get(model.restore.importUuid);
    if (existing !== undefined) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(MAPPING_VIEW_TYPE, panelTitle(model), vscode.ViewColumn.Active, webviewOptions(options.extensionUri));
    return new MappingPanel(panel, model, callbacks, options);
  }

  /** Adopts a panel VS Code restored after a reload (see registerMappingPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, model: MappingModel, callbacks: MappingCallbacks, options: MappingPanelOptions): MappingPanel {
    MappingPanel.openPanels.get(model.restore.importUuid)?.dispose();
    panel.webview.options = webviewOptions(options.extensionUri);
    panel.title = panelTitle(model);
    return new MappingPanel(panel, model, callbacks, options);
  }

  static find(importUuid: string): MappingPanel | undefined {
    return MappingPanel.openPanels.get(importUuid);
  }

  private currentModel: MappingModel;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    model: MappingModel,
    callbacks: MappingCallbacks,
    options: MappingPanelOptions,
  ) {
    this.currentModel = model;
    this.session = new MappingSession(model, callbacks, {
      // A post to a hidden webview is lost; the session re-sends state on the next `ready`.
      post: (message) => void panel.webview.postMessage(message),
      close: () => this.dispose(),
      log: options.log,
      // The file was read again and uploaded again: the tab now belongs to the new upload.
      modelChanged: (next) => {
        if (MappingPanel.openPanels.get(this.currentModel.restore.importUuid) === this) MappingPanel.openPanels.delete(this.currentModel.restore.importUuid);
        this.currentModel = next;
        MappingPanel.openPanels.set(next.restore.importUuid, this);
      },
    }, options.job ?? null);
    MappingPanel.openPanels.set(model.restore.importUuid, this);
    panel.iconPath = vscode.Uri.joinPath(options.extensionUri, 'media', 'icon.svg');
    panel.webview.html = buildMappingHtml({
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('hex'),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, 'dist', 'webview', 'main.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, 'media', 'webview.css')).toString(),
      title: panelTitle(model),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.session.receive(raw)),
      panel.onDidDispose(() => this.cleanUp()),
      this.disposeEmitter,
    );
  }

  /** What the screen shows now (another upload once the user had the file read another way). */
  get model(): MappingModel {
    return this.currentModel;
  }

  /** The job the screen shows, once started. */
  get job(): JobProgress | null {
    return this.session.job;
  }

  showJobProgress(job: JobProgress): void {
    if (!this.disposed) this.session.showJobProgress(job);
  }

  setLists(lists: readonly ListSummary[]): void {
    if (!this.disposed) this.session.setLists(lists);
  }

  reveal(): void {
    if (!this.disposed) this.panel.reveal();
  }

  dispose(): void {
    if (!this.disposed) this.panel.dispose();
  }

  private cleanUp(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (MappingPanel.openPanels.get(this.currentModel.restore.importUuid) === this) MappingPanel.openPanels.delete(this.currentModel.restore.importUuid);
    this.disposeEmitter.fire();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
