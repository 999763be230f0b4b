/**
 * The full pre-flight pass: one streaming read of the whole file that counts the rows,
 * finds ragged ones, and, when the server could not take the file as it is, writes the
 * converted UTF-8 copy to upload instead. Memory stays flat whatever the file's size.
 */
import { basename } from 'node:path';
import { encodingLabel, needsUploadCopy, type CsvDialect, type CsvNotice } from './dialect';
import { InvalidUtf8Error } from './encoding';
import { formatCsvRow } from './csv-format';
import { DEFAULT_MAX_LISTED, MAX_UPLOAD_BYTES, describeSize } from './limits';
import { fitsColumns } from './row-lines';
import { quoteNotice } from './quote-notices';
import { streamRows } from './row-stream';
import { UploadCopy, removeUploadCopy } from './upload-copy';

export interface RaggedRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  /** Cells in the row; the header has `columnCount`. */
  readonly cells: number;
}

export interface FullPassOptions {
  /** Where the upload copy's private directory is made; default the OS temp directory. */
  readonly tempDir?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** How many ragged rows and quote warnings are kept with line numbers (all are counted). Default 1000. */
  readonly maxListed?: number;
}

export interface FullPassResult {
  /** The dialect the file was read with: the encoding changes to Windows-1252 when UTF-8 turned out invalid. */
  readonly dialect: CsvDialect;
  readonly headers: readonly string[];
  /** 1-based line of the header row; 0 when the file has no non-blank row. */
  readonly headerLine: number;
  /** Data rows: every non-blank row after the header. Line breaks inside quoted cells do not make rows. */
  readonly rowCount: number;
  /** Blank lines and delimiter-only rows, skipped. */
  readonly blankRowCount: number;
  /** Rows whose cell count differs from the header's, first `maxListed` of them. */
  readonly raggedRows: readonly RaggedRow[];
  readonly raggedRowCount: number;
  /** True when `uploadPath` is a converted copy, not the user's file. */
  readonly converted: boolean;
  /** One sentence per change made for the upload, e.g. "Converted from Windows-1252 to UTF-8 …". */
  readonly conversions: readonly string[];
  /** The file to upload: the user's file, or the converted copy in a temp directory. */
  readonly uploadPath: string;
  /** The name to give the server (a converted .tsv goes up as .csv). */
  readonly uploadFileName: string;
  readonly uploadSizeBytes: number;
  readonly warnings: readonly CsvNotice[];
  /** Each one stops the upload (too big once converted, no data rows). */
  readonly problems: readonly CsvNotice[];
  /** Deletes the converted copy, if any. The caller calls it once the upload is done or abandoned. */
  dispose(): Promise<void>;
}

function conversionSentences(dialect: CsvDialect): string[] {
  const sentences: string[] = [];
  if (dialect.encoding === 'utf-8-bom') sentences.push('Removed the byte-order mark (BOM) for the upload; your file is unchanged.');
  else if (dialect.encoding !== 'utf-8') sentences.push(`Converted from ${encodingLabel(dialect.encoding)} to UTF-8 for the upload; your file is unchanged.`);
  if (dialect.delimiter === '\t') sentences.push('Rewrote the tab-separated columns with commas for the upload; your file is unchanged.');
  return sentences;
}

async function pass(path: string, dialect: CsvDialect, options: FullPassOptions, earlyWarnings: readonly CsvNotice[]): Promise<FullPassResult> {
  const maxListed = options.maxListed ?? DEFAULT_MAX_LISTED;
  const copy = needsUploadCopy(dialect) ? await UploadCopy.create(path, options.tempDir) : undefined;
  // Tab files are re-written row by row; other conversions only change the encoding, so the text goes over as read.
  const rewrite = copy !== undefined && dialect.delimiter === '\t' ? copy : undefined;
  const verbatim = copy !== undefined && rewrite === undefined ? copy : undefined;

  let headers: string[] | undefined;
  let headerLine = 0;
  let rowCount = 0;
  const raggedRows: RaggedRow[] = [];
  let raggedRowCount = 0;
  const warnings: CsvNotice[] = [...earlyWarnings];
  let quoteWarnings = 0;

  try {
    const summary = await streamRows(path, dialect, {
      onRow(fields, line) {
        rewrite?.write(`${formatCsvRow(fields)}\r\n`);
        if (headers === undefined) {
          headers = fields;
          headerLine = line;
          return;
        }
        rowCount += 1;
        if (!fitsColumns(fields, headers.length)) {
          raggedRowCount += 1;
          if (raggedRows.length < maxListed) raggedRows.push({ line, cells: fields.length });
        }
      },
      onText: verbatim ? (text) => verbatim.write(text) : undefined,
      onQuoteError(code, line) {
        quoteWarnings += 1;
        if (quoteWarnings > maxListed) return;
        warnings.push(quoteNotice(code, line));
      },
      afterChunk: copy ? () => copy.flush() : undefined,
    }, options);

    const published = copy ? await copy.publish() : undefined;
    const uploadSizeBytes = published?.sizeBytes ?? summary.bytesRead;
    const columnCount = headers?.length ?? 0;
    if (raggedRowCount > 0) {
      const first = raggedRows[0];
      warnings.push({
        code: 'ragged-rows',
        line: first?.line,
        message: `${raggedRowCount.toLocaleString('en-US')} ${raggedRowCount === 1 ? 'row has' : 'rows have'} a different number of cells than the header's ${columnCount}${first ? ` (first at line ${first.line})` : ''}; their values may land in the wrong columns.`,
      });
    }
    const problems: CsvNotice[] = [];
    if (uploadSizeBytes > MAX_UPLOAD_BYTES) {
      problems.push({
        code: 'too-big',
        message: `The file to upload is ${describeSize(uploadSizeBytes)}${published ? ' after conversion to UTF-8' : ''}; GetSales accepts up to ${describeSize(MAX_UPLOAD_BYTES)} per upload. Split it into smaller files.`,
      });
    }
    if (headers === undefined) problems.push({ code: 'empty', message: 'The file has no rows: it holds only blank lines.' });
    else if (rowCount === 0) problems.push({ code: 'header-only', line: headerLine, message: 'The file has a header row but no data rows below it.' });

    const uploadPath = published?.path ?? path;
    return {
      dialect,
      headers: headers ?? [],
      headerLine,
      rowCount,
      blankRowCount: summary.blankRows,
      raggedRows,
      raggedRowCount,
      converted: published !== undefined,
      conversions: conversionSentences(dialect),
      uploadPath,
      uploadFileName: basename(uploadPath),
      uploadSizeBytes,
      warnings,
      problems,
      dispose: published ? () => removeUploadCopy(published.path) : () => Promise.resolve(),
    };
  } catch (error) {
    await copy?.discard();
    throw error;
  }
}

/**
 * Streams the whole file once. `dialect` comes from the first view. A file that looked
 * like UTF-8 at its head but is not further on is read again as Windows-1252.
 */
export async function runFullPass(path: string, dialect: CsvDialect, options: FullPassOptions = {}): Promise<FullPassResult> {
  try {
    return await pass(path, dialect, options, []);
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error) || dialect.encoding !== 'utf-8') throw error;
    const fallback: CsvDialect = { ...dialect, encoding: 'windows-1252' };
    return pass(path, fallback, options, [{
      code: 'encoding-changed',
      message: `The file starts as UTF-8 but has bytes further on that are not UTF-8, so it was read as Windows-1252. Check accented letters (é, ü, €) before importing; if they look wrong, save the file as "CSV UTF-8" and try again.`,
    }]);
  }
}
