// Import flow on the real workbench: right-click examples/contacts.csv → "Import Contacts
// to GetSales…" → the mapping screen opens with the file's real headers and rows → one
// mapping changed (Phone → Personal phone) → the demo list picked → Start import → the
// tab and the Jobs view show the job completed with the counts the sandbox reports, and
// the changed mapping is what the sandbox stored.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { workbenchSuite } from './support/flow';
import { clickExplorerContextMenuItem } from './support/explorer';
import { readNotifications, waitForNotification } from './support/notifications';
import { until } from './support/retry';
import { editorTab } from './support/tabs';
import { openActivityBarContainer, openView, treeRow } from './support/tree';
import { activeWebview } from './support/webview';

const LIST = 'Demo: Berlin CTOs';

interface SandboxImport {
  readonly uuid: string;
  readonly status: string;
  readonly payload?: { readonly file_name?: string };
  readonly metrics?: { readonly saved_records: number; readonly duplicate_records: number; readonly error_records: number };
}

workbenchSuite('import: contacts.csv from the Explorer to a completed job', {}, (flow) => {
  flow('right-click → Import Contacts → real headers and rows → change a mapping → pick a list → Start → completed with the sandbox’s counts', async ({ page, workspace, sandbox }) => {
    assert.ok(sandbox, 'the workbench runs against the harness’s sandbox');
    const source = Papa.parse<string[]>(readFileSync(join(workspace, 'contacts.csv'), 'utf8'), { skipEmptyLines: true }).data;
    const [headers, firstRow] = source;
    assert.ok(headers && firstRow, 'examples/contacts.csv has a header and rows');
    const phoneColumn = headers.indexOf('Phone');
    assert.ok(phoneColumn >= 0);

    await openActivityBarContainer(page, 'Explorer');
    await clickExplorerContextMenuItem(page, 'contacts.csv', 'Import Contacts to GetSales…');
    await editorTab(page, 'Import: contacts.csv').waitFor({ timeout: 30_000 });

    const screen = activeWebview(page);
    const headerCells = screen.locator('section.preview thead th');
    await until('the preview to show the file’s headers', async () => {
      const texts = (await headerCells.allTextContents()).map((text) => text.trim());
      return headers.every((header) => texts.includes(header)) ? true : undefined;
    });
    const firstCells = (await screen.locator('section.preview tbody tr').first().locator('td').allTextContents()).map((text) => text.trim());
    assert.ok(firstRow.filter((cell) => cell !== '').every((cell) => firstCells.includes(cell)), `the first row is shown as in the file: ${firstCells.join(' | ')}`);
    assert.equal(await screen.locator(`#picker-${phoneColumn}`).evaluate((el) => (el as HTMLElement & { value: string }).value), 'work_phone_number', 'Phone is prefilled as Work phone');

    // Change one mapping and pick the list.
    await screen.locator(`#picker-${phoneColumn}`).click();
    await screen.locator(`#picker-${phoneColumn} vscode-option`).getByText('Personal phone', { exact: true }).click();
    await screen.locator('#list-picker').click();
    await screen.locator('#list-picker vscode-option').getByText(LIST, { exact: true }).click();

    const start = screen.locator('#start-import');
    await until('Start import to be enabled', async () => ((await start.getAttribute('disabled')) === null ? true : undefined), 20_000);
    await start.click();

    const status = screen.locator('#job-status');
    await until('the tab to show the import completed', async () => ((await status.textContent())?.startsWith('Completed') ? true : undefined), 60_000);

    // The counts the sandbox reports for this import are the ones the tab shows.
    const response = await fetch(`${sandbox.url}/leads/api/data-sources?filter%5Btype%5D=csv_leads&limit=100`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
    assert.equal(response.status, 200);
    const imports = ((await response.json()) as { data: SandboxImport[] }).data.filter((item) => item.payload?.file_name === 'contacts.csv' && item.status === 'completed');
    assert.equal(imports.length, 1, 'one completed import of contacts.csv on the sandbox');
    const metrics = imports[0]?.metrics;
    assert.ok(metrics, 'the sandbox embeds the counters');
    assert.equal(metrics.saved_records + metrics.duplicate_records + metrics.error_records, source.length - 1, 'every row was processed');
    const counts = (await screen.locator('#job-counts').textContent()) ?? '';
    // Said once, in one sentence, with the sandbox's numbers.
    assert.match(counts, new RegExp(`^Import of contacts\\.csv finished: ${metrics.saved_records.toLocaleString('en-US')} saved[,.]`));
    assert.doesNotMatch(counts, /·/, 'no second copy of the counts');

    // The Jobs view has the job, completed.
    await openView(page, 'GetSales', 'Jobs');
    const row = await treeRow(page, 'Jobs', 'contacts.csv');
    await until('the job to show done in the Jobs view', async () => ((await row.textContent())?.includes('done') ? true : undefined), 30_000);

    // The changed mapping reached GetSales: the phone is stored as a personal phone.
    const withPhone = source.slice(1).find((cells) => (cells[phoneColumn] ?? '').trim() !== '');
    assert.ok(withPhone, 'the example has a contact with a phone');
    const email = withPhone[headers.indexOf('Email')];
    const state = await fetch(`${sandbox.url}/__sandbox/state?kind=contacts`);
    const stored = ((await state.json()) as { data: Record<string, unknown>[] }).data.find((record) => record.work_email === email);
    assert.equal(stored?.personal_phone_number, withPhone[phoneColumn], 'Phone went to Personal phone');
  });

  flow('a file with nothing to import is refused in one line, and its progress notification goes away', async ({ page, workspace }) => {
    writeFileSync(join(workspace, 'header-only.csv'), 'Email,First Name\r\n');
    await openActivityBarContainer(page, 'Explorer');
    await clickExplorerContextMenuItem(page, 'header-only.csv', 'Import Contacts to GetSales…');
    const refused = /^header-only\.csv cannot be imported/;
    assert.equal(await waitForNotification(page, refused), 'header-only.csv cannot be imported: The file has a header row but no data rows below it.');
    await until('the "Importing header-only.csv" progress to close', async () => (
      (await readNotifications(page)).some((text) => /Importing header-only\.csv|checking the file/.test(text)) ? undefined : true), 10_000);
  });
});
