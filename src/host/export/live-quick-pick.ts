/**
 * A quick pick whose items may change while it is open (a record count arriving), for
 * the export pickers: it opens at once (items may still be loading), and an update
 * keeps the user's filter text and highlighted item. Resolves with the accepted item,
 * undefined when the user backs out; rejects when the items could not be loaded.
 */
import * as vscode from 'vscode';

export interface LivePick<T> {
  /** Replaces the item whose key is `key`; does nothing once the pick has closed. */
  update(key: string, change: (item: T) => T): void;
  /** The highlighted item changed (by keyboard or mouse). */
  onDidChangeActive(listener: (item: T) => void): void;
  /** False once the user accepted an item or backed out. */
  isOpen(): boolean;
}

export interface LivePickOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  readonly matchOnDescription?: boolean;
  readonly items: readonly T[] | Promise<readonly T[]>;
  /** What identifies an item across updates. */
  readonly keyOf: (item: T) => string;
  /** Called once the pick is shown: the place to start what updates it. */
  readonly whileOpen?: (pick: LivePick<T>) => void;
}

export function pickLive<T extends vscode.QuickPickItem>(options: LivePickOptions<T>): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.ignoreFocusOut = true;
  let open = true;
  const live: LivePick<T> = {
    update(key, change) {
      if (!open) return;
      const active = pick.activeItems[0];
      const activeKey = active === undefined ? undefined : options.keyOf(active);
      pick.items = pick.items.map((item) => (options.keyOf(item) === key ? change(item) : item));
      // New item objects lose the highlight; put it back where the user had it.
      const again = pick.items.find((item) => options.keyOf(item) === activeKey);
      if (again !== undefined) pick.activeItems = [again];
    },
    onDidChangeActive(listener) {
      pick.onDidChangeActive((items) => {
        const [item] = items;
        if (open && item !== undefined) listener(item);
      });
    },
    isOpen: () => open,
  };
  return new Promise<T | undefined>((resolve, reject) => {
    const close = (settle: () => void): void => {
      if (!open) return;
      open = false;
      settle();
      pick.dispose();
    };
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      // Enter while the items load (or with none matching the filter) picks nothing yet.
      if (item !== undefined) close(() => resolve(item));
    });
    pick.onDidHide(() => close(() => resolve(undefined)));
    if (options.items instanceof Promise) {
      pick.busy = true;
      options.items.then((items) => {
        if (!open) return;
        pick.items = items;
        pick.busy = false;
      }, (error: unknown) => close(() => reject(error)));
    } else {
      pick.items = options.items;
    }
    pick.show();
    options.whileOpen?.(live);
  });
}
