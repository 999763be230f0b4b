// What every feature suite needs: the extension's exported API, and a wait for state that
// arrives asynchronously (jobs, files, editors).
import { strict as assert } from 'node:assert';
import type { Job } from '../../../src/core/jobs';
import type { GetSalesExtensionApi } from '../../../src/host/api';
import { activateExtension } from './extension';
import { connectionEnv, setSandboxMode, type SandboxMode } from './env';

export async function extensionApi(): Promise<GetSalesExtensionApi> {
  const exports: unknown = (await activateExtension()).exports;
  assert.ok(typeof exports === 'object' && exports !== null && 'connection' in exports && 'jobs' in exports, 'activate() returns the API object');
  return exports as GetSalesExtensionApi;
}

/** Resolves when `check` returns a value; the deadline only turns a hang into a clear failure. */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, deadlineMs = 20_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Connects the extension to `mode`'s sandbox for a matrix pass (and back to `doc` after
 * it). A job belongs to the sandbox it started on, so the running ones end first: polled
 * against the other sandbox they would fail, and a later test would see them.
 */
export async function switchSandbox(api: GetSalesExtensionApi, mode: SandboxMode): Promise<void> {
  await eventually('running jobs to end before the sandbox changes', () => (api.jobs.active().length === 0 ? true : undefined), 25_000);
  setSandboxMode(mode);
  await api.connection.restore(connectionEnv());
}

/** Waits for a started job to end, asking the server about it on each look rather than waiting for the poller's round. */
export async function finished(api: GetSalesExtensionApi, job: Job | undefined): Promise<Job> {
  assert.ok(job, `a job was started (last error: ${api.commands.lastError()?.message ?? 'none'})`);
  return eventually(`import ${job.id} to end`, async () => {
    const now = api.jobs.get(job.id);
    if (now?.status === 'queued' || now?.status === 'running') {
      await api.poller.refresh(job.id);
      return undefined;
    }
    return now;
  });
}
