// Smoke flow on the real workbench: the import items show in the Explorer context menu
// of a CSV and not of a .txt file; the helpers themselves are proven on a built-in item.
import { strict as assert } from 'node:assert';
import { clickExplorerContextMenuItem, explorerContextMenuItems } from './support/explorer';
import { workbenchSuite } from './support/flow';
import { runCommand } from './support/palette';
import { editorTab } from './support/tabs';

const IMPORT_CONTACTS = 'Import Contacts to GetSales…';
const IMPORT_COMPANIES = 'Import Companies to GetSales…';

workbenchSuite('smoke: the workbench with the extension', {}, (flow) => {
  flow('the Explorer context menu of a CSV offers both imports, that of a .txt file neither', async ({ page }) => {
    const csvItems = await explorerContextMenuItems(page, 'contacts.csv', { waitFor: IMPORT_CONTACTS });
    assert.ok(csvItems.includes(IMPORT_CONTACTS), `contacts.csv menu lacks "${IMPORT_CONTACTS}": ${csvItems.join(' | ')}`);
    assert.ok(csvItems.includes(IMPORT_COMPANIES), `contacts.csv menu lacks "${IMPORT_COMPANIES}": ${csvItems.join(' | ')}`);

    const txtItems = await explorerContextMenuItems(page, 'notes.txt');
    assert.ok(txtItems.includes('Copy Path'), `the notes.txt menu did not open properly: ${txtItems.join(' | ')}`);
    assert.ok(!txtItems.includes(IMPORT_CONTACTS) && !txtItems.includes(IMPORT_COMPANIES), `notes.txt offers an import: ${txtItems.join(' | ')}`);
  });

  flow('the helpers drive built-in items: a context menu item and a palette command', async ({ page }) => {
    const items = await explorerContextMenuItems(page, 'companies.csv', { waitFor: 'Open to the Side' });
    assert.ok(items.includes('Open to the Side'), `companies.csv menu: ${items.join(' | ')}`);
    await clickExplorerContextMenuItem(page, 'companies.csv', 'Open to the Side');
    await editorTab(page, 'companies.csv').waitFor({ timeout: 10_000 });

    await runCommand(page, 'View: Close All Editors');
    await editorTab(page, 'companies.csv').waitFor({ state: 'detached', timeout: 10_000 });
  });
});
