// How a UI flow file is written: one workbench per file, flows are node:test tests that
// get it, and a failing flow leaves a screenshot in .test-results/screenshots/.
//
//   workbenchSuite('Import from the Explorer', {}, (flow) => {
//     flow('uploads contacts.csv', async ({ page }) => { … });
//   });
import { after, before, describe, it } from 'node:test';
import { launchWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

export type FlowBody = (workbench: Workbench) => Promise<void>;
export type Flow = (name: string, body: FlowBody, options?: { timeoutMs?: number }) => void;

const LAUNCH_TIMEOUT_MS = 180_000;
const FLOW_TIMEOUT_MS = 120_000;

export function workbenchSuite(title: string, options: WorkbenchOptions, define: (flow: Flow) => void): void {
  describe(title, () => {
    let workbench: Workbench | undefined;
    before(async () => {
      workbench = await launchWorkbench(options);
    }, { timeout: LAUNCH_TIMEOUT_MS });
    after(async () => {
      await workbench?.close();
    });
    define((name, body, flowOptions) => {
      const timeoutMs = flowOptions?.timeoutMs ?? FLOW_TIMEOUT_MS;
      // Our own deadline, before node:test's: a timed-out flow still gets its screenshot.
      it(name, { timeout: timeoutMs + 30_000 }, async () => {
        if (workbench === undefined) throw new Error('The workbench did not start (see the error of the before hook).');
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`The flow did not finish within ${timeoutMs / 1000} s.`)), timeoutMs);
        });
        try {
          await Promise.race([body(workbench), deadline]);
        } catch (error) {
          const shot = await workbench.screenshot(`${title} ${name}`).catch(() => undefined);
          if (shot !== undefined) console.error(`screenshot: ${shot}`);
          throw error;
        } finally {
          clearTimeout(timer);
        }
      });
    });
  });
}
