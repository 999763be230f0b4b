import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { MultipartParser, boundaryOf, type PartInfo } from '../../../src/sandbox/http/multipart';
import { duplicateKeyPaths } from '../../../src/sandbox/http/duplicate-keys';
import { sniffDelimiter, sniffNewline } from '../../../src/sandbox/csv/sniff';
import { RowScanner } from '../../../src/sandbox/csv/row-scanner';
import { csvLine } from '../../../src/sandbox/csv/csv-write';
import { linkedinKey } from '../../../src/sandbox/store/identity';

describe('sandbox building blocks', () => {
  it('parses multipart bodies split at every possible byte boundary', () => {
    const body = Buffer.from('preamble\r\n--XX\r\nContent-Disposition: form-data; name="type"\r\n\r\ncsv_leads\r\n'
      + '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na,b\r\n--X,"--XX"\r\n--XX--\r\nepilogue');
    for (let cut = 1; cut < body.length; cut += 1) {
      const parts: { info: PartInfo; data: string }[] = [];
      const parser = new MultipartParser('XX', (info) => {
        const part = { info, data: '' };
        parts.push(part);
        return { data: (chunk) => { part.data += chunk.toString('latin1'); }, end: () => undefined };
      });
      parser.write(body.subarray(0, cut));
      parser.write(body.subarray(cut));
      parser.end();
      assert.deepEqual(parts, [
        { info: { name: 'type' }, data: 'csv_leads' },
        { info: { name: 'file', fileName: 'a.csv', contentType: 'text/csv' }, data: 'a,b\r\n--X,"--XX"' },
      ], `cut at ${cut}`);
    }
    assert.equal(boundaryOf('multipart/form-data; boundary="a b"'), 'a b');
    assert.equal(boundaryOf('application/json'), undefined);
  });

  it('finds keys repeated within one object, not across objects', () => {
    assert.deepEqual(duplicateKeyPaths('{"columns":{"a":0,"b":1,"a":2},"x":[{"k":1},{"k":2}],"s":"{\\"a\\":1,\\"a\\":2}"}'), ['columns.a']);
    assert.deepEqual(duplicateKeyPaths('{"a":1,"a":{"b":1,"b":2}}'), ['a', 'a.b']);
  });

  it('sniffs delimiter and newline outside quotes', () => {
    assert.equal(sniffDelimiter('a;b;c\n1;"2,5";3\n', true), ';');
    assert.equal(sniffDelimiter('a|b\n"x;y"|z\n', true), '|');
    assert.equal(sniffDelimiter('"Name, full",b\n"Lovelace, Ada",1\n', true), ',');
    assert.equal(sniffDelimiter('just one column\nvalue\n', true), ',');
    assert.equal(sniffNewline('"a\nb",c\r\n1,2\r\n'), '\r\n');
    assert.equal(sniffNewline('a,b\r1,2\r'), '\r');
  });

  it('numbers rows by the line they start on, across chunks, skipping blank lines', () => {
    const scanner = new RowScanner(',', '\n');
    const text = '\nh1,h2\n"a\nb",1\n\nc,2\n"d""",3';
    const rows = [...text].flatMap((ch) => scanner.push(ch)).concat(scanner.end());
    assert.deepEqual(scanner.header, ['h1', 'h2']);
    assert.deepEqual(rows, [{ line: 3, cells: ['a\nb', '1'] }, { line: 6, cells: ['c', '2'] }, { line: 7, cells: ['d"', '3'] }]);
  });

  it('writes RFC 4180 lines and reduces LinkedIn references to one key', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', '']), 'a,"b,c","say ""hi""","x\ny",\r\n');
    for (const ref of ['https://www.linkedin.com/in/Ada-L/', 'linkedin.com/in/ada-l?trk=x', 'ada-l', 'http://de.linkedin.com/in/ada-l']) {
      assert.equal(linkedinKey(ref), 'ada-l', ref);
    }
  });
});
