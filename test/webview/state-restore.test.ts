/**
 * Edits survive the webview being destroyed (tab switch) and a window reload: the page
 * saves them with setState and reads them back with getState when it loads again.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { JobProgress, WebviewState } from '../../src/shared/protocol';
import { contactsModel } from './support/fixtures';
import type { Screen } from './support/screen';
import { useScreens } from './support/suite';

describe('mapping screen state', () => {
  const screens = useScreens();

  it('comes back with the mapping, list, tags and checkbox the user set', async () => {
    const first = await screens.open({ model: contactsModel() });
    await first.pick('#picker-3', 'About');
    await first.pick('#list-picker', 'Berlin CTOs');
    await first.page.locator('#tags vscode-checkbox', { hasText: 'berlin' }).click();
    await first.page.locator('#save-mapping').click();
    await first.page.waitForFunction(() => (window as unknown as { __savedState?: WebviewState }).__savedState?.saveMapping === false);
    const saved = (await first.savedState()) as WebviewState;
    assert.deepEqual(saved, {
      version: 1,
      restore: { fileUri: 'file:///work/contacts.csv', kind: 'contacts', importUuid: 'imp-contacts-1' },
      mapping: ['name', 'work_email', 'linkedin_id', 'about'],
      target: { kind: 'contacts', listUuid: 'list-2', tags: ['tag-uuid-2'], updateExisting: true },
      saveMapping: false,
      started: false,
    });
    await first.close();

    const second = await screens.open({ model: contactsModel(), savedState: saved });
    assert.deepEqual(second.messages('mappingChanged')[0]?.mapping, ['name', 'work_email', 'linkedin_id', 'about']);
    assert.equal(await second.value('#picker-3'), 'about');
    await second.page.waitForFunction(() => (document.querySelector('#list-picker') as HTMLElement & { value: string }).value === 'list-2');
    assert.equal(await second.page.locator('#tags vscode-checkbox[data-tag="tag-uuid-2"]').getAttribute('aria-checked'), 'true');
    assert.equal(await second.page.locator('#tags vscode-checkbox[data-tag="tag-uuid-1"]').getAttribute('aria-checked'), 'false');
    assert.equal(await second.page.locator('#save-mapping').getAttribute('aria-checked'), 'false');
    await second.page.waitForFunction(() => !document.querySelector('#start-import')?.hasAttribute('disabled'));
  });

  it('ignores saved edits made for another upload and prefills from the suggestions', async () => {
    const saved: WebviewState = {
      version: 1,
      restore: { fileUri: 'file:///work/contacts.csv', kind: 'contacts', importUuid: 'an-older-upload' },
      mapping: [null, null, null, 'about'],
      target: { kind: 'contacts', listUuid: 'list-2', tags: [], updateExisting: false },
      saveMapping: false,
      started: false,
    };
    const screen = await screens.open({ model: contactsModel(), savedState: saved });
    assert.deepEqual(screen.lastMapping(), ['name', 'work_email', 'linkedin_id', null]);
    assert.equal(await screen.value('#picker-3'), '__skip__');
  });

  it('ignores a saved state it cannot read', async () => {
    const screen = await screens.open({ model: contactsModel(), savedState: { version: 7, mapping: 'everything' } });
    assert.deepEqual(screen.lastMapping(), ['name', 'work_email', 'linkedin_id', null]);
  });

  /** Opens the screen on an import that already started, as after a reload; waits for its progress. */
  async function openStarted(job: JobProgress): Promise<Screen> {
    const screen = await screens.open({ model: contactsModel(), job });
    await screen.page.waitForSelector('section.progress:not([hidden])');
    return screen;
  }

  const spinning = async (screen: Screen): Promise<boolean> => screen.page.locator('section.progress vscode-progress-ring').isVisible();

  it('shows the progress, not the form, when the import already started', async () => {
    const screen = await openStarted({ jobId: 'job-9', status: 'completed', rowsTotal: 3, rowsProcessed: 3, saved: 2, duplicates: 0, errors: 1 });
    assert.equal(await screen.text('#job-status'), 'Completed — 3 / 3 rows');
    assert.equal(await screen.page.locator('#start-import').getAttribute('disabled'), '');
    assert.equal(await screen.text('#start-reason'), 'The import has ended; the result is below.');
    assert.equal(await spinning(screen), false, 'a finished import does not spin');
    assert.equal(((await screen.savedState()) as WebviewState).started, true);
  });

  it('says the import is under way while it runs', async () => {
    const screen = await openStarted({ jobId: 'job-10', status: 'in_progress', rowsTotal: 300, rowsProcessed: 100, saved: 100, duplicates: 0, errors: 0 });
    assert.equal(await screen.text('#job-status'), 'Importing — 100 / 300 rows');
    assert.equal(await screen.text('#start-reason'), 'The import has started; its progress is below.');
    assert.equal(await spinning(screen), true, 'a running import spins');
  });
});
