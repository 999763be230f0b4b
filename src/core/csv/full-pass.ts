/**
 * The full pre-flight pass: one streaming read of the whole file that counts the rows,
 * finds ragged ones and formula-like cells, and writes the copy that is uploaded: a byte
 * snapshot when the server can take the file as it is (less a UTF-8 byte-order mark),
 * otherwise a converted UTF-8 copy.
 * A copy written row by row keeps every row on the line it had (blank rows become empty
 * lines, Excel's "sep=" line an empty first line), so the server's row numbers stay the
 * file's line numbers. Memory stays flat whatever the file's size.
 */
import { basename } from 'node:path';
import { encodingLabel, needsRewrite, type CsvDelimiter, type CsvDialect, type CsvNotice } from './dialect';
import { InvalidUtf8Error } from './encoding';
import { bomOf } from './encoding-detect';
import { formatCsvRow } from './csv-format';
import { looksLikeFormula, neutraliseFormula } from './formula-cells';
import { DEFAULT_MAX_LISTED, MAX_UPLOAD_BYTES, describeSize } from './limits';
import { fitsColumns } from './row-lines';
import { quoteNotice } from './quote-notices';
import { streamRows, type RowStreamSummary } from './row-stream';
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
  /** Put a ' before formula-like cells in the upload (the user opted in on the mapping screen). */
  readonly neutraliseFormulas?: boolean;
  /** False when the user chose the encoding: bytes that do not fit it become U+FFFD instead of a re-read. Default true. */
  readonly strict?: boolean;
}

export interface FormulaCells {
  /** Data cells that start like a formula (=, +, -, @, tab, CR). */
  readonly count: number;
  /** Lines of the first rows holding one, up to `maxListed`. */
  readonly lines: readonly number[];
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
  readonly formulaCells: FormulaCells;
  /** True when `uploadPath` is a converted copy, false when it is a byte-for-byte snapshot of the user's file. */
  readonly converted: boolean;
  /** One sentence per change made for the upload, e.g. "Converted from Windows-1252 to UTF-8 …". */
  readonly conversions: readonly string[];
  /** The file to upload, in a private temp directory: a snapshot taken during this pass, or the converted copy. */
  readonly uploadPath: string;
  /** The name to give the server (a converted .tsv goes up as .csv). */
  readonly uploadFileName: string;
  /** How the upload copy separates its cells: a copy written row by row uses commas. */
  readonly uploadDelimiter: CsvDelimiter;
  /** Rows of the upload copy with a line break inside a quoted cell; 0: every line break of the copy ends a row. */
  readonly multiLineRows: number;
  readonly uploadSizeBytes: number;
  /** Hex SHA-256 of exactly the bytes of the upload copy: the same content gives the same hash, whatever the file is called. */
  readonly contentHash: string;
  readonly warnings: readonly CsvNotice[];
  /** Each one stops the upload (too big once converted, no data rows, a NUL character). */
  readonly problems: readonly CsvNotice[];
  /** Deletes the upload copy. The caller calls it once the upload is done or abandoned. */
  dispose(): Promise<void>;
}

