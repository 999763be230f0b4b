/**
 * Validation of every data row of a file for a mapping, streamed, so it runs on a 15 MB
 * file in flat memory. Line numbers are those of the user's file (as the editor shows
 * them), ready for the Problems panel.
 */
import type { ValidationItem as ScreenValidationItem } from '../../shared/protocol';
import type { RecordKind } from '../../shared/vocabulary';
import type { CsvDialect } from './dialect';
import { DEFAULT_MAX_LISTED } from './limits';
import type { ApiColumns } from '../mapping/column-mapping';
import { ROW_ISSUE_CODES, checkRow, planRowChecks, type RowIssue, type RowIssueCode } from './row-checks';
import { streamRows } from './row-stream';

export interface ValidateRowsOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Issues kept with their line numbers; all are counted. Default 1000. */
  readonly maxIssues?: number;
}

export interface ValidationReport {
  readonly rowsChecked: number;
  readonly rowsWithIssues: number;
  readonly counts: Readonly<Record<RowIssueCode, number>>;
  /** The first `maxIssues` issues in file order. */
  readonly issues: readonly RowIssue[];
  /** True when there were more issues than `issues` holds. */
  readonly truncated: boolean;
}

/** The mapping screen's validation line, with the code narrowed to the row checks'. */
export interface ValidationItem extends ScreenValidationItem {
  readonly code: RowIssueCode;
}

/**
 * `dialect` is the full pass's (it may have switched to Windows-1252); the header row
 * (the first non-blank row) is not checked.
 */
export async function validateRows(path: string, dialect: CsvDialect, kind: RecordKind, columns: ApiColumns, options: ValidateRowsOptions = {}): Promise<ValidationReport> {
  const plan = planRowChecks(kind, columns);
  const maxIssues = options.maxIssues ?? DEFAULT_MAX_LISTED;
  const counts: Record<RowIssueCode, number> = { 'missing-identifier': 0, 'invalid-email': 0, 'invalid-linkedin': 0 };
  const issues: RowIssue[] = [];
  let total = 0;
  let rowsChecked = 0;
  let rowsWithIssues = 0;
  let seenHeader = false;
  const record = (issue: RowIssue): void => {
    counts[issue.code] += 1;
    total += 1;
    if (issues.length < maxIssues) issues.push(issue);
  };
  await streamRows(path, dialect, {
    onRow(fields, line) {
      if (!seenHeader) {
        seenHeader = true;
        return;
      }
      rowsChecked += 1;
      if (checkRow(plan, fields, line, record) > 0) rowsWithIssues += 1;
    },
  }, options);
  return { rowsChecked, rowsWithIssues, counts, issues, truncated: total > issues.length };
}

function rows(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'}`;
}

/** One line per kind of issue found, for the mapping screen's summary. */
export function summarizeValidation(report: ValidationReport): ValidationItem[] {
  const items: ValidationItem[] = [];
  for (const code of ROW_ISSUE_CODES) {
    const count = report.counts[code];
    if (count === 0) continue;
    const one = count === 1;
    switch (code) {
      case 'missing-identifier':
        // The same name the result uses: GetSales counts these rows as errors.
        items.push({ code, severity: 'error', count, message: `${rows(count)} ${one ? 'has' : 'have'} no identifier: GetSales will refuse ${one ? 'it' : 'them'}, and ${one ? 'it counts as an error' : 'they count as errors'}.` });
        break;
      case 'invalid-email':
        items.push({ code, severity: 'warning', count, message: `${count.toLocaleString('en-US')} email ${one ? 'address is' : 'addresses are'} not valid.` });
        break;
      case 'invalid-linkedin':
        items.push({ code, severity: 'warning', count, message: `${count.toLocaleString('en-US')} LinkedIn ${one ? 'value is' : 'values are'} neither a profile URL, a nickname nor an id.` });
        break;
    }
  }
  return items;
}
