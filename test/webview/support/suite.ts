/**
 * Hooks shared by the chromium suites: one browser and server per test file, a fresh
 * page per test, everything closed afterwards. Call inside a `describe`.
 */
import { after, afterEach, before } from 'node:test';
import { Screen, startEnvironment, type OpenOptions, type ScreenEnvironment } from './screen';

export interface ScreenSuite {
  environment(): ScreenEnvironment;
  open(options: OpenOptions): Promise<Screen>;
}

export function useScreens(): ScreenSuite {
  let environment: ScreenEnvironment | undefined;
  const pages: Screen[] = [];
  before(async () => {
    environment = await startEnvironment();
  });
  afterEach(async () => {
    for (const screen of pages.splice(0)) await screen.close();
  });
  after(async () => {
    await environment?.close();
  });
  const ready = (): ScreenEnvironment => {
    if (environment === undefined) throw new Error('The screen environment starts in before(); open screens inside tests.');
    return environment;
  };
  return {
    environment: ready,
    async open(options) {
      const screen = await Screen.open(ready(), options);
      pages.push(screen);
      return screen;
    },
  };
}
