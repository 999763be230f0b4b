// Signing in on the real workbench, from a fresh profile whose `getsales.apiBaseUrl` is
// the harness's sandbox: the welcome's "Sign In" asks for the key in a password box, a
// wrong key is refused with a clear message and nothing saved, its details dialog's
// "Sign In" retries with the right key → signed in to an account (no Sandbox marker) →
// an export runs to done → Sign Out returns to signed out. The key is never on screen.
import { strict as assert } from 'node:assert';
import { workbenchSuite } from './support/flow';
import { notificationDetails, readNotifications, waitForNotification } from './support/notifications';
import { pickQuickPickItem, runCommand } from './support/palette';
import { enterCredentials } from './support/sign-in';
import { until } from './support/retry';
import { statusBarItem } from './support/statusbar';
import { openView, treeRow, waitForSideBarTitle, welcomeButton, welcomeText } from './support/tree';

const WRONG_KEY = 'gs-wrong-key-5d1c0e7a93';
const REFUSED = /^GetSales did not accept this API key/;

workbenchSuite('sign in: an account key checked against the API', { connection: 'signIn' }, (flow) => {
  flow('welcome Sign In → a wrong key is refused, nothing saved → Sign In from the message → signed in → an export runs to done → Sign Out', async ({ page, sandbox }) => {
    assert.ok(sandbox, 'the harness’s sandbox stands in for the GetSales API');
    const jobs = await openView(page, 'GetSales', 'Jobs');
    await until('the signed-out welcome', async () => ((await welcomeText(jobs)).includes('Sign In') ? true : undefined));
    await waitForSideBarTitle(page, /Jobs \(Offline\)/);

    await welcomeButton(jobs, 'Sign In').click();
    await enterCredentials(page, WRONG_KEY);
    // One line: the short reason; the rest behind Show Details, whose dialog offers Sign In again.
    assert.equal(await waitForNotification(page, REFUSED), 'GetSales did not accept this API key.');
    await waitForSideBarTitle(page, /Jobs \(Offline\)/);
    assert.ok((await welcomeText(jobs)).includes('Try the Local Sandbox'), 'still the signed-out welcome');
    assert.match(await notificationDetails(page, REFUSED, 'Sign In'), /Nothing was saved\./);
    await enterCredentials(page, sandbox.apiKey);
    await waitForNotification(page, /^Signed in to GetSales\./);
    await waitForSideBarTitle(page, /GetSales: Jobs$/);
    assert.equal(await statusBarItem(page, 'GetSales Sandbox').count(), 0, 'an account connection is not marked Sandbox');

    await until('the no-jobs welcome', async () => ((await welcomeText(jobs)).includes('Export Contacts') ? true : undefined));
    await welcomeButton(jobs, 'Export Contacts').click();
    await pickQuickPickItem(page, 'All');
    const row = await treeRow(page, 'Jobs', 'All contacts');
    await row.waitFor({ timeout: 15_000 });
    await until('the export to end done', async () => ((await row.textContent())?.includes('done') ? true : undefined), 60_000);

    await runCommand(page, 'GetSales: Sign Out');
    await waitForNotification(page, /^Signed out of GetSales\. The API key was removed/);
    await waitForSideBarTitle(page, /Jobs \(Offline\)/);

    const shown = [await page.content(), ...(await readNotifications(page))].join('\n');
    assert.ok(!shown.includes(sandbox.apiKey) && !shown.includes(WRONG_KEY), 'no key is shown anywhere on the workbench');
  });
});
