/**
 * The mapping screen in real headless chromium, against the built bundle, with the
 * panel's host logic (MappingSession) answering as the host.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { XSS_CELL, companiesModel, contactsModel, fakeReview } from './support/fixtures';
import { useScreens } from './support/suite';

describe('mapping screen', () => {
  const screens = useScreens();

  it('shakes hands, then prefills every picker from the suggestions with the reason on hover', async () => {
    const screen = await screens.open({ model: contactsModel() });
    assert.deepEqual(screen.posted[0], { type: 'ready' });
    assert.deepEqual(screen.lastMapping(), ['name', 'work_email', 'linkedin_id', null]);
    assert.equal(await screen.value('#picker-0'), 'name');
    assert.equal(await screen.value('#picker-1'), 'work_email');
    assert.equal(await screen.value('#picker-2'), 'linkedin_id');
    assert.equal(await screen.value('#picker-3'), '__skip__');
    assert.match(await screen.page.locator('#picker-1').getAttribute('title') ?? '', /GetSales matched column "Email" to Work email/);
    assert.equal(await screen.page.locator('#picker-3').getAttribute('title'), 'No suggestion for this column.');
  });

  it('notes who suggested a field only when the header does not say it, and only while the column holds it', async () => {
    const screen = await screens.open({ model: contactsModel() });
    const note = (column: number) => screen.page.locator(`tr[data-column="${column}"] .suggestion-note`);
    assert.equal(await note(0).isVisible(), false, 'an alias needs no note');
    assert.equal(await note(1).innerText(), 'Suggested by GetSales');
    assert.equal(await note(2).isVisible(), false, 'the header is the field name');
    assert.equal(await screen.page.locator('.mapping-table').innerText().then((text) => text.match(/Suggested/g)?.length ?? 0), 1, 'said once, not on every row');
    await screen.pick('#picker-1', 'Personal email');
    await screen.waitForMessage('mappingChanged', (message) => message.revision === 2);
    await note(1).waitFor({ state: 'hidden' });
  });

  it('keeps a wide preview inside its own scrolling box, with the header row in view', async () => {
    const columns = Array.from({ length: 24 }, (_, index) => `Column number ${index + 1}`);
    const rows = Array.from({ length: 40 }, (_, row) => columns.map((_, column) => `value ${row + 1}.${column + 1} with some width`));
    const screen = await screens.open({ model: contactsModel({ columns, previewRows: rows, suggestions: [] }) });
    await screen.page.setViewportSize({ width: 700, height: 700 });
    const box = screen.page.locator('.preview .table-scroller');
    const sizes = await box.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    assert.ok(sizes.scroll > sizes.client, 'the table is wider than its box, which scrolls');
    assert.ok(sizes.page <= sizes.viewport, `the page itself does not scroll sideways (${sizes.page} > ${sizes.viewport})`);
    await box.evaluate((element) => { element.scrollTop = 400; element.scrollLeft = 600; });
    const header = screen.page.locator('.preview-table thead th').nth(5);
    const [boxTop, headerTop] = await Promise.all([box.boundingBox(), header.boundingBox()]);
    assert.ok(boxTop && headerTop && Math.abs(headerTop.y - boxTop.y) <= 2, `the header row stays at the top of the box (${headerTop?.y} vs ${boxTop?.y})`);
  });

  it('shows the file facts and the warnings', async () => {
    const screen = await screens.open({ model: contactsModel() });
    const facts = await screen.text('.file-facts');
    assert.match(facts, /2\.0 KB/);
    assert.match(facts, /semicolon \(;\)/);
    assert.match(facts, /Windows-1252 \(detected, 88% sure\), converted to UTF-8 for the upload/);
    assert.match(facts, /2 rows have more cells than the header\./);
  });

  it('says only what the upload copy changes: a tab-separated UTF-8 file stays UTF-8 and is sent with commas', async () => {
    const base = contactsModel();
    const screen = await screens.open({ model: contactsModel({ file: { ...base.file, delimiter: '\t', encoding: 'UTF-8', converted: true, encodingFacts: { ...base.file.encodingFacts, id: 'utf-8' } } }) });
    const facts = await screen.text('.file-facts');
    assert.doesNotMatch(facts, /converted to UTF-8/);
    assert.match(facts, /tab \(\\t\), sent with commas/);
  });

  it('a file over the limit: says it goes up in parts, one after another with this mapping, and starts "in N parts"', async () => {
    const base = contactsModel();
    const parts = { count: 3, uploadBytes: 40 * 1024 * 1024, maxPartBytes: 14 * 1024 * 1024, limitBytes: 15 * 1024 * 1024 };
    const screen = await screens.open({ model: contactsModel({ file: { ...base.file, parts }, restore: { ...base.restore, partsId: '0b6f4c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e' } }) });
    assert.match(await screen.text('.file-facts'), /Parts\s*3, one after another/);
    assert.equal(await screen.text('#parts-note'), 'This file is 40.0 MB to upload, over GetSales\' limit of 15.0 MB per upload: it goes up in 3 parts of whole rows (at most 14.0 MB each, each with the header row), one after another, all with this mapping, as one job in the Jobs view.');
    assert.equal((await screen.text('#start-import')).trim(), 'Start import in 3 parts');
    const saved = (await screen.savedState()) as { restore: { partsId?: string } };
    assert.equal(saved.restore.partsId, '0b6f4c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e', 'a reload finds its parts again');
    const single = await screens.open({ model: contactsModel() });
    assert.equal(await single.page.locator('#parts-note').count(), 0);
    assert.equal((await single.text('#start-import')).trim(), 'Start import');
  });

  it('posts the new mapping with a new revision when a picker changes, and saves it with setState', async () => {
    const screen = await screens.open({ model: contactsModel() });
    await screen.pick('#picker-3', 'About');
    const change = await screen.waitForMessage('mappingChanged', (message) => message.revision === 2);
    assert.deepEqual(change.mapping, ['name', 'work_email', 'linkedin_id', 'about']);
    const saved = (await screen.savedState()) as { mapping: unknown; restore: { importUuid: string } };
    assert.deepEqual(saved.mapping, ['name', 'work_email', 'linkedin_id', 'about']);
    assert.equal(saved.restore.importUuid, 'imp-contacts-1');
  });

  it('turns the identifier badge red or green from the host answer for the current revision only', async () => {
    const model = contactsModel();
    const screen = await screens.open({ model, reviews: 'manual' });
    const badge = screen.page.locator('#identifier-badge');
    assert.equal(await badge.innerText(), 'Checking the mapping…');

    const noIdentifier = fakeReview(model, ['name', null, null, null]);
    await screen.deliver({ type: 'review', revision: 1, review: noIdentifier });
    await screen.page.waitForSelector('#identifier-badge.error');
    assert.equal(await badge.innerText(), 'Map a column to LinkedIn or Work email or Personal email');

    // An answer for an older revision must not overwrite the newer one.
    await screen.pick('#picker-2', 'Company');
    await screen.waitForMessage('mappingChanged', (message) => message.revision === 2);
    await screen.deliver({ type: 'review', revision: 1, review: fakeReview(model, ['name', 'work_email', null, null]) });
    assert.equal(await badge.innerText(), 'Checking the mapping…');

    await screen.deliver({ type: 'review', revision: 2, review: fakeReview(model, ['name', 'work_email', 'company_name', null]) });
    await screen.page.waitForSelector('#identifier-badge.ok');
    assert.equal(await badge.innerText(), 'Identifier: Work email');
  });

  it('lists every rule issue and marks the columns it is about', async () => {
    const screen = await screens.open({ model: contactsModel() });
    await screen.pick('#picker-2', 'Work email');
    await screen.page.waitForSelector('#rule-issues li.error');
    assert.equal(await screen.text('#rule-issues'), 'Error: Work email is picked for 2 columns.');
    assert.equal(await screen.page.locator('.mapping-table tr.has-error').count(), 2);
    assert.equal(await screen.text('#start-reason'), 'Work email is picked for 2 columns.');
  });

  it('keeps Start disabled with the reason until the mapping is valid and a list is chosen', async () => {
    const model = contactsModel();
    const screen = await screens.open({ model, reviews: 'manual' });
    const start = screen.page.locator('#start-import');
    assert.equal(await start.getAttribute('disabled'), '');
    assert.equal(await screen.text('#start-reason'), 'Checking the mapping…');

    await screen.deliver({ type: 'review', revision: 1, review: fakeReview(model, [null, null, null, null]) });
    await screen.page.waitForSelector('#identifier-badge.error');
    assert.equal(await start.getAttribute('disabled'), '');
    assert.equal(await screen.text('#start-reason'), 'Map a column to LinkedIn or Work email or Personal email');

    await screen.deliver({ type: 'review', revision: 1, review: fakeReview(model, ['name', 'work_email', 'linkedin_id', null]) });
    await screen.page.waitForSelector('#identifier-badge.ok');
    assert.equal(await start.getAttribute('disabled'), '');
    assert.equal(await screen.text('#start-reason'), 'Choose the list the contacts go into.');

    // Clicking a disabled Start does nothing.
    await start.click({ force: true });
    assert.equal(screen.messages('startImport').length, 0);

    await screen.pick('#list-picker', 'Berlin CTOs');
    await screen.page.waitForFunction(() => !document.querySelector('#start-import')?.hasAttribute('disabled'));
    assert.equal(await screen.text('#start-reason'), 'Ready to import.');
  });

  it('starts the import with the mapping and target, shows live progress, saves the mapping, and closes on request', async () => {
    const screen = await screens.open({ model: contactsModel() });
    await screen.pick('#list-picker', 'Webinar leads');
    await screen.page.locator('#tags vscode-checkbox', { hasText: 'berlin' }).click();
    await screen.page.locator('#tags vscode-checkbox', { hasText: 'webinar-2026' }).click();
    await screen.page.locator('#start-import').click();

    const start = await screen.waitForMessage('startImport');
    assert.deepEqual(start, {
      type: 'startImport',
      mapping: ['name', 'work_email', 'linkedin_id', null],
      // The account's tags are offered by name and sent by uuid (contract §7).
      target: { kind: 'contacts', listUuid: 'list-1', tags: ['tag-uuid-2', 'tag-uuid-1'], updateExisting: true },
      saveMapping: true,
    });
    await screen.page.waitForSelector('section.progress:not([hidden])');
    assert.equal(await screen.text('#job-status'), 'Queued — 0 / 3 rows');
    assert.ok(screen.calls.some((call) => call.name === 'saveMapping'), 'the mapping was saved');
    assert.equal(await screen.page.locator('#picker-0').getAttribute('disabled'), '', 'pickers lock once started');

    screen.session.showJobProgress({ jobId: 'job-1', status: 'in_progress', rowsTotal: 3, rowsProcessed: 2, saved: 1, duplicates: 1, errors: 0 });
    await screen.page.waitForFunction(() => document.querySelector('#job-status')?.textContent === 'Importing — 2 / 3 rows');
    assert.equal(await screen.text('#job-counts'), '1 saved · 1 duplicate · 0 errors');
    assert.equal(await screen.page.locator('section.progress p.muted').isVisible(), true, 'while it runs: the tab may be closed');

    // Finished: the result said once (the host's sentence has the counts), and no "keeps running" note.
    const sentence = 'Import of contacts.csv finished: 1 saved, 1 duplicate, 1 error.';
    screen.session.showJobProgress({ jobId: 'job-1', status: 'completed', rowsTotal: 3, rowsProcessed: 3, saved: 1, duplicates: 1, errors: 1, message: sentence });
    await screen.page.waitForFunction(() => document.querySelector('#job-status')?.textContent?.startsWith('Completed') === true);
    assert.equal(await screen.text('#job-counts'), sentence);
    assert.equal(await screen.page.locator('section.progress p.muted').isVisible(), false, 'the "keeps running" note is gone once the import ended');

    await screen.page.locator('#close-tab').click();
    await screen.waitForMessage('closePanel');
    assert.equal(screen.closed, true);
  });

  it('shows why the host refused to start and lets the user try again', async () => {
    const screen = await screens.open({
      model: contactsModel({ target: { kind: 'contacts', listUuid: 'list-2', tags: [], updateExisting: false } }),
      callbacks: { startImport: async () => { throw new Error('The columns field is invalid: work_email is mapped twice.'); } },
    });
    await screen.page.waitForFunction(() => !document.querySelector('#start-import')?.hasAttribute('disabled'));
    await screen.page.locator('#start-import').click();
    await screen.page.waitForSelector('#start-error:not([hidden])');
    assert.equal(await screen.text('#start-error'), 'The columns field is invalid: work_email is mapped twice.');
    assert.equal(await screen.page.locator('#start-import').getAttribute('disabled'), null);
    assert.equal(await screen.page.locator('section.progress').getAttribute('hidden'), '');
  });

  it('renders cells and headers as text: the XSS cell shows its characters and nothing runs', async () => {
    const model = contactsModel({ columns: ['Name', 'Email', 'LinkedIn', '<b onmouseover=alert(2)>Notes</b>'] });
    const screen = await screens.open({ model });
    const cell = screen.page.locator('.preview-table tbody tr').first().locator('td').nth(3);
    assert.equal(await cell.innerText(), XSS_CELL);
    assert.equal(await screen.page.locator('#app img').count(), 0);
    assert.equal(await screen.page.locator('#app b').count(), 0);
    assert.equal(await screen.page.locator('.mapping-table .column-header').nth(3).innerText(), '<b onmouseover=alert(2)>Notes</b>');
    await screen.page.locator('.preview-table td', { hasText: 'onerror' }).hover();
    assert.deepEqual(screen.dialogs, []);
    assert.deepEqual(await screen.violations(), []);
  });

  it('creates a new list through the host and selects it', async () => {
    const screen = await screens.open({
      model: contactsModel(),
      callbacks: { createList: async (name) => ({ uuid: 'list-new', name }) },
    });
    await screen.page.locator('#new-list').click();
    await screen.page.locator('#new-list-name input').fill('Q3 webinar');
    await screen.page.keyboard.press('Enter');
    const request = await screen.waitForMessage('createList');
    assert.equal(request.name, 'Q3 webinar');
    await screen.page.waitForFunction(() => (document.querySelector('#list-picker') as HTMLElement & { value: string }).value === 'list-new');
    assert.equal(await screen.text('.list-status'), 'List created and selected.');
    assert.equal(await screen.page.locator('#list-picker vscode-option', { hasText: 'Q3 webinar' }).count(), 1);
  });

  it('says why a new list could not be created', async () => {
    const screen = await screens.open({
      model: contactsModel(),
      callbacks: { createList: async () => { throw new Error('A list with this name exists.'); } },
    });
    await screen.page.locator('#new-list').click();
    await screen.page.locator('#new-list-name input').fill('Webinar leads');
    await screen.page.locator('#create-list').click();
    await screen.page.waitForFunction(() => document.querySelector('.list-status')?.textContent?.startsWith('Could not') === true);
    assert.equal(await screen.text('.list-status'), 'Could not create the list: A list with this name exists.');
  });

  it('shows the row validation and sends the mapping to "Show in Problems"', async () => {
    const screen = await screens.open({ model: contactsModel() });
    await screen.page.waitForSelector('#validation-items li');
    assert.equal(await screen.text('#validation-items'), '1 rows have no identifier and will be skipped');
    await screen.page.locator('#show-in-problems').click();
    const request = await screen.waitForMessage('showInProblems');
    assert.deepEqual(request.mapping, ['name', 'work_email', 'linkedin_id', null]);
  });

  it('takes a refreshed list of lists from the host and drops a chosen list that is gone', async () => {
    const screen = await screens.open({ model: contactsModel({ target: { kind: 'contacts', listUuid: 'list-2', tags: [], updateExisting: true } }) });
    await screen.page.waitForFunction(() => !document.querySelector('#start-import')?.hasAttribute('disabled'));
    screen.session.setLists([{ uuid: 'list-3', name: 'Fresh list' }]);
    await screen.page.waitForFunction(() => document.querySelector('#start-reason')?.textContent === 'Choose the list the contacts go into.');
    await screen.pick('#list-picker', 'Fresh list');
    assert.equal(await screen.value('#list-picker'), 'list-3');
    assert.equal(await screen.page.locator('#list-picker vscode-option', { hasText: 'Berlin CTOs' }).count(), 0);
  });

  it('lets companies pick any number of lists, none required', async () => {
    const screen = await screens.open({ model: companiesModel() });
    await screen.page.waitForFunction(() => !document.querySelector('#start-import')?.hasAttribute('disabled'));
    await screen.page.locator('vscode-checkbox[data-list="list-2"]').click();
    await screen.page.locator('vscode-checkbox[data-list="list-1"]').click();
    await screen.page.locator('#start-import').click();
    const start = await screen.waitForMessage('startImport');
    assert.deepEqual(start.target, { kind: 'companies', listUuids: ['list-2', 'list-1'], tags: [] });
    assert.equal(await screen.page.locator('#list-picker').count(), 0);
  });
});
