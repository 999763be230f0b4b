/**
 * Pre-flight of one file with the core CSV engine: the fast first view, then the full
 * pass (row count, ragged rows, the converted upload copy when needed). A blocking
 * problem stops here, before anything is sent, with every reason in one message.
 */
import { basename } from 'node:path';
import { type CsvNotice, type FirstView, type FullPassResult, readFirstView, runFullPass } from '../csv';
import { UserError } from '../user-error';
import { messageOf } from '../message-of';

export interface PreparedFile {
  readonly path: string;
  readonly firstView: FirstView;
  readonly fullPass: FullPassResult;
  /** Warnings of both passes and the conversions made, one sentence each, without repeats. */
  readonly warnings: readonly string[];
}

export interface PreflightOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const MAX_WARNINGS = 20;

function refuse(path: string, problems: readonly CsvNotice[]): UserError {
  const reasons = problems.map((problem) => problem.message).join(' ');
  return new UserError(`${basename(path)} cannot be imported: ${reasons} Nothing was sent to GetSales.`, []);
}

function uniqueSentences(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const sentence of list) seen.add(sentence);
  return [...seen].slice(0, MAX_WARNINGS);
}

/** Reads and checks the file; the caller must `fullPass.dispose()` the upload copy once done with it. */
export async function prepareFile(path: string, options: PreflightOptions = {}): Promise<PreparedFile> {
  let firstView: FirstView;
  try {
    firstView = await readFirstView(path);
  } catch (error) {
    throw new UserError(`${basename(path)} cannot be read: ${messageOf(error)}`, []);
  }
  if (firstView.problems.length > 0) throw refuse(path, firstView.problems);
  const fullPass = await runFullPass(path, firstView.dialect, { signal: options.signal, onProgress: options.onProgress });
  if (fullPass.problems.length > 0) {
    await fullPass.dispose();
    throw refuse(path, fullPass.problems);
  }
  const warnings = uniqueSentences([
    fullPass.conversions,
    firstView.warnings.map((notice) => notice.message),
    fullPass.warnings.map((notice) => notice.message),
  ]);
  return { path, firstView, fullPass, warnings };
}
