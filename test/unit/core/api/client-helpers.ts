/** Builds clients for tests: quick retries, a log that is kept, a clock that does not wait. */
import { strict as assert } from 'node:assert';
import { request } from 'undici';
import { GetSalesClient, type GetSalesClientOptions } from '../../../../src/core/api/client';
import type { Clock } from '../../../../src/core/api/clock';
import { RateLimiter } from '../../../../src/core/api/limiter';

export const TEST_KEY = 'gs_test_key_5f1c2b9a7e';
export const TEST_TEAM = 'team-7731';

export interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

/** Sleeps are recorded and skipped, so back-off and Retry-After are checked without waiting. */
export class InstantClock implements Clock {
  readonly sleeps: number[] = [];
  now(): number {
    return Date.now();
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
  }
}

export function testClient(baseUrl: string, overrides: Partial<GetSalesClientOptions> = {}): { client: GetSalesClient; log: LogLine[]; clock: InstantClock } {
  const log: LogLine[] = [];
  const clock = new InstantClock();
  const client = new GetSalesClient({
    baseUrl,
    tokenProvider: async () => ({ apiKey: TEST_KEY, teamId: TEST_TEAM }),
    userAgent: 'getsales-csv-test/1.0.0',
    logger: {
      info: (message) => log.push({ level: 'info', message }),
      warn: (message) => log.push({ level: 'warn', message }),
      error: (message) => log.push({ level: 'error', message }),
    },
    clock,
    limiter: new RateLimiter({ clock }),
    timeoutMs: 5_000,
    ...overrides,
  });
  return { client, log, clock };
}

/** Posts to one of the sandbox's test-only control routes (`/__sandbox/reset`, `/__sandbox/faults`, …). */
export async function sandboxControl(baseUrl: string, path: string, body: unknown): Promise<void> {
  const response = await request(`${baseUrl}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  await response.body.text();
  assert.ok(response.statusCode < 300, `${path} answered ${response.statusCode}`);
}
