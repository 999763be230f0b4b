// Smoke flow on the real workbench: the import items show in the Explorer context menu
// of a CSV and not of a .txt file; the GetSales container shows the Jobs view, marked
// Sandbox, with the extension's own title actions for a connected sandbox.
import { strict as assert } from 'node:assert';
import { explorerContextMenuItems } from './support/explorer';
import { workbenchSuite } from './support/flow';
import { until } from './support/retry';
import { openView, sideBarMoreActions, sideBarTitleAction, waitForSideBarTitle } from './support/tree';

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

  flow('the GetSales container shows the Jobs view, marked Sandbox, with the title actions of a connected sandbox', async ({ page }) => {
    await openView(page, 'GetSales', 'Jobs');
    await waitForSideBarTitle(page, /^GetSales: Jobs \(Sandbox\)$/);
    await sideBarTitleAction(page, 'Refresh Jobs').waitFor({ timeout: 15_000 });

    const more = await until('the extension’s items in the side bar’s More Actions menu', async () => {
      const items = await sideBarMoreActions(page);
      return items.includes('Show Logs') ? items : undefined;
    });
    for (const item of ['Export Contacts…', 'Export Companies…', 'Sign In', 'Disconnect', 'Sign Out', 'Show Logs']) {
      assert.ok(more.includes(item), `More Actions lacks "${item}": ${more.join(' | ')}`);
    }
    assert.ok(!more.includes('Try the Local Sandbox'), `connected to the sandbox, yet offered to try it: ${more.join(' | ')}`);
  });
});
