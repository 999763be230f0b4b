/** The import endpoints after upload: start (§2.2, §2.3) and polling (§2.4). */
import { IMPORT_TYPES, type RecordKind } from '../../shared/vocabulary';
import { param, type RequestContext } from '../http/context';
import { notFound, validationError, validationErrors } from '../http/errors';
import { paginate, readPageQuery } from '../http/pagination';
import { readJsonBody } from '../http/read-json';
import { sendJson } from '../http/respond';
import { isoNow } from '../time';
import { fileImportView, type FileImportJob } from './file-import';
import { planImport } from './import-plan';
import { runImport } from './import-runner';

function findImport(ctx: RequestContext): FileImportJob {
  const uuid = param(ctx, 'uuid');
  const job = ctx.state.imports.get(uuid);
  if (job === undefined) throw notFound(`No file import with uuid "${uuid}".`);
  return job;
}

async function startImport(ctx: RequestContext, kind: RecordKind): Promise<void> {
  const job = findImport(ctx);
  const plan = planImport(job, kind, await readJsonBody(ctx.req), ctx.state.store);
  job.status = 'in_progress';
  if (kind === 'contacts') job.list_uuid = plan.listUuid;
  job.updated_at = isoNow();
  const { store, config } = ctx.state;
  const rows = ctx.state.uploadRows.take(job.uuid);
  ctx.state.runInBackground((signal) => runImport(job, plan, store, rows, config.batchDelayMs, signal));
  sendJson(ctx.res, 200, fileImportView(job, config.teamNumber));
}

export const importLeads = (ctx: RequestContext): Promise<void> => startImport(ctx, 'contacts');
export const importCompanies = (ctx: RequestContext): Promise<void> => startImport(ctx, 'companies');

export function getImport(ctx: RequestContext): void {
  sendJson(ctx.res, 200, fileImportView(findImport(ctx), ctx.state.config.teamNumber));
}

/** `GET /leads/api/data-sources?filter[type]=csv_leads` — imports, newest first by default. */
export function listImports(ctx: RequestContext): void {
  const type = ctx.url.searchParams.get('filter[type]');
  if (type !== null && type !== '' && !(IMPORT_TYPES as readonly string[]).includes(type)) {
    throw validationError('filter.type', `The filter[type] must be csv_leads or csv_accounts (got "${type}").`);
  }
  const query = readPageQuery(ctx.url.searchParams);
  const jobs = [...ctx.state.imports.values()].filter((job) => type === null || type === '' || job.type === type);
  sendJson(ctx.res, 200, paginate(jobs, query, (job) => fileImportView(job, ctx.state.config.teamNumber)));
}

/** `PUT /leads/api/data-sources/metrics` `{uuids}` → `{uuid: metrics}`; unknown uuids are left out. */
export async function importMetrics(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  const uuids = value.uuids;
  if (!Array.isArray(uuids) || uuids.length === 0 || !uuids.every((uuid) => typeof uuid === 'string')) {
    throw validationErrors({ uuids: ['The uuids field must be a non-empty array of import uuids.'] });
  }
  const result: Record<string, unknown> = {};
  for (const uuid of uuids as string[]) {
    const job = ctx.state.imports.get(uuid);
    if (job !== undefined) result[uuid] = { ...job.metrics };
  }
  sendJson(ctx.res, 200, result);
}
