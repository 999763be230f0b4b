/**
 * Brings mapping screens back after a window reload. VS Code hands us the state the
 * webview saved with setState; the import flow rebuilds the model from it (re-reads the
 * file, refetches lists and the upload) and the webview re-applies the user's edits
 * from the same saved state. The manifest's activationEvents name the panel type
 * (`onWebviewPanel:` + MAPPING_VIEW_TYPE) so the extension is awake to answer.
 */
import * as vscode from 'vscode';
import { decodeWebviewState } from '../../../shared/decode-webview-state';
import type { JobProgress, MappingModel, WebviewState } from '../../../shared/protocol';
import { MappingPanel } from './mapping-panel';
import { MAPPING_VIEW_TYPE } from '../../ids';
import type { ImportScreenCallbacks } from './import-screen';
import { messageOf } from '../../../core/message-of';

export interface RestoredMapping {
  readonly model: MappingModel;
  readonly callbacks: ImportScreenCallbacks;
  /** The import's job when it was started before the reload. */
  readonly job: JobProgress | null;
}

/** Rebuilds the screen's model; resolves undefined (after telling the user why) to close the tab. */
export type RestoreMapping = (state: WebviewState) => Promise<RestoredMapping | undefined>;

export interface MappingSerializerOptions {
  readonly extensionUri: vscode.Uri;
  readonly log: (line: string) => void;
}

export function registerMappingPanelSerializer(restore: RestoreMapping, options: MappingSerializerOptions): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(MAPPING_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const decoded = decodeWebviewState(state);
      if (!decoded.ok) {
        options.log(`Mapping screen: could not restore a tab after reload (${decoded.reason}).`);
        panel.dispose();
        return;
      }
      let restored: RestoredMapping | undefined;
      try {
        restored = await restore(decoded.value);
      } catch (error) {
        options.log(`Mapping screen: could not restore a tab after reload (${messageOf(error)}).`);
      }
      if (restored === undefined) {
        panel.dispose();
        return;
      }
      const revived = MappingPanel.revive(panel, restored.model, restored.callbacks, { extensionUri: options.extensionUri, log: options.log, job: restored.job });
      revived.onDidDispose(() => restored.callbacks.dispose());
    },
  });
}
