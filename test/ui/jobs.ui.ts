// Jobs started elsewhere on the real workbench: an import started through the GetSales
// API by someone else (the web app, a colleague's script — here the test process, with
// the project's API client) is unknown to the extension until "Refresh Jobs" in the Jobs
// view's title lists the API's recent imports → the import shows up in the tree, is
// followed to its end and ends done with the counts the sandbox reports.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSalesClient, type ImportStart } from '../../src/core/api';
import { workbenchSuite } from './support/flow';
import { until } from './support/retry';
import { openView, sideBarTitleAction, treeRow } from './support/tree';

const FILE_NAME = 'web-app-leads.csv';
const ROWS = 300;

workbenchSuite('jobs: an import started elsewhere', {}, (flow) => {
  flow('an import started through the API → Refresh Jobs → it shows up in the tree and ends done', async ({ page, sandbox }) => {
    assert.ok(sandbox, 'the workbench runs against the harness’s sandbox');
    const jobs = await openView(page, 'GetSales', 'Jobs');
    assert.equal(await jobs.locator('.monaco-list-row').filter({ hasText: FILE_NAME }).count(), 0, 'the extension does not know the import yet');

    const webApp = new GetSalesClient({
      baseUrl: sandbox.url,
      tokenProvider: async () => ({ apiKey: sandbox.apiKey }),
      userAgent: 'getsales-web-app-stand-in/1.0.0',
      logger: { info: () => undefined, warn: () => undefined, error: (message) => console.error(message) },
    });
    const started = await startImportElsewhere(webApp);

    await sideBarTitleAction(page, 'Refresh Jobs').click();
    const row = await treeRow(page, 'Jobs', FILE_NAME);
    await row.waitFor({ timeout: 15_000 });
    await until('the import started elsewhere to end done in the Jobs view', async () => ((await row.textContent())?.includes('done') ? true : undefined), 60_000);
    assert.equal(await row.locator('.codicon-check').count(), 1, 'a done job shows a check');

    // The tree shows the sandbox's counts.
    const metrics = (await webApp.getImport(started.uuid)).metrics;
    assert.ok(metrics, 'the sandbox embeds the counters');
    assert.equal(metrics.savedRecords, ROWS);
    await row.hover();
    const tooltip = page.locator('.monaco-hover').filter({ hasText: FILE_NAME }).first();
    await tooltip.waitFor({ timeout: 10_000 });
    // appendText keeps spaces as non-breaking ones.
    const text = ((await tooltip.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(text, new RegExp(`Counts: ${metrics.savedRecords} saved`));
    assert.match(text, /Status: Done/);
  });
});

/** Uploads a fresh contacts CSV and starts its import, as the web app would. */
async function startImportElsewhere(client: GetSalesClient): Promise<ImportStart> {
  const dir = mkdtempSync(join(tmpdir(), 'getsales-elsewhere-'));
  try {
    const path = join(dir, FILE_NAME);
    const lines = ['First Name,Email', ...Array.from({ length: ROWS }, (_, i) => `Person ${i},web-app-${i}@example.com`)];
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    const upload = await client.uploadCsv({ filePath: path, type: 'csv_leads' });
    const list = (await client.listLists({ limit: 1 })).items[0];
    assert.ok(list, 'the demo data has a list');
    return await client.importContacts(upload.uuid, { columns: { first_name: 0, work_email: 1 }, listUuid: list.uuid });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
