/** Typed access to the host bridge VS Code injects into every webview. */
import type { WebviewMessage, WebviewState } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostBridge {
  post(message: WebviewMessage): void;
  /** Raw saved state; decode before use (it may come from an older version). */
  savedState(): unknown;
  saveState(state: WebviewState): void;
}

export function connectToHost(): HostBridge {
  // acquireVsCodeApi may be called only once per page load.
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    savedState: () => api.getState(),
    saveState: (state) => api.setState(state),
  };
}