/** Why the copy is written row by row rather than as read. */
interface Rewrite {
  readonly mixedLineEndings: boolean;
  readonly blankRowsWithCells: number;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function conversionSentences(dialect: CsvDialect, summary: Pick<RowStreamSummary, 'endOfFileMark'>, rewrite: Rewrite | undefined, neutralised: number): string[] {
  const unchanged = 'your file is unchanged.';
  const sentences: string[] = [];
  if (dialect.encoding === 'utf-8-bom') sentences.push(`Removed the byte-order mark (BOM) for the upload; ${unchanged}`);
  else if (dialect.encoding !== 'utf-8') sentences.push(`Converted from ${encodingLabel(dialect.encoding)} to UTF-8 for the upload; ${unchanged}`);
  if (dialect.delimiter === '\t') sentences.push(`Rewrote the tab-separated columns with commas for the upload; ${unchanged}`);
  if (dialect.sepLine === true) sentences.push(`Left Excel's "sep=" line (it names the delimiter) out of the upload; ${unchanged}`);
  if (rewrite?.mixedLineEndings === true) sentences.push(`The file mixes line-ending styles (Windows and Unix), so the upload ends every line the same way and GetSales gets the rows shown here; ${unchanged}`);
  if (rewrite !== undefined && rewrite.blankRowsWithCells > 0) sentences.push(`Emptied ${plural(rewrite.blankRowsWithCells, 'row', 'rows')} of nothing but delimiters or spaces in the upload, so GetSales does not take them for data; ${unchanged}`);
  if (summary.endOfFileMark) sentences.push(`Left the DOS end-of-file mark (0x1A) at the end of the file out of the upload; ${unchanged}`);
  if (neutralised > 0) sentences.push(`Put a ' before ${plural(neutralised, 'formula-like cell', 'formula-like cells')} in the upload, so spreadsheet apps show them as text; ${unchanged}`);
  return sentences;
}

type CopyMode = 'snapshot' | 'text' | 'rows';

function copyMode(dialect: CsvDialect, options: FullPassOptions): CopyMode {
  if (needsRewrite(dialect) || options.neutraliseFormulas === true) return 'rows';
  return dialect.encoding === 'utf-8' || dialect.encoding === 'utf-8-bom' ? 'snapshot' : 'text';
}

/**
 * A snapshot is always read strictly: its bytes are the text shown only when they are all
 * UTF-8. Otherwise a file with BOM, or UTF-8 the user chose, is read leniently (bytes
 * that are not UTF-8 show as U+FFFD), and detected UTF-8 as the caller says.
 */
function strictDecoding(dialect: CsvDialect, mode: CopyMode, options: FullPassOptions): boolean | undefined {
  if (mode === 'snapshot') return true;
  return dialect.encoding === 'utf-8-bom' ? false : options.strict;
}

interface PassOutcome {
  readonly result: FullPassResult;
  readonly summary: RowStreamSummary;
  readonly mode: CopyMode;
}

async function pass(path: string, dialect: CsvDialect, options: FullPassOptions, earlyWarnings: readonly CsvNotice[], mode: CopyMode, rewrite?: Rewrite): Promise<PassOutcome> {
  const maxListed = options.maxListed ?? DEFAULT_MAX_LISTED;
  const copy = await UploadCopy.create(path, options.tempDir);
  const neutralise = options.neutraliseFormulas === true;
  const byteForByte = mode === 'snapshot' && dialect.encoding === 'utf-8';
  let firstBytes = true;
  const snapshot = (bytes: Uint8Array): void => {
    // The BOM is left out, as it is of the text.
    copy.writeBytes(firstBytes && !byteForByte && bomOf(bytes) === 'utf-8-bom' ? bytes.subarray(3) : bytes);
    firstBytes = false;
  };

  let headers: string[] | undefined;
  let headerLine = 0;
  let rowCount = 0;
  const raggedRows: RaggedRow[] = [];
  let raggedRowCount = 0;
  const warnings: CsvNotice[] = [...earlyWarnings];
  let quoteWarnings = 0;
  let formulaCount = 0;
  const formulaLines: number[] = [];

  try {
    const summary = await streamRows(path, dialect, {
      onRow(fields, line) {
        if (headers === undefined) {
          headers = fields;
          headerLine = line;
          if (mode === 'rows') copy.write(`${formatCsvRow(fields)}\r\n`);
          return;
        }
        rowCount += 1;
        if (!fitsColumns(fields, headers.length)) {
          raggedRowCount += 1;
          if (raggedRows.length < maxListed) raggedRows.push({ line, cells: fields.length });
        }
        let formulas = 0;
        for (const field of fields) if (looksLikeFormula(field)) formulas += 1;
        if (formulas > 0) {
          formulaCount += formulas;
          if (formulaLines.length < maxListed) formulaLines.push(line);
        }
        if (mode === 'rows') copy.write(`${formatCsvRow(neutralise && formulas > 0 ? fields.map(neutraliseFormula) : fields)}\r\n`);
      },
      onSkippedRow: mode === 'rows' ? (lines) => copy.write('\r\n'.repeat(lines)) : undefined,
      onBytes: mode === 'snapshot' ? snapshot : undefined,
      onText: mode === 'text' ? (text) => copy.write(text) : undefined,
      onQuoteError(code, line) {
        quoteWarnings += 1;
        if (quoteWarnings > maxListed) return;
        warnings.push(quoteNotice(code, line));
      },
      afterChunk: () => copy.flush(),
    }, { signal: options.signal, onProgress: options.onProgress, strict: strictDecoding(dialect, mode, options) });

    // A snapshot holds the bytes as read; its end-of-file mark is one byte (the snapshot is UTF-8).
    const published = await copy.publish(mode === 'snapshot' && summary.endOfFileMark);
    const uploadSizeBytes = published.sizeBytes;
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
    if (summary.nulLine !== undefined) {
      problems.push({
        code: 'nul-byte',
        line: summary.nulLine,
        message: `Line ${summary.nulLine.toLocaleString('en-US')} holds a NUL character (a zero byte), which a CSV file never has: the file may be damaged, or not text. Remove it, or save the file again from the program that made it.`,
      });
    }
    if (uploadSizeBytes > MAX_UPLOAD_BYTES) {
      problems.push({
        code: 'too-big',
        message: `The file to upload is ${describeSize(uploadSizeBytes)}${byteForByte ? '' : ' after conversion to UTF-8'}; GetSales accepts up to ${describeSize(MAX_UPLOAD_BYTES)} per upload. Split it into smaller files.`,
      });
    }
    if (headers === undefined) problems.push({ code: 'empty', message: 'The file has no rows: it holds only blank lines.' });
    else if (rowCount === 0) problems.push({ code: 'header-only', line: headerLine, message: 'The file has a header row but no data rows below it.' });

    const result: FullPassResult = {
      dialect,
      headers: headers ?? [],
      headerLine,
      rowCount,
      blankRowCount: summary.blankRows,
      raggedRows,
      raggedRowCount,
      formulaCells: { count: formulaCount, lines: formulaLines },
      converted: !byteForByte,
      conversions: conversionSentences(dialect, summary, rewrite, neutralise ? formulaCount : 0),
      uploadPath: published.path,
      uploadFileName: basename(published.path),
      uploadDelimiter: mode === 'rows' ? ',' : dialect.delimiter,
      // A copy keeps each row on its lines, so the rows spanning lines are the ones read here.
      multiLineRows: summary.multiLineRows,
      uploadSizeBytes,
      contentHash: published.contentHash,
      warnings,
      problems,
      dispose: () => removeUploadCopy(published.path),
    };
    return { result, summary, mode };
  } catch (error) {
    await copy.discard();
    throw error;
  }
}

/**
 * A snapshot whose bytes are not all UTF-8 is made again from the text shown (U+FFFD for
 * those bytes) when the file is read leniently (a BOM, or UTF-8 the user chose), so
 * GetSales gets what the preview shows; detected UTF-8 read strictly fails instead (the
 * caller reads it as Windows-1252).
 */
async function firstPass(path: string, dialect: CsvDialect, options: FullPassOptions, earlyWarnings: readonly CsvNotice[]): Promise<PassOutcome> {
  const mode = copyMode(dialect, options);
  try {
    return await pass(path, dialect, options, earlyWarnings, mode);
  } catch (error) {
    const lenient = dialect.encoding === 'utf-8-bom' || options.strict === false;
    if (!(error instanceof InvalidUtf8Error) || mode !== 'snapshot' || !lenient) throw error;
    return pass(path, dialect, options, earlyWarnings, 'text');
  }
}

/**
 * A copy made as read that a server picking one line-ending style, or skipping only
 * empty lines, would read differently from this pass is made again row by row, from
 * the copy itself: the rows stay the ones this pass counted.
 */
async function fullPass(path: string, dialect: CsvDialect, options: FullPassOptions, earlyWarnings: readonly CsvNotice[]): Promise<FullPassResult> {
  const first = await firstPass(path, dialect, options, earlyWarnings);
  const { summary, result } = first;
  if (first.mode === 'rows' || result.problems.length > 0 || (!summary.mixedLineEndings && summary.blankRowsWithCells === 0)) return first.result;
  try {
    const utf8: CsvDialect = { encoding: 'utf-8', delimiter: dialect.delimiter };
    const rewrite: Rewrite = { mixedLineEndings: summary.mixedLineEndings, blankRowsWithCells: summary.blankRowsWithCells };
    const second = await pass(result.uploadPath, utf8, options, earlyWarnings, 'rows', rewrite);
    return {
      ...second.result,
      dialect,
      conversions: conversionSentences(dialect, summary, rewrite, 0),
      uploadFileName: basename(second.result.uploadPath),
    };
  } finally {
    await result.dispose();
  }
}

/**
 * Streams the whole file once. `dialect` comes from the first view. A file that looked
 * like UTF-8 at its head but is not further on is read again as Windows-1252.
 */
export async function runFullPass(path: string, dialect: CsvDialect, options: FullPassOptions = {}): Promise<FullPassResult> {
  try {
    return await fullPass(path, dialect, options, []);
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error) || dialect.encoding !== 'utf-8') throw error;
    const fallback: CsvDialect = { ...dialect, encoding: 'windows-1252' };
    return fullPass(path, fallback, options, [{
      code: 'encoding-changed',
      message: `The file starts as UTF-8 but has bytes further on that are not UTF-8, so it was read as Windows-1252. Check accented letters (é, ü, €) before importing; if they look wrong, save the file as "CSV UTF-8" and try again.`,
    }]);
  }
}
