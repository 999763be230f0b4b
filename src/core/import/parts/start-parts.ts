/**
 * Starts a file imported in parts: its first part (uploaded for the mapping screen) is
 * started on GetSales exactly like a single file, so a refusal (a 422 on the mapping, a
 * list gone) is shown where the user pressed Start and nothing is recorded; only then is
 * the parent job added, with the first part's child as its first part. The runner then
 * takes the other parts one after another (`PartsRunner.follow`).
 */
import { basename } from 'node:path';
import { type ImportPart, type Job, type JobStore, jobId, partLabel, partStateOf } from '../../jobs';
import { type ImportStarter, type StartImportInput, jobDataOf, startImport } from '../start-import';
import type { PreparedParts } from './part-files';

export interface StartPartsInput extends Omit<StartImportInput, 'parentId'> {
  /** `importUuid` is the first part's upload, the one the mapping was made on. */
  readonly parts: PreparedParts;
}

export async function startParts(client: ImportStarter, store: JobStore, input: StartPartsInput, signal?: AbortSignal): Promise<Job> {
  const parentId = jobId('import', input.parts.id);
  const count = input.parts.parts.length;
  const first = await startImport(client, store, { ...input, label: `${input.label} · ${partLabel(0, count)}`, parentId }, signal);
  const parts = input.parts.parts.map((part, index): ImportPart => ({
    file: basename(part.path),
    sizeBytes: part.sizeBytes,
    rows: part.rows,
    firstLine: part.firstLine,
    lineOffset: part.lineOffset,
    state: index === 0 ? partStateOf(first) : 'waiting',
    uploadUuid: index === 0 ? input.importUuid : undefined,
    jobId: index === 0 ? first.id : undefined,
    error: undefined,
    replaced: [],
  }));
  return store.addParts({
    localId: input.parts.id,
    entity: input.kind,
    connection: input.connection,
    label: input.label,
    sourcePath: input.sourcePath,
    data: jobDataOf(input),
    parts: { folder: input.parts.folder, stopped: false, firstUpload: input.importUuid, parts },
  });
}
