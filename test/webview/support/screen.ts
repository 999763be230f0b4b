/**
 * Drives the mapping screen in headless chromium: the page is the panel's HTML (same
 * builder, same CSP) with the built bundle; a stand-in for acquireVsCodeApi forwards
 * every posted message to a real MappingSession (the panel's host logic) in Node, and
 * the session's answers are posted back into the page as `message` events, like VS Code
 * does. Tests see what the webview posted, what it saved with setState, dialogs, and
 * CSP violations.
 */
import type { Browser, Page } from 'playwright-core';
import { MappingSession, type MappingCallbacks } from '../../../src/core/import/mapping-screen/mapping-session';
import type { HostMessage, JobProgress, MappingModel, WebviewMessage } from '../../../src/shared/protocol';
import { launchChromium } from '../../harness/browser';
import { ensureChromium } from '../../harness/system-packages';
import { ensureWebviewBundle } from './bundle';
import { fakeReview } from './fixtures';
import { startScreenServer, type ScreenServer } from './server';

const WAIT_MS = 10_000;

export interface ScreenEnvironment {
  readonly browser: Browser;
  readonly server: ScreenServer;
  close(): Promise<void>;
}

/**
 * The page server and a browser. When a step fails, what the earlier steps opened is
 * closed before the error is passed on: an open server would keep the test process
 * alive after its before() failed.
 */
export async function startEnvironment(): Promise<ScreenEnvironment> {
  await ensureWebviewBundle();
  const server = await startScreenServer();
  let browser: Browser;
  try {
    // The harness's resolver: CHROME_PATH, else the system's Chromium (installed when it can).
    browser = await launchChromium(ensureChromium((line) => console.log(`[webview] ${line}`)), {});
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    browser,
    server,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await server.close();
      }
    },
  };
}

export interface OpenOptions {
  readonly model: MappingModel;
  /** What getState() returns at load, as after a tab switch or reload. */
  readonly savedState?: unknown;
  readonly job?: JobProgress | null;
  /** 'auto' answers every mapping with fakeReview; 'manual' leaves reviews to the test. */
  readonly reviews?: 'auto' | 'manual';
  readonly callbacks?: Partial<MappingCallbacks>;
}

/** A few theme variables, set on <html> the way VS Code does, so styles resolve as in the editor. */
const DARK_THEME: Readonly<Record<string, string>> = {
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-focusBorder': '#007fd4',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-errorForeground': '#f48771',
  '--vscode-badge-background': '#4d4d4d',
  '--vscode-badge-foreground': '#ffffff',
  '--vscode-panel-border': '#80808059',
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
};

/** The stand-in for VS Code's bridge, installed before any page script runs. */
function bridgeScript(savedState: unknown): string {
  return `(() => {
    document.addEventListener('DOMContentLoaded', () => {
      document.body.classList.add('vscode-dark');
      for (const [name, value] of Object.entries(${JSON.stringify(DARK_THEME)})) document.documentElement.style.setProperty(name, value);
    });
    let state = ${JSON.stringify(savedState ?? null)};
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber + ' ' + event.sample));
    let acquired = false;
    window.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (message) => window.__toHost(JSON.parse(JSON.stringify(message))),
        getState: () => state,
        setState: (next) => { state = JSON.parse(JSON.stringify(next)); window.__savedState = state; },
      };
    };
  })();`;
}

export class Screen {
  /** Every message the webview posted, decoded or not, in order. */
  readonly posted: unknown[] = [];
  readonly dialogs: string[] = [];
  readonly hostLog: string[] = [];
  readonly calls: { readonly name: keyof MappingCallbacks; readonly argument: unknown }[] = [];
  closed = false;

  private constructor(
    readonly page: Page,
    readonly session: MappingSession,
  ) {}

