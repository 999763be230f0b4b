import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { leadSentence } from '../../../src/shared/lead-sentence';

describe('leadSentence', () => {
  it('leads with the short reason and keeps the rest for the details', () => {
    const message = 'header-only.csv cannot be imported: The file has a header row but no data rows. Add at least one row under the header, save, and import it again.';
    assert.deepEqual(leadSentence(message), {
      lead: 'header-only.csv cannot be imported: The file has a header row but no data rows.',
      rest: 'Add at least one row under the header, save, and import it again.',
    });
  });

  it('keeps a short message whole', () => {
    assert.deepEqual(leadSentence('Pick a job first.'), { lead: 'Pick a job first.', rest: undefined });
  });

  it('does not split inside a number or on a tiny first sentence', () => {
    const message = 'Version 1.5 of the file format is not known here, so nothing was imported; update the extension and try the same file again please.';
    assert.equal(leadSentence(message).rest, undefined);
  });
});
