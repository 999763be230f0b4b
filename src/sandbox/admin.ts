/**
 * Test-only endpoints under `/__sandbox/` (faults mode only; no auth, no rate limit):
 * queue faults, reset to the seed, read the stored records so tests in another
 * process can compare exports and imports with what the sandbox holds, add a tag (an
 * empty team has none to import with), cancel exports "on the server" as a user
 * would in the web app, and hold new exports queued (so a test can act on a running one).
 */
import { cancelExport, isExportActive } from './exports/export-job';
import type { RequestContext } from './http/context';
import { notFound, validationError } from './http/errors';
import { readJsonBody } from './http/read-json';
import { sendJson } from './http/respond';
import { companyView, contactView } from './store/records';
import { tagView } from './store/tag-record';
import { isoNow } from './time';

export async function addFault(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  ctx.state.faults.add(value);
  sendJson(ctx.res, 200, { faults: ctx.state.faults.list() });
}

export function listFaults(ctx: RequestContext): void {
  sendJson(ctx.res, 200, { faults: ctx.state.faults.list() });
}

export async function reset(ctx: RequestContext): Promise<void> {
  ctx.req.resume();
  await ctx.state.reset();
  sendJson(ctx.res, 200, { ok: true });
}

function positions(size: number): number[] {
  return Array.from({ length: size }, (_, i) => i);
}

/** `GET /__sandbox/state?kind=contacts|companies[&list_uuid=…]` → `{kind, total, data}`. */
export function state(ctx: RequestContext): void {
  const kind = ctx.url.searchParams.get('kind');
  const list = ctx.url.searchParams.get('list_uuid');
  const { store } = ctx.state;
  if (kind === 'contacts') {
    const data = positions(store.contacts.size).filter((p) => list === null || store.contacts.membership(p) === list).map((p) => contactView(store.contacts, p));
    sendJson(ctx.res, 200, { kind, total: data.length, data });
  } else if (kind === 'companies') {
    const data = positions(store.companies.size).filter((p) => list === null || store.companies.membership(p).includes(list)).map((p) => companyView(store.companies, p));
    sendJson(ctx.res, 200, { kind, total: data.length, data });
  } else {
    throw validationError('kind', 'The kind must be contacts or companies.');
  }
}

/** `POST /__sandbox/tags` `{name}` → the tag (the existing one when the name is taken). */
export async function addTag(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  const name = typeof value.name === 'string' ? value.name.trim() : '';
  if (name === '' || name.length > 100) throw validationError('name', 'The name must be a non-empty string of at most 100 characters.');
  const { store } = ctx.state;
  sendJson(ctx.res, 200, tagView(store.tagNamed(name) ?? store.createTag(name), ctx.state.config.teamNumber));
}

/**
 * `POST /__sandbox/cancel-exports` `{uuid?}` → `{cancelled: [uuid…]}`: cancels that export,
 * or every queued / running one when no uuid is given (a test need not know the uuid).
 */
export async function cancelExports(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  const uuid = value.uuid;
  if (uuid !== undefined && typeof uuid !== 'string') throw validationError('uuid', 'The uuid must be a string.');
  if (uuid !== undefined && !ctx.state.exports.has(uuid)) throw notFound(`No export with uuid "${uuid}".`);
  const at = isoNow();
  const targets = [...ctx.state.exports.values()].filter((job) => (uuid === undefined ? isExportActive(job) : job.uuid === uuid));
  const cancelled = targets.filter((job) => cancelExport(job, at)).map((job) => job.uuid);
  sendJson(ctx.res, 200, { cancelled });
}

/**
 * `POST /__sandbox/hold-exports` `{held: boolean}` → `{held}`: while held, exports that
 * start stay `queued` until cancelled or the sandbox is reset (releasing does not start them).
 */
export async function holdExports(ctx: RequestContext): Promise<void> {
  const { value } = await readJsonBody(ctx.req);
  if (typeof value.held !== 'boolean') throw validationError('held', 'The held field must be true or false.');
  ctx.state.holdExports = value.held;
  sendJson(ctx.res, 200, { held: ctx.state.holdExports });
}