  static async open(environment: ScreenEnvironment, options: OpenOptions): Promise<Screen> {
    const page = await environment.browser.newPage();
    const record = <A, R>(name: keyof MappingCallbacks, handler: (argument: A) => Promise<R>) => (argument: A): Promise<R> => {
      screen.calls.push({ name, argument });
      return handler(argument);
    };
    const given = options.callbacks ?? {};
    const callbacks: MappingCallbacks = {
      review: record('review', given.review ?? (options.reviews === 'manual' ? () => new Promise(() => undefined) : async (mapping) => fakeReview(options.model, mapping))),
      createList: record('createList', given.createList ?? (async (name) => ({ uuid: `list-${name.length}`, name }))),
      startImport: record('startImport', given.startImport ?? (async () => ({ jobId: 'job-1', status: 'not_started', rowsTotal: 3, rowsProcessed: 0, saved: 0, duplicates: 0, errors: 0 }))),
      saveMapping: record('saveMapping', given.saveMapping ?? (async () => undefined)),
      showInProblems: record('showInProblems', given.showInProblems ?? (async () => undefined)),
      reread: record('reread', given.reread ?? (async () => { throw new Error('This test does not read files again.'); })),
    };
    const session = new MappingSession(options.model, callbacks, {
      post: (message) => void screen.deliver(message),
      close: () => { screen.closed = true; },
      log: (line) => screen.hostLog.push(line),
    }, options.job ?? null);
    const screen = new Screen(page, session);
    page.on('dialog', (dialog) => {
      screen.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.exposeFunction('__toHost', (raw: unknown) => {
      screen.posted.push(raw);
      void session.receive(raw);
    });
    await page.addInitScript({ content: bridgeScript(options.savedState) });
    await page.goto(environment.server.origin);
    await screen.waitForMessage('mappingChanged');
    return screen;
  }

  /** Posts a host message into the page, as VS Code delivers `webview.postMessage`. */
  async deliver(message: HostMessage): Promise<void> {
    if (this.page.isClosed()) return;
    await this.page.evaluate((data) => window.postMessage(data, '*'), message).catch(() => undefined);
  }

  messages<T extends WebviewMessage['type']>(type: T): Extract<WebviewMessage, { type: T }>[] {
    return this.posted.filter((message): message is Extract<WebviewMessage, { type: T }> => (message as { type?: unknown }).type === type);
  }

  /** Waits until the webview has posted a message of this type matching the predicate. */
  async waitForMessage<T extends WebviewMessage['type']>(type: T, matches: (message: Extract<WebviewMessage, { type: T }>) => boolean = () => true): Promise<Extract<WebviewMessage, { type: T }>> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.messages(type).find(matches);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`The webview did not post a matching "${type}" message. Posted: ${JSON.stringify(this.posted)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  lastMapping(): readonly (string | null)[] {
    const last = this.messages('mappingChanged').at(-1);
    if (last === undefined) throw new Error('No mappingChanged posted yet.');
    return last.mapping;
  }

  savedState(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as { __savedState?: unknown }).__savedState ?? null);
  }

  violations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  }

  /** The visible text of an element (light DOM). */
  text(selector: string): Promise<string> {
    return this.page.locator(selector).innerText();
  }

  /** The value of a toolkit control (dropdown, text field). */
  value(selector: string): Promise<string> {
    return this.page.locator(selector).evaluate((element) => (element as HTMLElement & { value: string }).value);
  }

  /** Opens a toolkit dropdown with the mouse and clicks the option with exactly this text. */
  async pick(dropdown: string, optionText: string): Promise<void> {
    await this.page.locator(dropdown).click();
    await this.page.locator(`${dropdown} vscode-option`).getByText(optionText, { exact: true }).click();
  }

  activeElementId(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }

  /** Presses Tab until the element with this id has focus; fails after `limit` presses. */
  async tabTo(id: string, limit = 40): Promise<number> {
    for (let presses = 1; presses <= limit; presses++) {
      await this.page.keyboard.press('Tab');
      if ((await this.activeElementId()) === id) return presses;
    }
    throw new Error(`Tab never reached #${id}.`);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
