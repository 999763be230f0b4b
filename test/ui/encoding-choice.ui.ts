// Encoding on the real workbench: a short Polish ISO-8859-2 file from the hostile corpus
// is opened for import; the mapping screen says its encoding is a guess and shows the
// preview in the guessed encoding; choosing another encoding has the file read (and
// uploaded) again, and the preview follows; choosing back restores the right letters.
import { strict as assert } from 'node:assert';
import { workbenchSuite } from './support/flow';
import { clickExplorerContextMenuItem } from './support/explorer';
import { until } from './support/retry';
import { editorTab } from './support/tabs';
import { openActivityBarContainer } from './support/tree';
import { activeWebview } from './support/webview';
import { CORPUS_DIR } from '../fixtures/hostile/make-corpus';

const FILE = 'iso-8859-2.csv';

interface SandboxImport {
  readonly payload?: { readonly file_name?: string };
}

workbenchSuite('encoding: a guessed encoding said on the mapping screen and switched there', { workspace: CORPUS_DIR, waitForFile: FILE }, (flow) => {
  flow('Import Contacts on an ISO-8859-2 file → "a guess" with its confidence → Windows-1252 chosen → preview read again → ISO-8859-2 chosen back', async ({ page, sandbox }) => {
    assert.ok(sandbox, 'the workbench runs against the harness’s sandbox');
    await openActivityBarContainer(page, 'Explorer');
    await clickExplorerContextMenuItem(page, FILE, 'Import Contacts to GetSales…');
    await editorTab(page, `Import: ${FILE}`).waitFor({ timeout: 30_000 });

    const screen = activeWebview(page);
    const note = screen.locator('#encoding-note');
    await until('the screen to say the encoding is a guess', async () => ((await note.textContent())?.startsWith('The encoding is a guess: ISO-8859-2, ') ? true : undefined), 30_000);
    assert.match((await note.textContent()) ?? '', /^The encoding is a guess: ISO-8859-2, \d+% sure\./);
    const headerCells = screen.locator('section.preview thead th');
    const firstCell = screen.locator('section.preview tbody tr').first().locator('td').first();
    const headersShown = async (): Promise<string[]> => (await headerCells.allTextContents()).map((text) => text.trim());
    assert.ok((await headersShown()).includes('imię'), `the header read as ISO-8859-2: ${(await headersShown()).join(' | ')}`);
    assert.equal((await firstCell.textContent())?.trim(), 'Łukasz0');

    const choose = async (label: string): Promise<void> => {
      await screen.locator('#encoding-choice').click();
      await screen.locator('#encoding-choice vscode-option').getByText(label, { exact: true }).click();
    };
    await choose('Windows-1252 (Western European)');
    await until('the preview to be read again as Windows-1252', async () => ((await headersShown()).includes('imiê') ? true : undefined), 60_000);
    assert.match((await screen.locator('.facts').textContent()) ?? '', /Windows-1252 \(your choice\)/);
    assert.equal(await note.count(), 0, 'a chosen encoding is not a guess');

    await choose('ISO-8859-2 (Central European)');
    await until('the preview to be read again as ISO-8859-2', async () => ((await headersShown()).includes('imię') ? true : undefined), 60_000);
    assert.equal((await firstCell.textContent())?.trim(), 'Łukasz0');

    // Each reading was uploaded again: GetSales has what the screen shows.
    const response = await fetch(`${sandbox.url}/leads/api/data-sources?filter%5Btype%5D=csv_leads&limit=100`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
    assert.equal(response.status, 200);
    const uploads = ((await response.json()) as { data: SandboxImport[] }).data.filter((item) => item.payload?.file_name === FILE);
    assert.equal(uploads.length, 3, 'the first reading and two more');
  });
});
