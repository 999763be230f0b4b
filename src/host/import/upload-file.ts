/**
 * Pre-flight and upload of one file under one cancellable progress notification. Cancel
 * (the button or the caller's signal) stops at once: nothing is started on GetSales and
 * the converted temp copy is removed whatever happens.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { FileImport, GetSalesClient } from '../../core/api';
import { type RecordKind, importTypeOf } from '../../shared/vocabulary';
import type { FileReading } from '../../shared/protocol';
import { type PreparedFile, prepareFile } from '../../core/import/preflight';
import { withCancellableProgress } from '../cancellable-progress';

export interface UploadedFile {
  readonly prepared: PreparedFile;
  readonly upload: FileImport;
}

function uploadName(prepared: PreparedFile): string {
  const original = basename(prepared.path);
  return original.toLowerCase().endsWith('.csv') ? original : prepared.fullPass.uploadFileName;
}

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

/** `reading`: the user's choice on the mapping screen of how to read the file; default as detected. */
export async function prepareAndUpload(client: GetSalesClient, path: string, kind: RecordKind, callerSignal: AbortSignal | undefined, reading?: FileReading): Promise<UploadedFile> {
  const name = basename(path);
  return withCancellableProgress(
    `Importing ${name}`,
    async (signal, progress) => {
      let prepared: PreparedFile | undefined;
      try {
        progress.report({ message: 'checking the file…' });
        prepared = await prepareFile(path, { signal, encoding: reading?.encoding, neutraliseFormulas: reading?.neutraliseFormulas });
        throwIfCancelled(signal);
        let reported = 0;
        progress.report({ message: prepared.fullPass.converted ? 'uploading the converted copy…' : 'uploading…' });
        const upload = await client.uploadCsv(
          { filePath: prepared.fullPass.uploadPath, fileName: uploadName(prepared), type: importTypeOf(kind) },
          signal,
          (done, total) => {
            const now = percent(done, total);
            if (now <= reported) return;
            progress.report({ message: `uploading… ${now}%`, increment: now - reported });
            reported = now;
          },
        );
        throwIfCancelled(signal);
        return { prepared, upload };
      } catch (error) {
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
