// First contact on the real workbench, from a fresh profile with no connection: the Jobs
// view welcomes a signed-out user → "Try the Local Sandbox" starts the sandbox inside the
// extension host and connects (status bar and view marked Sandbox) → the welcome turns
// into the no-jobs one → "Export Companies" from it starts a job through the export API
// → the job shows up in the tree, runs, and ends done with a notification → Disconnect
// returns to signed out and keeps the finished job.
import { strict as assert } from 'node:assert';
import { workbenchSuite } from './support/flow';
import { waitForNotification } from './support/notifications';
import { pickQuickPickItem, runCommand } from './support/palette';
import { until } from './support/retry';
import { statusBarItem } from './support/statusbar';
import { openView, treeRow, waitForSideBarTitle, welcomeButton, welcomeText } from './support/tree';

const SANDBOX_STATUS = 'GetSales Sandbox';


workbenchSuite('connect: a new user tries the local sandbox', { connection: 'none' }, (flow) => {
  flow('signed out → Try the Local Sandbox → connected, marked Sandbox → Export Companies → the job runs to done → Disconnect', async ({ page }) => {
    const jobs = await openView(page, 'GetSales', 'Jobs');
    const signedOut = await until('the signed-out welcome', async () => {
      const text = await welcomeText(jobs);
      return text.includes('Try the Local Sandbox') ? text : undefined;
    });
    assert.match(signedOut, /Connect GetSales to import CSV files/);
    assert.match(signedOut, /Sign In/);
    assert.equal(await statusBarItem(page, SANDBOX_STATUS).count(), 0, 'no sandbox marker while signed out');
    await waitForSideBarTitle(page, /Jobs \(Offline\)/);

    await welcomeButton(jobs, 'Try the Local Sandbox').click();

    await statusBarItem(page, SANDBOX_STATUS).waitFor({ timeout: 30_000 });
    await waitForSideBarTitle(page, /Jobs \(Sandbox\)/);
    const noJobs = await until('the no-jobs welcome', async () => {
      const text = await welcomeText(jobs);
      return text.includes('No imports or exports yet') ? text : undefined;
    });
    for (const action of ['Import a CSV', 'Export Contacts', 'Export Companies']) assert.ok(noJobs.includes(action), `the no-jobs welcome offers ${action}: ${noJobs}`);

    await welcomeButton(jobs, 'Export Companies').click();
    await pickQuickPickItem(page, 'All');

    const row = await treeRow(page, 'Jobs', 'All companies');
    await row.waitFor({ timeout: 15_000 });
    await until('the export to end done in the Jobs view', async () => ((await row.textContent())?.includes('done') ? true : undefined), 60_000);
    assert.equal(await row.locator('.codicon-check').count(), 1, 'a done job shows a check');
    assert.match(await waitForNotification(page, /^Export of All companies is ready/), /\(\d[\d,]* records\)/);

    await runCommand(page, 'GetSales: Disconnect');
    await statusBarItem(page, SANDBOX_STATUS).waitFor({ state: 'detached', timeout: 15_000 });
    await waitForSideBarTitle(page, /Jobs \(Offline\)/);
    assert.ok((await row.textContent())?.includes('All companies'), 'the finished job stays in the view');
  });
});
