// Headless Chromium (Debian's, or CHROME_PATH) driven by playwright-core. One resolver for
// every suite that drives a browser: found or installed by system-packages.ts, then
// proven to start, so a browser that cannot run fails the run in seconds instead of
// hanging it.
import { stripVTControlCharacters } from 'node:util';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';
import type { Profile } from './profile';
import type { Runtime } from './provision';
import { ensureChromium } from './system-packages';

export const VIEWPORT = { width: 1440, height: 900 };

/** Flags for running headless in containers and CI, quiet on the network. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** A launch that has not finished by then is stuck: fail instead of waiting Playwright's 3 minutes. */
const LAUNCH_TIMEOUT_MS = 30_000;

/**
 * The Chromium the tests use (installing Debian's `chromium` when it can), after a real
 * headless launch and close proved that it starts.
 */
export async function ensureLaunchableChromium(log: (line: string) => void): Promise<string> {
  const executable = ensureChromium(log);
  const browser = await launchChromium(executable, {});
  await browser.close();
  return executable;
}

/** Launches headless Chromium; a launch failure names the executable and what to do. */
export async function launchChromium(executable: string, options: Pick<LaunchOptions, 'env'>): Promise<Browser> {
  try {
    return await chromium.launch({ ...options, executablePath: executable, headless: true, args: CHROMIUM_FLAGS, timeout: LAUNCH_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`Chromium at ${executable} does not start: ${launchFailure(error)}; install chromium (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium executable.`, { cause: error });
  }
}

export async function launchBrowser(runtime: Runtime, profile: Profile): Promise<Browser> {
  // The run's profile as environment, so the browser writes nothing into the real home.
  return launchChromium(runtime.chromium, { env: profile.env });
}

/** Loading the whole workbench takes longer than Playwright's 30 s on a busy machine. */
const NAVIGATION_TIMEOUT_MS = 120_000;

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  return page;
}

/**
 * The useful part of Playwright's launch error (which lists every flag): what the process
 * wrote to stderr and how it ended.
 */
function launchFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The call log is ANSI-dimmed; the browser's own stderr lines carry `[err]`.
  const plain = stripVTControlCharacters(text);
  const stderr = [...new Set(plain.split('\n').filter((line) => line.includes('[err]')).map((line) => line.replace(/^.*\[err\]\s*/, '').trim()))].slice(0, 3);
  const exit = /<process did exit: exitCode=(\d+|null), signal=(\w+)>/.exec(plain);
  const ended = exit === null ? undefined
    : exit[1] !== 'null' ? `it exited with code ${exit[1]}` : `it was ended by ${exit[2]}`;
  const first = (plain.split('\n')[0] ?? '').replace(/^browserType\.launch:\s*/, '');
  const parts = [ended ?? first, ...stderr.map((line) => `"${line}"`)];
  return parts.join(', ');
}
