// A file over 15 MB on the real workbench: a 40 MB contacts CSV is written into the
// workspace (generated, never committed) → right-click → "Import Contacts to GetSales…"
// → the modal offers "Import in 3 Parts" → the mapping screen opens once, says the file
// goes up in 3 parts and starts "in 3 parts" → the Jobs view shows one parent job with
// its three parts under it → the parent ends done, with every row saved.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { writeContactsCsv } from '../fixtures/generate-contacts';
import { answerDialog } from './support/dialog';
import { clickExplorerContextMenuItem, explorerRow } from './support/explorer';
import { workbenchSuite } from './support/flow';
import { runCommand } from './support/palette';
import { until } from './support/retry';
import { editorTab, tabTitles } from './support/tabs';
import { openActivityBarContainer, openView, treeRowLabels, treeRow } from './support/tree';
import { activeWebview } from './support/webview';

const FILE = 'big-contacts.csv';
const LIST = 'Demo: Berlin CTOs';

workbenchSuite('import in parts: a 40 MB CSV from the Explorer to one parent job', { batchDelayMs: 10 }, (flow) => {
  flow('right-click a 40 MB CSV → Import in 3 Parts → map once → the parent and its parts in the tree → done', async ({ page, workspace }) => {
    const rows = await writeContactsCsv(join(workspace, FILE), 40 * 1024 * 1024);
    await openActivityBarContainer(page, 'Explorer');
    // The workbench's file watcher may not report a file written from outside: ask the Explorer to look again.
    await runCommand(page, 'Refresh Explorer');
    await explorerRow(page, FILE).waitFor({ timeout: 30_000 });

    await clickExplorerContextMenuItem(page, FILE, 'Import Contacts to GetSales…');
    const offer = await answerDialog(page, 'Import in 3 Parts');
    assert.match(offer, /big-contacts\.csv is 40\.0 MB .* GetSales accepts up to 15\.0 MB per upload\. Import it in 3 parts\?/);
    assert.match(offer, /Nothing has been sent yet/);

    await editorTab(page, `Import: ${FILE}`).waitFor({ timeout: 60_000 });
    const screen = activeWebview(page);
    const note = screen.locator('#parts-note');
    await note.waitFor({ timeout: 30_000 });
    assert.match((await note.textContent()) ?? '', /goes up in 3 parts of whole rows .* one after another, all with this mapping/);
    await screen.locator('#list-picker').click();
    await screen.locator('#list-picker vscode-option').getByText(LIST, { exact: true }).click();
    const start = screen.locator('#start-import');
    assert.equal(((await start.textContent()) ?? '').trim(), 'Start import in 3 parts');
    await until('Start import to be enabled', async () => ((await start.getAttribute('disabled')) === null ? true : undefined), 30_000);
    await start.click();

    // One parent, its three parts under it; one mapping screen only.
    await openView(page, 'GetSales', 'Jobs');
    const parent = await treeRow(page, 'Jobs', FILE);
    await parent.waitFor({ timeout: 30_000 });
    await until('the three parts under the parent', async () => {
      const labels = await treeRowLabels(page, 'Jobs');
      return ['Part 1 of 3', 'Part 2 of 3', 'Part 3 of 3'].every((label) => labels.includes(label)) ? labels : undefined;
    }, 30_000);
    assert.equal((await tabTitles(page)).filter((title) => title.startsWith('Import: ')).length, 1, 'the mapping was made once');

    await until('the parent to end done', async () => ((await parent.textContent())?.includes('done') ? true : undefined), 240_000);
    assert.match((await parent.textContent()) ?? '', /done in .* · 3 parts/);
    const labels = await treeRowLabels(page, 'Jobs');
    assert.ok(['Part 1 of 3', 'Part 2 of 3', 'Part 3 of 3'].every((label) => labels.includes(label)), `the parts stay under it: ${labels.join(' | ')}`);

    // The tab follows the parent: the summed counts, said once.
    const counts = screen.locator('#job-counts');
    await until('the tab to show the whole import finished', async () => ((await counts.textContent())?.startsWith('Import of big-contacts.csv finished in 3 parts') ? true : undefined), 30_000);
    assert.match((await counts.textContent()) ?? '', new RegExp(`^Import of big-contacts\\.csv finished in 3 parts: ${rows.toLocaleString('en-US')} saved\\.`));
  }, { timeoutMs: 420_000 });
});
