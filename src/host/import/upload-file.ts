/**
 * Pre-flight and upload of one file under one cancellable progress notification. Cancel
 * (the button or the caller's signal) stops at once: nothing is started on GetSales and
 * the converted temp copy is removed whatever happens.
 *
 * A file over the upload limit is cut into parts (when the caller allows parts and agrees
 * to the count): its first part is uploaded now, for the mapping screen; the others wait
 * in the parts folder until Start.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { FileImport, GetSalesClient } from '../../core/api';
import { type RecordKind, importTypeOf } from '../../shared/vocabulary';
import type { FileReading } from '../../shared/protocol';
import { type PreparedFile, prepareFile } from '../../core/import/preflight';
import { type PreparedParts, partUploadName, partsOffer, removePartsFolder, splitPreparedFile } from '../../core/import/parts/part-files';
import { withCancellableProgress } from '../cancellable-progress';

export interface UploadedFile {
  readonly prepared: PreparedFile;
  /** The upload (of the first part, for a file in parts). */
  readonly upload: FileImport;
  /** A file over the limit: its parts, the first one uploaded. */
  readonly parts?: PreparedParts;
}

/** How a file over the limit is handled; without it such a file is refused. */
export interface PartsChoice {
  readonly root: string;
  /** Asked once the parts are cut: go on in parts? `offer` is the sentence to show. */
  confirm(offer: string, count: number): Promise<boolean>;
  /** Cut into this id's folder (a screen restored after a reload). */
  readonly id?: string;
}

function uploadName(prepared: PreparedFile): string {
  const original = basename(prepared.path);
  return original.toLowerCase().endsWith('.csv') ? original : prepared.fullPass.uploadFileName;
}

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

/**
 * `reading`: the user's choice on the mapping screen of how to read the file; default as
 * detected. `parts`: how to handle a file over the limit (refused without it).
 */
export async function prepareAndUpload(client: GetSalesClient, path: string, kind: RecordKind, callerSignal: AbortSignal | undefined, reading?: FileReading, parts?: PartsChoice): Promise<UploadedFile> {
  const name = basename(path);
  return withCancellableProgress(
    `Importing ${name}`,
    async (signal, progress) => {
      let prepared: PreparedFile | undefined;
      let split: PreparedParts | undefined;
      try {
        progress.report({ message: 'checking the file…' });
        prepared = await prepareFile(path, { signal, encoding: reading?.encoding, neutraliseFormulas: reading?.neutraliseFormulas, allowParts: parts !== undefined });
        throwIfCancelled(signal);
        if (prepared.needsParts && parts !== undefined) {
          progress.report({ message: 'cutting it into parts…' });
          split = await splitPreparedFile(prepared, { root: parts.root, id: parts.id, signal });
          throwIfCancelled(signal);
          if (!(await parts.confirm(partsOffer(prepared, split), split.parts.length))) throw new vscode.CancellationError();
        }
        let reported = 0;
        const what = split !== undefined ? `uploading part 1 of ${split.parts.length}` : prepared.fullPass.converted ? 'uploading the converted copy' : 'uploading';
        progress.report({ message: `${what}…` });
        const first = split?.parts[0];
        const upload = await client.uploadCsv(
          first === undefined
            ? { filePath: prepared.fullPass.uploadPath, fileName: uploadName(prepared), type: importTypeOf(kind) }
            : { filePath: first.path, fileName: partUploadName(name, 0, split?.parts.length ?? 1), type: importTypeOf(kind) },
          signal,
          (done, total) => {
            const now = percent(done, total);
            if (now <= reported) return;
            progress.report({ message: `${what}… ${now}%`, increment: now - reported });
            reported = now;
          },
        );
        throwIfCancelled(signal);
        return split === undefined ? { prepared, upload } : { prepared, upload, parts: split };
      } catch (error) {
        if (split !== undefined) await removePartsFolder(split.folder).catch(() => undefined);
        // An abort surfaces from the CSV engine or undici in their own words; the user only asked to cancel.
        if (signal.aborted) throw new vscode.CancellationError();
        throw error;
      } finally {
        await prepared?.fullPass.dispose();
      }
    },
    callerSignal,
  );
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new vscode.CancellationError();
}
