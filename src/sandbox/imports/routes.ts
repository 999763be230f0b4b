/** The import endpoints after upload: start (§2.2, §2.3) and polling (§2.4); the sister mode's variants (§7). */
import { IMPORT_TYPES, type RecordKind } from '../../shared/vocabulary';
import { param, type RequestContext } from '../http/context';
import { notFound, validationError, validationErrors } from '../http/errors';
import { paginate, readPageQuery, type Sortable } from '../http/pagination';
import { readJsonBody } from '../http/read-json';
import { sendJson } from '../http/respond';
import { isoNow } from '../time';
import { fileImportView, type FileImportJob } from './file-import';
import { planImport } from './import-plan';
import { runImport } from './import-runner';
import { otherSourceView } from './other-sources';
import { sisterImportView, sisterStartView } from './sister-views';

function findImport(ctx: RequestContext): FileImportJob {
  const uuid = param(ctx, 'uuid');
  const job = ctx.state.imports.get(uuid);
  if (job === undefined) throw notFound(`No file import with uuid "${uuid}".`);
  return job;
}

function importView(ctx: RequestContext, job: FileImportJob): Record<string, unknown> {
  const { teamNumber, compat } = ctx.state.config;
  return compat === 'sister' ? sisterImportView(job, teamNumber) : fileImportView(job, teamNumber);
}

async function startImport(ctx: RequestContext, kind: RecordKind): Promise<void> {
  const job = findImport(ctx);
  const { store, config } = ctx.state;
  const plan = planImport(job, kind, await readJsonBody(ctx.req), store, config.compat);
  job.status = 'in_progress';
  if (kind === 'contacts') job.list_uuid = plan.listUuid;
  job.updated_at = isoNow();
  const rows = ctx.state.uploadRows.take(job.uuid);
  ctx.state.runInBackground((signal) => runImport(job, plan, store, rows, config.batchDelayMs, signal));
  sendJson(ctx.res, 200, config.compat === 'sister' ? sisterStartView(job, kind) : fileImportView(job, config.teamNumber));
}

export const importLeads = (ctx: RequestContext): Promise<void> => startImport(ctx, 'contacts');
export const importCompanies = (ctx: RequestContext): Promise<void> => startImport(ctx, 'companies');

/** `GET /leads/api/data-sources/{uuid}`: a CSV import, or (sister mode) one of the LinkedIn-type sources it lists. */
export function getImport(ctx: RequestContext): void {
  const other = ctx.state.config.compat === 'sister' ? ctx.state.otherSources.find((source) => source.uuid === param(ctx, 'uuid')) : undefined;
  if (other !== undefined) {
    sendJson(ctx.res, 200, otherSourceView(other, ctx.state.config.teamNumber));
    return;
  }
  sendJson(ctx.res, 200, importView(ctx, findImport(ctx)));
}

/** `GET /leads/api/file-imports/{uuid}`: no published source has this path, so the sister server does not know it. */
export function getFileImport(ctx: RequestContext): void {
  if (ctx.state.config.compat === 'sister') throw notFound(`No such endpoint: GET ${ctx.url.pathname}.`);
  sendJson(ctx.res, 200, importView(ctx, findImport(ctx)));
}

interface Listed extends Sortable {
  readonly view: () => Record<string, unknown>;
}

/**
 * `GET /leads/api/data-sources?filter[type]=csv_leads` — imports, newest first by default.
 * The sister server ignores the filter and lists every data source, LinkedIn searches included.
 */
export function listImports(ctx: RequestContext): void {
  const { compat, teamNumber } = ctx.state.config;
  const query = readPageQuery(ctx.url.searchParams);
  if (compat === 'sister') {
    const items: Listed[] = [
      ...[...ctx.state.imports.values()].map((job) => ({ ...job, view: () => sisterImportView(job, teamNumber) })),
      ...ctx.state.otherSources.map((source) => ({ ...source, view: () => otherSourceView(source, teamNumber) })),
    ];
    sendJson(ctx.res, 200, paginate(items, query, (item) => item.view()));
    return;
  }
  const type = ctx.url.searchParams.get('filter[type]');
  if (type !== null && type !== '' && !(IMPORT_TYPES as readonly string[]).includes(type)) {
    throw validationError('filter.type', `The filter[type] must be csv_leads or csv_accounts (got "${type}").`);
  }
  const jobs = [...ctx.state.imports.values()].filter((job) => type === null || type === '' || job.type === type);
  sendJson(ctx.res, 200, paginate(jobs, query, (job) => fileImportView(job, teamNumber)));
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
