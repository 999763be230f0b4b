/**
 * The fast first view of a CSV: what the mapping screen needs before anything else,
 * read from the head of the file alone (64 KB, up to 1 MB when rows are long), so it
 * costs the same for a 10 KB file and a 2 GB one. Facts that need the whole file (row
 * count, ragged rows, the upload copy) come from the full pass.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { binaryReason, knownBinaryFormat } from './binary-sniff';
import { sniffDelimiter } from './delimiter';
import { CSV_DELIMITERS, encodingLabel, needsUploadCopy, type CsvDelimiter, type CsvDialect, type CsvEncoding, type CsvNotice } from './dialect';
import { createChunkDecoder } from './encoding';
import { type EncodingGuess, chosenEncoding, detectEncoding } from './encoding-detect';
import { headerWarnings, noHeaderProblem, unnamedColumnProblem } from './header-checks';
import { HEAD_BYTES, MAX_HEAD_BYTES, MAX_UPLOAD_BYTES, PREVIEW_ROW_COUNT, describeSize } from './limits';
import { normalizeLineEndings } from './line-endings';
import { parseText, type ParsedRows } from './papa';
import { quoteNotice } from './quote-notices';
import { LineCounter, isBlankRow } from './row-lines';

export interface PreviewRow {
  /** 1-based line of the file where the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface FirstView {
  readonly fileName: string;
  readonly sizeBytes: number;
  /** Best effort when `problems` says the file is binary or empty. */
  readonly dialect: CsvDialect;
  /** How the encoding was told, and how sure that is. */
  readonly encodingGuess: EncodingGuess;
  /** The header cells as written (BOM removed); empty when there is no header. */
  readonly headers: readonly string[];
  /** 1-based line of the header row (blank lines before it are skipped); 0 without one. */
  readonly headerLine: number;
  /** Up to 10 data rows after the header; blank rows are skipped. */
  readonly previewRows: readonly PreviewRow[];
  /** Worth telling the user; the import can go on. */
  readonly warnings: readonly CsvNotice[];
  /** Each one stops the upload. */
  readonly problems: readonly CsvNotice[];
  /** True when the upload will be a converted UTF-8, comma/semicolon/pipe copy. */
  readonly needsConversion: boolean;
  /** True when the head was the whole file, so `previewRows` holds every data row there is (up to 10). */
  readonly wholeFileRead: boolean;
}

interface Head {
  readonly bytes: Uint8Array;
  readonly complete: boolean;
}

async function readHead(path: string, size: number, length: number): Promise<Head> {
  const handle = await fs.open(path, 'r');
  try {
    const want = Math.min(size, length);
    const buffer = Buffer.alloc(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(buffer, filled, want - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, filled), complete: filled >= size };
  } finally {
    await handle.close();
  }
}

function decodeHead(head: Head, encoding: CsvEncoding): string {
  const decoder = createChunkDecoder(encoding, false);
  const text = decoder.decode(head.bytes);
  // The DOS end-of-file mark ends the file; it is not a row.
  if (!head.complete) return text;
  const whole = text + decoder.end();
  return whole.endsWith('\u001a') ? whole.slice(0, -1) : whole;
}

/** Excel's first line "sep=;" names the delimiter; Excel does not show it as a row. */
const SEP_LINE = /^sep=(.)(?:\r\n|\n|\r|$)/i;

export interface SepLine {
  readonly delimiter: CsvDelimiter | undefined;
  readonly written: string;
  /** The text after the line. */
  readonly rest: string;
}

export function sepLineOf(text: string): SepLine | undefined {
  const match = SEP_LINE.exec(text);
  if (match === null) return undefined;
  const character = match[1] ?? '';
  return {
    delimiter: CSV_DELIMITERS.find((known) => known === character),
    written: match[0].trimEnd(),
    rest: text.slice(match[0].length),
  };
}

interface HeadRows {
  readonly header: PreviewRow | undefined;
  /** A row of spaces skipped before the header: most likely the header, with no names written. */
  readonly spacesBeforeHeader: PreviewRow | undefined;
  readonly preview: PreviewRow[];
  readonly warnings: CsvNotice[];
}

function collectRows(parsed: ParsedRows, complete: boolean, firstLine: number): HeadRows {
  const lines = new LineCounter(firstLine);
  const rowLines = parsed.rows.map((row) => lines.take(row));
  let header: PreviewRow | undefined;
  let spacesBeforeHeader: PreviewRow | undefined;
  const preview: PreviewRow[] = [];
  let lastTaken = -1;
  for (let i = 0; i < parsed.rows.length && preview.length < PREVIEW_ROW_COUNT; i += 1) {
    const cells = parsed.rows[i] ?? [];
    if (isBlankRow(cells)) {
      // A header of nothing but spaces is a header whose names are missing, not a blank line.
      if (header === undefined && cells.some((cell) => cell !== '')) spacesBeforeHeader = { line: rowLines[i] ?? 0, cells };
      continue;
    }
    const row = { line: rowLines[i] ?? 0, cells };
    if (header === undefined) header = row;
    else preview.push(row);
    lastTaken = i;
  }
  const warnings: CsvNotice[] = [];
  for (const error of parsed.quoteErrors) {
    if (error.rowIndex > lastTaken) continue;
    const line = rowLines[error.rowIndex] ?? 0;
    // In a head that is not the whole file, an open quote may close further on.
    if (error.code === 'InvalidQuotes' || complete) warnings.push(quoteNotice(error.code, line));
  }
  return { header, spacesBeforeHeader, preview, warnings };
}

