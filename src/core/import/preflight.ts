/**
 * Pre-flight of one file with the core CSV engine: the fast first view, then the full
 * pass (row count, ragged rows, the upload copy). A blocking problem stops here, before
 * anything is sent, with every reason in one message. The file must not change between
 * the two reads: the preview and the upload have to be of the same file.
 */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { type CsvEncoding, type CsvNotice, type FirstView, type FullPassResult, LOW_CONFIDENCE, MAX_UPLOAD_BYTES, describeSize, encodingLabel, readFirstView, runFullPass } from '../csv';
import { MAX_PARTS, PART_MAX_BYTES } from '../csv/limits';
import { fileErrorInWords } from '../files/file-errors';
import { UserError } from '../user-error';

export interface PreparedFile {
  readonly path: string;
  readonly firstView: FirstView;
  readonly fullPass: FullPassResult;
  /** Warnings of both passes and the conversions made, one sentence each, without repeats. */
  readonly warnings: readonly string[];
  /** The upload has formula-like cells neutralised (the user's opt-in). */
  readonly neutralisedFormulas: boolean;
  /** The upload copy is over GetSales' limit: it goes up in parts (only with `allowParts`). */
  readonly needsParts: boolean;
}

export interface PreflightOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Read the file in this encoding (the user's choice) rather than the detected one. */
  readonly encoding?: CsvEncoding;
  /** Put a ' before formula-like cells in the upload (the user's opt-in). */
  readonly neutraliseFormulas?: boolean;
  /** A file over the upload limit is prepared for an import in parts instead of refused. */
  readonly allowParts?: boolean;
}

const MAX_WARNINGS = 20;
const LISTED_FORMULA_LINES = 5;

function refuse(path: string, problems: readonly CsvNotice[]): UserError {
  const reasons = problems.map((problem) => problem.message).join(' ');
  return new UserError(`${basename(path)} cannot be imported: ${reasons} Nothing was sent to GetSales.`, []);
}

function uniqueSentences(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const sentence of list) seen.add(sentence);
  return [...seen].slice(0, MAX_WARNINGS);
}

/** Runs `read`, turning file-system failures into a sentence about the file. */
async function reading<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const words = fileErrorInWords(error, basename(path));
    if (words === undefined) throw error;
    throw new UserError(`${basename(path)} cannot be read: ${words} Nothing was sent to GetSales.`, []);
  }
}

interface Fingerprint {
  readonly size: number;
  readonly modified: number;
}

async function fingerprint(path: string): Promise<Fingerprint> {
  const stat = await fs.stat(path);
  return { size: stat.size, modified: stat.mtimeMs };
}

function sameFile(a: Fingerprint, b: Fingerprint): boolean {
  return a.size === b.size && a.modified === b.modified;
}

export function lowConfidenceSentence(view: FirstView): string | undefined {
  const guess = view.encodingGuess;
  if (guess.source !== 'detector' || guess.confidence >= LOW_CONFIDENCE) return undefined;
  return `The encoding is a guess: ${encodingLabel(guess.encoding)}, ${Math.round(guess.confidence * 100)}% sure. Check the names and accented letters in the preview; if they look wrong, choose another encoding.`;
}

export function formulaSentence(fullPass: FullPassResult): string | undefined {
  const { count, lines } = fullPass.formulaCells;
  if (count === 0) return undefined;
  const shown = lines.slice(0, LISTED_FORMULA_LINES).map((line) => line.toLocaleString('en-US')).join(', ');
  const more = lines.length > LISTED_FORMULA_LINES ? ' and more' : '';
  const cells = count === 1 ? '1 cell starts' : `${count.toLocaleString('en-US')} cells start`;
  return `${cells} like a spreadsheet formula (=, +, -, @) on line${lines.length === 1 ? '' : 's'} ${shown}${more}: a spreadsheet app may run ${count === 1 ? 'it' : 'them'} when the data is opened there later.`;
}

/** What still stops the import: with parts allowed, a file over the limit only does when even parts cannot carry it. */
function blocking(problems: readonly CsvNotice[], options: PreflightOptions): CsvNotice[] {
  return options.allowParts === true ? problems.filter((problem) => problem.code !== 'too-big') : [...problems];
}

/** Beyond this many bytes not even the most parts would carry the file (UTF-16 halves in conversion). */
function tooBigForParts(view: FirstView): CsvNotice | undefined {
  const utf16 = view.dialect.encoding === 'utf-16le' || view.dialect.encoding === 'utf-16be';
  const most = MAX_PARTS * PART_MAX_BYTES * (utf16 ? 2 : 1);
  if (view.sizeBytes <= most) return undefined;
  return { code: 'too-big', message: `The file is ${describeSize(view.sizeBytes)}; GetSales accepts up to ${describeSize(MAX_UPLOAD_BYTES)} per upload, and this extension imports at most ${MAX_PARTS} parts of one file. Split it into smaller files.` };
}

async function prepareOnce(path: string, options: PreflightOptions): Promise<{ prepared: PreparedFile; changed: boolean }> {
  const before = await reading(path, () => fingerprint(path));
  const firstView = await reading(path, () => readFirstView(path, { encoding: options.encoding }));
  const beyondParts = options.allowParts === true ? tooBigForParts(firstView) : undefined;
  const viewProblems = beyondParts === undefined ? blocking(firstView.problems, options) : [beyondParts, ...blocking(firstView.problems, options)];
  if (viewProblems.length > 0) throw refuse(path, viewProblems);
  const fullPass = await reading(path, () => runFullPass(path, firstView.dialect, {
    signal: options.signal, onProgress: options.onProgress, neutraliseFormulas: options.neutraliseFormulas, strict: options.encoding === undefined,
  }));
  const after = await reading(path, () => fingerprint(path)).catch(async (error: unknown) => {
    await fullPass.dispose();
    throw error;
  });
  const passProblems = blocking(fullPass.problems, options);
  if (passProblems.length > 0) {
    await fullPass.dispose();
    throw refuse(path, passProblems);
  }
  const warnings = uniqueSentences([
    fullPass.conversions,
    [lowConfidenceSentence(firstView), formulaSentence(fullPass)].filter((sentence) => sentence !== undefined),
    firstView.warnings.map((notice) => notice.message),
    fullPass.warnings.map((notice) => notice.message),
  ]);
  const needsParts = fullPass.uploadSizeBytes > MAX_UPLOAD_BYTES;
  return { prepared: { path, firstView, fullPass, warnings, neutralisedFormulas: options.neutraliseFormulas === true, needsParts }, changed: !sameFile(before, after) };
}

/**
 * Reads and checks the file; the caller must `fullPass.dispose()` the upload copy once
 * done with it. A file saved while it is read is read again, once; if it keeps changing
 * nothing is sent.
 */
export async function prepareFile(path: string, options: PreflightOptions = {}): Promise<PreparedFile> {
  const first = await prepareOnce(path, options);
  if (!first.changed) return first.prepared;
  await first.prepared.fullPass.dispose();
  const second = await prepareOnce(path, options);
  if (!second.changed) {
    const notice = `${basename(path)} was saved while it was being checked; the preview and the upload are both of the newer version.`;
    return { ...second.prepared, warnings: [notice, ...second.prepared.warnings] };
  }
  await second.prepared.fullPass.dispose();
  throw new UserError(`${basename(path)} cannot be imported: it changed while it was being read, twice, so the preview would not match what GetSales receives. Wait until it is saved, then try again. Nothing was sent to GetSales.`, []);
}
