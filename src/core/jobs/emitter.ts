/**
 * A minimal event emitter shaped like `vscode.Event`, so core can raise events the host
 * subscribes to with the same call it uses for VS Code's own (core must not import vscode).
 */

export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** A listener that throws must not stop the others or the state change that fired. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        console.error('GetSales: an event listener failed:', error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
