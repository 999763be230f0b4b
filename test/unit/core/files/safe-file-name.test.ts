import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { candidatePaths, safeFileName } from '../../../../src/core/files/safe-file-name';
import { contentDispositionFileName } from '../../../../src/core/api/content-disposition';

describe('safeFileName', () => {
  it('keeps an ordinary export name as it is', () => {
    assert.equal(safeFileName('contacts-export-20261128-100000.csv'), 'contacts-export-20261128-100000.csv');
  });

  it('drops directories and parent references, whichever separator', () => {
    assert.equal(safeFileName('../../evil.csv'), 'evil.csv');
    assert.equal(safeFileName('..\\..\\Windows\\System32\\evil.csv'), 'evil.csv');
    assert.equal(safeFileName('/etc/passwd'), 'passwd.csv');
    assert.equal(safeFileName('..'), 'export.csv');
    assert.equal(safeFileName('../'), 'export.csv');
    assert.equal(safeFileName(''), 'export.csv');
  });

  it('removes control, bidi and characters Windows forbids, and hidden-file dots', () => {
    assert.equal(safeFileName('a\u0000b\nc\r.csv'), 'abc.csv');
    assert.equal(safeFileName('report\u202Evsc.exe'), 'reportvsc.exe.csv');
    assert.equal(safeFileName('a<b>c:d"e|f?g*.csv'), 'a_b_c_d_e_f_g_.csv');
    assert.equal(safeFileName('.bashrc'), 'bashrc.csv');
    assert.equal(safeFileName('name. . .csv. '), 'name.csv');
  });

  it('never yields a reserved device name', () => {
    assert.equal(safeFileName('CON.csv'), '_CON.csv');
    assert.equal(safeFileName('nul'), '_nul.csv');
    assert.equal(safeFileName('com1.tar.csv'), '_com1.tar.csv');
    assert.equal(safeFileName('console.csv'), 'console.csv');
  });

  it('forces the extension and limits the length in bytes without splitting characters', () => {
    assert.equal(safeFileName('data.CSV'), 'data.csv');
    assert.equal(safeFileName('data.txt'), 'data.txt.csv');
    const long = safeFileName(`${'ü'.repeat(300)}.csv`, { maxBytes: 100 });
    assert.ok(Buffer.byteLength(long) <= 100);
    assert.ok(long.endsWith('.csv'));
    assert.ok(!long.includes('\uFFFD'));
    assert.equal(safeFileName('x', { extension: '.json' }), 'x.json');
  });
});

describe('candidatePaths', () => {
  it('numbers alternatives before the extension', () => {
    const names = [...candidatePaths('/d', 'a.csv', 2)];
    assert.deepEqual(names, ['/d/a.csv', '/d/a (1).csv', '/d/a (2).csv']);
  });
});

describe('contentDispositionFileName', () => {
  it('prefers filename* and decodes it', () => {
    assert.equal(contentDispositionFileName(`attachment; filename="plain.csv"; filename*=UTF-8''Kontakte%20M%C3%BCnchen.csv`), 'Kontakte München.csv');
  });
  it('reads quoted and bare filename values', () => {
    assert.equal(contentDispositionFileName('attachment; filename="a \\"b\\".csv"'), 'a "b".csv');
    assert.equal(contentDispositionFileName('attachment; filename=../../evil.csv'), '../../evil.csv');
    assert.equal(contentDispositionFileName('attachment'), undefined);
    assert.equal(contentDispositionFileName(undefined), undefined);
  });
});