function tooBigProblem(size: number, encoding: CsvEncoding): CsvNotice | undefined {
  // UTF-16 shrinks to as little as half when converted; only the full pass knows for sure.
  const smallestUpload = encoding === 'utf-16le' || encoding === 'utf-16be' ? Math.floor(size / 2) : size;
  if (smallestUpload <= MAX_UPLOAD_BYTES) return undefined;
  const converted = smallestUpload === size ? '' : ` and still over the limit once converted from ${encodingLabel(encoding)} to UTF-8`;
  return {
    code: 'too-big',
    message: `The file is ${describeSize(size)}${converted}; GetSales accepts up to ${describeSize(MAX_UPLOAD_BYTES)} per upload. Split it into smaller files.`,
  };
}

export interface FirstViewOptions {
  /** Read in this encoding (the user's choice on the mapping screen) instead of detecting one. */
  readonly encoding?: CsvEncoding;
}

export async function readFirstView(path: string, options: FirstViewOptions = {}): Promise<FirstView> {
  const sizeBytes = (await fs.stat(path)).size;
  const fileName = basename(path);
  const base = { fileName, sizeBytes, headers: [] as string[], headerLine: 0, previewRows: [] as PreviewRow[], needsConversion: false };
  const fallbackDialect: CsvDialect = { encoding: 'utf-8', delimiter: ',' };
  const fallbackGuess: EncodingGuess = { encoding: 'utf-8', confidence: 1, source: 'utf-8', alternatives: [] };

  if (sizeBytes === 0) {
    return { ...base, dialect: fallbackDialect, encodingGuess: fallbackGuess, warnings: [], problems: [{ code: 'empty', message: 'The file is empty.' }], wholeFileRead: true };
  }

  let head = await readHead(path, sizeBytes, HEAD_BYTES);
  for (;;) {
    const format = knownBinaryFormat(head.bytes);
    const encodingGuess = options.encoding === undefined ? detectEncoding(head.bytes, head.complete) : chosenEncoding(head.bytes, options.encoding);
    const encoding = encodingGuess.encoding;
    const decoded = decodeHead(head, encoding);
    const binary = format === undefined ? binaryReason(decoded) : undefined;
    if (format !== undefined || binary !== undefined) {
      const message = format !== undefined ? `This is ${format}.` : `This file does not look like a CSV: ${binary}.`;
      return { ...base, dialect: { ...fallbackDialect, encoding }, encodingGuess, warnings: [], problems: [{ code: 'binary', message }], wholeFileRead: head.complete };
    }

    const sepLine = sepLineOf(decoded);
    if (sepLine !== undefined && sepLine.delimiter === undefined) {
      const problem: CsvNotice = { code: 'unsupported-delimiter', line: 1, message: `The first line "${sepLine.written}" asks for a delimiter GetSales cannot read; save the file with commas, semicolons, tabs or pipes between the columns.` };
      return { ...base, dialect: { ...fallbackDialect, encoding }, encodingGuess, warnings: [], problems: [problem], wholeFileRead: head.complete };
    }
    const text = sepLine === undefined ? decoded : sepLine.rest;
    const normalized = normalizeLineEndings(text);
    const delimiter = sepLine?.delimiter ?? sniffDelimiter(normalized, head.complete);
    const rows = collectRows(parseText(normalized, delimiter, head.complete), head.complete, sepLine === undefined ? 1 : 2);
    // Long rows: read more, once, up to the cap (cost stays independent of file size).
    if (rows.preview.length < PREVIEW_ROW_COUNT && !head.complete && head.bytes.length < MAX_HEAD_BYTES) {
      head = await readHead(path, sizeBytes, MAX_HEAD_BYTES);
      continue;
    }

    const dialect: CsvDialect = sepLine === undefined ? { encoding, delimiter } : { encoding, delimiter, sepLine: true };
    const problems: CsvNotice[] = [];
    const tooBig = tooBigProblem(sizeBytes, encoding);
    if (tooBig) problems.push(tooBig);
    const header = rows.header;
    if (header === undefined) {
      problems.push(head.complete
        ? { code: 'empty', message: 'The file has no rows: it holds only blank lines.' }
        : { code: 'header-too-long', message: `The first row is longer than ${describeSize(MAX_HEAD_BYTES)}, so it cannot be a header row. Check that this is a CSV file.` });
      return { ...base, dialect, encodingGuess, warnings: rows.warnings, problems, needsConversion: needsUploadCopy(dialect), wholeFileRead: head.complete };
    }
    const noHeader = rows.spacesBeforeHeader !== undefined ? unnamedColumnProblem(rows.spacesBeforeHeader.cells, rows.spacesBeforeHeader.line) : noHeaderProblem(header.cells, header.line);
    if (noHeader) problems.push(noHeader);
    if (head.complete && rows.preview.length === 0) {
      problems.push({ code: 'header-only', line: header.line, message: 'The file has a header row but no data rows below it.' });
    }
    return {
      fileName,
      sizeBytes,
      dialect,
      encodingGuess,
      headers: header.cells,
      headerLine: header.line,
      previewRows: rows.preview,
      warnings: [...headerWarnings(header.cells, header.line), ...rows.warnings],
      problems,
      needsConversion: needsUploadCopy(dialect),
      wholeFileRead: head.complete,
    };
  }
}
