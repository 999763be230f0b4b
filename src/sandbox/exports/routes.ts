/** Export endpoints (contract §3): start, poll, download; the sister mode's variants (§7). */
import type { RecordKind } from '../../shared/vocabulary';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { param, type RequestContext } from '../http/context';
import { notFound, validationError } from '../http/errors';
import { readJsonBody } from '../http/read-json';
import { sendJson, streamFile } from '../http/respond';
import { isoNow } from '../time';
import { selectCompanies, selectContacts } from './export-filter';
import { exportFileName, exportStartView, exportView, type ExportJob } from './export-job';
import { runExport } from './export-runner';

async function startExport(ctx: RequestContext, kind: RecordKind): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  const { store, config } = ctx.state;
  const table = kind === 'contacts' ? store.contacts : store.companies;
  const positions = kind === 'contacts' ? selectContacts(value.filter, store) : selectCompanies(value.filter, store);
  const uuid = randomUUID();
  const at = isoNow();
  const job: ExportJob = {
    uuid, ordinal: ctx.state.exports.size, seq: store.nextSeq(), kind, filter: value.filter, status: 'queued',
    progress: { processed: 0, total: positions.length }, created_at: at, updated_at: at,
    fileName: exportFileName(kind, uuid, at), filePath: undefined, partialPath: undefined, cancel: new AbortController(),
  };
  ctx.state.exports.set(uuid, job);
  // A held export (test hook) is never run: it stays queued until cancelled or reset.
  if (!ctx.state.holdExports) ctx.state.runInBackground((signal) => runExport(job, table, positions, config.exportDir, config.batchDelayMs, signal));
  sendJson(ctx.res, 200, exportStartView(job, config.teamNumber, config.compat));
}

export const exportContacts = (ctx: RequestContext): Promise<void> => startExport(ctx, 'contacts');
export const exportCompanies = (ctx: RequestContext): Promise<void> => startExport(ctx, 'companies');

/** `GET /leads/api/file-exports/{uuid}`: no published source has this path, so the sister server does not know it. */
export function getFileExport(ctx: RequestContext): void {
  if (ctx.state.config.compat === 'sister') throw notFound(`No such endpoint: GET ${ctx.url.pathname}.`);
  const uuid = param(ctx, 'uuid');
  const job = ctx.state.exports.get(uuid);
  if (job === undefined) throw notFound(`No export with uuid "${uuid}".`);
  sendJson(ctx.res, 200, exportView(job, ctx.state.config.teamNumber, 'doc'));
}

/** `POST /leads/api/file-exports/download` `{file_name}`: 404 for a name never issued, 422 until it is done. */
export async function downloadExport(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  const name = value.file_name;
  if (typeof name !== 'string' || name.trim() === '') throw validationError('file_name', 'The file_name field is required (a name from result.files).');
  const job = [...ctx.state.exports.values()].find((candidate) => candidate.fileName === name);
  if (job === undefined) throw notFound(`No export file named "${name}".`);
  if (job.status !== 'done' || job.filePath === undefined) {
    throw validationError('file_name', `The export ${job.uuid} is not ready yet (status ${job.status}); poll it until status is done.`);
  }
  const { size } = await fs.stat(job.filePath);
  await streamFile(ctx.res, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
  }, job.filePath, size);
}
