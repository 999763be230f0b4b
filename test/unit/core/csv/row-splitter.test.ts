import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RowSplitter } from '../../../../src/core/csv/line-endings';
import { LineCounter, isBlankRow } from '../../../../src/core/csv/row-lines';

/** Rows with their start lines, as the streaming passes see them, for text fed in `pieces`. */
function split(pieces: readonly string[]): (string | number)[][] {
  const splitter = new RowSplitter(',');
  const lines = new LineCounter();
  const out: (string | number)[][] = [];
  const take = (rows: readonly string[][]): void => {
    for (const row of rows) {
      const line = lines.take(row);
      if (!isBlankRow(row)) out.push([line, ...row]);
    }
  };
  for (const piece of pieces) take(splitter.push(piece).rows);
  for (const rest of splitter.end()) take(rest.rows);
  return out;
}

const CASES: Record<string, { text: string; rows: (string | number)[][] }> = {
  'CRLF throughout, with a CRLF inside a quoted cell': {
    text: 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n',
    rows: [[1, 'a', 'b'], [2, '1', 'x\r\ny'], [4, '2', 'z']],
  },
  'CRLF that turns mixed half way': {
    text: 'a,b\r\n1,2\r\n3,4\n5,6\r7,8\r\n',
    rows: [[1, 'a', 'b'], [2, '1', '2'], [3, '3', '4'], [4, '5', '6'], [5, '7', '8']],
  },
  'a lone CR at the very end': {
    text: 'a,b\r\n1,2\r',
    rows: [[1, 'a', 'b'], [2, '1', '2']],
  },
  'LF with an LF inside quotes and no final newline': {
    text: 'a,b\n"1\n2",3\n\n4,5',
    rows: [[1, 'a', 'b'], [2, '1\n2', '3'], [5, '4', '5']],
  },
};

describe('row splitting across chunk edges', () => {
  for (const [name, { text, rows }] of Object.entries(CASES)) {
    it(`${name}: same rows and lines wherever the text is cut`, () => {
      assert.deepEqual(split([text]), rows, 'in one piece');
      for (let cut = 0; cut <= text.length; cut += 1) {
        for (let second = cut; second <= text.length; second += 1) {
          assert.deepEqual(split([text.slice(0, cut), text.slice(cut, second), text.slice(second)]), rows, `cut at ${cut} and ${second}`);
        }
      }
    });
  }
});
