/**
 * The error report of an import: the source file's rows that GetSales rejected or that
 * pre-flight knows it will reject (no identifier), with their original columns plus an
 * `error` column, written beside the source through a temp file and a rename (an
 * existing report is never overwritten). Plain Node: no `vscode` here.
 *
 * Rows are matched by line: the server numbers rows by the line of the uploaded file
 * (header = 1), which is the source's line for every upload (a converted copy keeps
 * each row on its line).
 *
 * The `error` column is ours and may repeat server text such as "=HYPERLINK(…)", so it
 * is always neutralised for spreadsheet apps; the user's own cells are written as they
 * were, so "Import Fixed Rows" sends them back unchanged.
 */
import type { RecordKind } from '../../shared/vocabulary';
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { type CsvDialect, formatCsvRow, neutraliseFormula } from '../csv';
import { toApiColumns } from '../mapping';
import { checkRow, planRowChecks } from '../csv/row-checks';
import { streamRows } from '../csv/row-stream';
import { publishWithoutOverwrite, removeQuietly, tempPathBeside } from '../files/atomic-file';
import type { JobRowError } from '../jobs';
import type { ColumnMapping } from '../../shared/protocol';

export interface ErrorReportInput {
  readonly sourcePath: string;
  readonly dialect: CsvDialect;
  readonly kind: RecordKind;
  readonly mapping: ColumnMapping;
  /** The rows the server refused (line numbers of the uploaded file). */
  readonly serverErrors: readonly JobRowError[];
}

export interface ErrorReport {
  readonly path: string;
  readonly rows: number;
  /** Rows listed because the server refused them. */
  readonly serverRows: number;
  /** Rows listed because pre-flight found no identifier (and the server did not list them). */
  readonly preflightRows: number;
}

export const ERROR_COLUMN = 'error';
const FLUSH_CHARS = 256 * 1024;

export function errorReportPath(sourcePath: string): string {
  const name = basename(sourcePath);
  const stem = name.slice(0, name.length - extname(name).length) || name;
  return join(dirname(sourcePath), `${stem}.errors.csv`);
}

function serverMessages(errors: readonly JobRowError[]): Map<number, string> {
  const byLine = new Map<number, string>();
  for (const error of errors) {
    if (error.row <= 0) continue; // row 0: a message about the whole import, not a row
    const known = byLine.get(error.row);
    byLine.set(error.row, known === undefined ? error.message : `${known}; ${error.message}`);
  }
  return byLine;
}

/** Writes the report; resolves with `rows: 0` (and writes nothing) when no row is known to be rejected. */
export async function writeErrorReport(input: ErrorReportInput): Promise<ErrorReport> {
  const fromServer = serverMessages(input.serverErrors);
  const plan = planRowChecks(input.kind, toApiColumns(input.mapping));
  const target = errorReportPath(input.sourcePath);
  const temp = tempPathBeside(target);
  const handle = await fs.open(temp, 'wx');
  let pending: string[] = [];
  let pendingChars = 0;
  let serverRows = 0;
  let preflightRows = 0;
  let seenHeader = false;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    await handle.write(text);
  };
  const add = (cells: readonly string[]): void => {
    const line = `${formatCsvRow(cells)}\r\n`;
    pending.push(line);
    pendingChars += line.length;
  };
  try {
    await streamRows(input.sourcePath, input.dialect, {
      onRow(fields, line) {
        if (!seenHeader) {
          seenHeader = true;
          add([...fields, ERROR_COLUMN]);
          return;
        }
        const serverMessage = fromServer.get(line);
        let message = serverMessage;
        if (message === undefined) {
          checkRow(plan, fields, line, (issue) => {
            if (issue.code === 'missing-identifier' && message === undefined) message = issue.message;
          });
          if (message !== undefined) preflightRows += 1;
        } else {
          serverRows += 1;
        }
        if (message !== undefined) add([...fields, neutraliseFormula(message)]);
      },
      afterChunk: async () => {
        if (pendingChars >= FLUSH_CHARS) await flush();
      },
    });
    await flush();
    await handle.close();
    const rows = serverRows + preflightRows;
    if (rows === 0) {
      await removeQuietly(temp);
      return { path: target, rows, serverRows, preflightRows };
    }
    return { path: await publishWithoutOverwrite(temp, target), rows, serverRows, preflightRows };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await removeQuietly(temp);
    throw error;
  }
}
