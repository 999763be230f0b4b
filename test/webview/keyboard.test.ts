/** The mapping screen operated with the keyboard alone, in headless chromium. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { contactsModel } from './support/fixtures';
import { useScreens } from './support/suite';

describe('mapping screen by keyboard', () => {
  const screens = useScreens();

  it('maps a column, picks a list, starts and closes without the mouse', async () => {
    const screen = await screens.open({ model: contactsModel() });
    const keyboard = screen.page.keyboard;

    // The first stop is the Encoding choice with the file facts, then the scrollable preview, with a visible focus outline.
    await keyboard.press('Tab');
    assert.equal(await screen.activeElementId(), 'encoding-choice');
    await keyboard.press('Tab');
    assert.equal(await screen.page.evaluate(() => document.activeElement?.classList.contains('table-scroller')), true);
    assert.notEqual(await screen.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle), 'none');

    // Pickers follow in column order; arrow keys change a closed picker, skipping group headings.
    assert.equal(await screen.tabTo('picker-0'), 1);
    assert.equal(await screen.tabTo('picker-3'), 3);
    await keyboard.press('ArrowDown');
    const change = await screen.waitForMessage('mappingChanged', (message) => message.revision === 2);
    assert.deepEqual(change.mapping, ['name', 'work_email', 'linkedin_id', 'first_name']);

    // Space opens the list picker, arrows move, Enter chooses.
    await screen.tabTo('list-picker');
    await keyboard.press('Space');
    await keyboard.press('ArrowDown');
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    assert.equal(await screen.value('#list-picker'), 'list-2');

    await screen.page.waitForFunction(() => !document.querySelector('#start-import')?.hasAttribute('disabled'));
    await screen.tabTo('start-import');
    await keyboard.press('Enter');
    const start = await screen.waitForMessage('startImport');
    assert.deepEqual(start.mapping, ['name', 'work_email', 'linkedin_id', 'first_name']);
    assert.deepEqual(start.target, { kind: 'contacts', listUuid: 'list-2', tags: [], updateExisting: true });

    // Focus moves to the progress section's "Close this tab"; Space activates it.
    await screen.page.waitForFunction(() => document.activeElement?.id === 'close-tab');
    await keyboard.press('Space');
    await screen.waitForMessage('closePanel');
  });

  it('creates a list from the keyboard: Enter opens the form, Enter submits, Escape cancels', async () => {
    const screen = await screens.open({ model: contactsModel(), callbacks: { createList: async (name) => ({ uuid: 'list-kb', name }) } });
    const keyboard = screen.page.keyboard;
    await screen.tabTo('new-list');
    await keyboard.press('Enter');
    assert.equal(await screen.activeElementId(), 'new-list-name');
    await keyboard.press('Escape');
    assert.equal(await screen.activeElementId(), 'new-list');

    await keyboard.press('Enter');
    await keyboard.type('Keyboard list');
    await keyboard.press('Enter');
    const request = await screen.waitForMessage('createList');
    assert.equal(request.name, 'Keyboard list');
    await screen.page.waitForFunction(() => (document.querySelector('#list-picker') as HTMLElement & { value: string }).value === 'list-kb');
  });

  it('toggles checkboxes with Space', async () => {
    const screen = await screens.open({ model: contactsModel() });
    await screen.tabTo('save-mapping');
    await screen.page.keyboard.press('Space');
    await screen.page.waitForFunction(() => (window as unknown as { __savedState?: { saveMapping: boolean } }).__savedState?.saveMapping === false);
    assert.equal(await screen.page.locator('#save-mapping').getAttribute('aria-checked'), 'false');
  });
});
