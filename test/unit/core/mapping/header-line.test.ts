import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { headerHints, importLensTitle, mappedColumnsSummary, readHeader, readHeaderLine } from '../../../../src/core/mapping';

/** Each cell's range cut out of the line, to compare with what the user sees. */
function slices(line: string): string[] | undefined {
  return readHeaderLine(line)?.cells.map((cell) => line.slice(cell.start, cell.end));
}

describe('header line in the editor', () => {
  it('splits a comma header into cells with their ranges', () => {
    const header = readHeaderLine('First Name,Email,Company');
    assert.equal(header?.delimiter, ',');
    assert.deepEqual(header?.cells, [
      { text: 'First Name', start: 0, end: 10 },
      { text: 'Email', start: 11, end: 16 },
      { text: 'Company', start: 17, end: 24 },
    ]);
  });

  it('sniffs the delimiter the pre-flight would pick: semicolon, pipe, tab', () => {
    assert.deepEqual(readHeaderLine('Vorname;Nachname;E-Mail')?.cells.map((c) => c.text), ['Vorname', 'Nachname', 'E-Mail']);
    assert.equal(readHeaderLine('a|b|c')?.delimiter, '|');
    assert.equal(readHeaderLine('a\tb\tc')?.delimiter, '\t');
  });

  it('keeps quoted cells whole, the quotes inside the range and out of the text', () => {
    const line = '"Name, full","Say ""hi""",Email';
    assert.deepEqual(readHeaderLine(line)?.cells.map((c) => c.text), ['Name, full', 'Say "hi"', 'Email']);
    assert.deepEqual(slices(line), ['"Name, full"', '"Say ""hi"""', 'Email']);
  });

  it('counts a BOM before the first cell and keeps empty cells (a trailing delimiter)', () => {
    const line = '\uFEFFEmail,,Notes,';
    assert.deepEqual(readHeaderLine(line)?.cells, [
      { text: 'Email', start: 1, end: 6 },
      { text: '', start: 7, end: 7 },
      { text: 'Notes', start: 8, end: 13 },
      { text: '', start: 14, end: 14 },
    ]);
  });

  it('gives nothing for a blank line or a header whose quote goes on to the next line', () => {
    assert.equal(readHeaderLine(''), undefined);
    assert.equal(readHeaderLine('  '), undefined);
    assert.equal(readHeaderLine('Email,"Notes'), undefined);
  });

  it('reads a one-column header', () => {
    assert.deepEqual(readHeaderLine('Email')?.cells, [{ text: 'Email', start: 0, end: 5 }]);
  });

  it('finds the header on the line after Excel\'s "sep=" line, split by the delimiter it names', () => {
    assert.deepEqual(readHeader('sep=;', 'Name,Inc;Email'), { line: 1, delimiter: ';', cells: [{ text: 'Name,Inc', start: 0, end: 8 }, { text: 'Email', start: 9, end: 14 }] });
    assert.equal(readHeader('First Name,Email', 'Ada,ada@example.com')?.line, 0);
    assert.equal(readHeader('sep=;', undefined), undefined, 'no header after the sep line');
    assert.equal(readHeader('sep=x', 'a,b'), undefined, 'a delimiter GetSales cannot read');
  });

  it('titles the lens with the kind and the mapped columns', () => {
    const mapping = ['first_name', 'last_name', 'work_email', 'company_name', 'position', 'linkedin_id', null];
    assert.equal(importLensTitle('contacts', mapping), 'Import Contacts to GetSales · 6 of 7 columns mapped');
    assert.equal(importLensTitle('companies', ['name']), 'Import Companies to GetSales · 1 of 1 column mapped');
    assert.equal(mappedColumnsSummary([null, null]), '0 of 2 columns mapped');
  });

  it('labels each mapped column with its field, naming the kind when both are shown', () => {
    assert.deepEqual(headerHints('contacts', ['work_email', null, 'first_name'], false), [
      { column: 0, label: '→ Work email' },
      { column: 2, label: '→ First name' },
    ]);
    assert.deepEqual(headerHints('companies', ['name', 'domain'], true), [
      { column: 0, label: '→ Companies: Company name' },
      { column: 1, label: '→ Companies: Domain' },
    ]);
  });
});
