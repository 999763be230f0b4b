/**
 * How the file is read, on the mapping screen: the encoding with its confidence, a guess
 * said as a guess, the "Encoding" choice that has the host read the file again (a new
 * preview and upload), and the formula warning with its opt-in.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MappingModel } from '../../src/shared/protocol';
import { contactsModel, encodingFacts } from './support/fixtures';
import { useScreens } from './support/suite';

/** A Polish ISO-8859-2 file the detector is unsure of; its first row read as the detector guessed. */
function guessedModel(): MappingModel {
  const base = contactsModel();
  return contactsModel({
    file: { ...base.file, encoding: 'ISO-8859-2', encodingFacts: encodingFacts('iso-8859-2', 0.5, 'detector', ['windows-1250', 'windows-1252']) },
    previewRows: [['Łukasz Żółć', 'lukasz@example.pl', '', 'ś ą ź'], ...base.previewRows.slice(1)],
  });
}

/** The same file after the user chose Windows-1250: another upload, other letters. */
function rereadModel(): MappingModel {
  const base = guessedModel();
  return {
    ...base,
    restore: { ...base.restore, importUuid: 'imp-contacts-2', reading: { encoding: 'windows-1250', neutraliseFormulas: false } },
    file: { ...base.file, encoding: 'Windows-1250', encodingFacts: encodingFacts('windows-1250', 1, 'chosen', ['iso-8859-2', 'windows-1252']) },
    previewRows: [['Łukasz Żółć', 'lukasz@example.pl', '', 'š ą ź'], ...base.previewRows.slice(1)],
  };
}

describe('mapping screen: how the file is read', () => {
  const screens = useScreens();

  it('says a low-confidence encoding is a guess, with how sure, and re-reads the file in the encoding chosen', async () => {
    let answer: (model: MappingModel) => void = () => undefined;
    const screen = await screens.open({ model: guessedModel(), callbacks: { reread: () => new Promise((resolve) => { answer = resolve; }) } });
    assert.match(await screen.text('.facts'), /ISO-8859-2 \(detected, 50% sure\), converted to UTF-8 for the upload/);
    assert.equal(await screen.text('#encoding-note'), 'The encoding is a guess: ISO-8859-2, 50% sure. Check the names and accented letters in the preview below; if they look wrong, choose the right encoding.');
    assert.equal(await screen.value('#encoding-choice'), 'iso-8859-2');

    await screen.pick('#encoding-choice', 'Windows-1250 (Central European)');
    const asked = await screen.waitForMessage('rereadFile');
    assert.deepEqual(asked, { type: 'rereadFile', encoding: 'windows-1250', neutraliseFormulas: false });
    await screen.page.waitForFunction(() => document.querySelector('#reread-status')?.textContent === 'Reading the file again…');
    assert.equal(await screen.page.evaluate(() => document.querySelector('#encoding-choice')?.hasAttribute('disabled')), true, 'no second choice while reading');
    assert.equal(await screen.page.evaluate(() => document.querySelector('#start-import')?.hasAttribute('disabled')), true, 'no start while reading');

    answer(rereadModel());
    await screen.page.waitForFunction(() => document.querySelector('.facts')?.textContent?.includes('Windows-1250 (your choice)') === true);
    assert.equal(await screen.page.evaluate(() => document.querySelector('#encoding-note')), null, 'no longer a guess');
    assert.match(await screen.text('.preview'), /š ą ź/);
    assert.equal(await screen.value('#encoding-choice'), 'windows-1250');
    const saved = await screen.savedState() as { restore: { importUuid: string; reading?: unknown } };
    assert.equal(saved.restore.importUuid, 'imp-contacts-2', 'the screen follows the new upload');
    assert.deepEqual(saved.restore.reading, { encoding: 'windows-1250', neutraliseFormulas: false }, 'and keeps the choice for a reload');
  });

  it('says why the file could not be read again, and keeps what it showed', async () => {
    const screen = await screens.open({ model: guessedModel(), callbacks: { reread: async () => { throw new Error('contacts.csv cannot be imported: line 3 holds a NUL character.'); } } });
    await screen.pick('#encoding-choice', 'Windows-1252 (Western European)');
    await screen.page.waitForFunction(() => document.querySelector('#reread-status')?.textContent?.includes('NUL character') === true);
    assert.equal(await screen.value('#encoding-choice'), 'iso-8859-2');
    assert.equal(await screen.page.evaluate(() => document.querySelector('#encoding-choice')?.hasAttribute('disabled')), false);
  });

  it('shows a sure encoding without a warning', async () => {
    const screen = await screens.open({ model: contactsModel() });
    assert.match(await screen.text('.facts'), /Windows-1252 \(detected, 88% sure\)/);
    assert.equal(await screen.page.evaluate(() => document.querySelector('#encoding-note')), null);
  });

  it('warns about formula-like cells and neutralises them only when asked', async () => {
    const base = contactsModel();
    const model = contactsModel({ file: { ...base.file, formulas: { count: 3, lines: [2, 4, 9], neutralised: false } } });
    const screen = await screens.open({ model, callbacks: { reread: async () => contactsModel({ file: { ...base.file, formulas: { count: 3, lines: [2, 4, 9], neutralised: true } } }) } });
    assert.equal(await screen.text('#formula-note'), '3 cells start like a spreadsheet formula (=, +, -, @) on lines 2, 4, 9. Spreadsheet apps such as Excel may run them when this data is opened there later.');
    assert.equal(await screen.page.evaluate(() => (document.querySelector('#neutralise-formulas') as HTMLInputElement | null)?.checked), false, 'opt-in: off by default');
    await screen.page.click('#neutralise-formulas');
    const asked = await screen.waitForMessage('rereadFile');
    assert.deepEqual(asked, { type: 'rereadFile', encoding: 'windows-1252', neutraliseFormulas: true });
    await screen.page.waitForFunction(() => (document.querySelector('#neutralise-formulas') as HTMLInputElement | null)?.checked === true);
  });
});
