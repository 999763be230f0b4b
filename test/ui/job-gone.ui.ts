// A job whose server forgot it: an export runs to done on the harness's sandbox, the
// sandbox is reset (as a sandbox restarted without its data, or another account, would
// answer), and Refresh Job then shows the job as "no longer known" in plain words — in
// the row and its tooltip, with Retry Job and Remove Job offered, and no raw path or
// status code anywhere.
import { strict as assert } from 'node:assert';
import { workbenchSuite } from './support/flow';
import { readNotifications } from './support/notifications';
import { pickQuickPickItem } from './support/palette';
import { until } from './support/retry';
import { clickRowAction, openView, treeRow, welcomeButton, welcomeText } from './support/tree';

workbenchSuite('job gone: a job the server no longer knows', {}, (flow) => {
  flow('export done → sandbox reset → Refresh Job → "no longer known" with Retry and Remove, no path or 404', async ({ page, sandbox }) => {
    assert.ok(sandbox, 'the workbench runs against the harness’s sandbox');
    const jobs = await openView(page, 'GetSales', 'Jobs');
    await until('the no-jobs welcome', async () => ((await welcomeText(jobs)).includes('Export Companies') ? true : undefined));
    await welcomeButton(jobs, 'Export Companies').click();
    await pickQuickPickItem(page, 'All');
    const row = await treeRow(page, 'Jobs', 'All companies');
    await until('the export to end done', async () => ((await row.textContent())?.includes('done') ? true : undefined), 60_000);

    const reset = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    assert.equal(reset.status, 200);

    await clickRowAction(row, 'Refresh Job');
    await until('the row to say the job is no longer known', async () => ((await row.textContent())?.includes('no longer known') ? true : undefined), 15_000);
    assert.equal(await row.locator('.codicon-question').count(), 1, 'a question mark, not a check or an error');

    await row.hover();
    for (const action of ['Retry Job', 'Remove Job']) {
      assert.equal(await row.locator(`.actions .action-label[aria-label="${action}"]`).count(), 1, `${action} is offered on the row`);
    }
    await page.mouse.move(0, 0);
    await row.locator('.label-name').hover();
    const tooltip = await until('the tooltip', async () => {
      const hover = page.locator('.monaco-hover, .workbench-hover, .custom-hover').filter({ hasText: 'longer' }).first();
      return (await hover.isVisible()) ? ((await hover.textContent()) ?? '') : undefined;
    }, 20_000);
    // The tooltip renders spaces as no-break spaces: \s matches both.
    assert.match(tooltip, /Status:\sNo\slonger\sknown/);
    assert.match(tooltip, /no\slonger\sknows\sthis\sexport/);
    assert.doesNotMatch(tooltip, /\(GetSales:/, 'not the last status word it had');
    for (const text of [tooltip, (await row.textContent()) ?? '', ...(await readNotifications(page))]) {
      assert.doesNotMatch(text, /404|\/leads\/api|could not find/i);
    }
  });
});
