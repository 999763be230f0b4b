/**
 * Mass actions (contract §8): `GET /leads/api/mass-actions` lists the team's mass
 * actions, exports among other types, newest first; `GET /leads/api/mass-actions/{uuid}`
 * polls one; `DELETE` aborts a queued or running export (then `cancelled`). Both modes.
 */
import { param, type RequestContext } from '../http/context';
import { ApiError, notFound } from '../http/errors';
import { paginate, readPageQuery, type Sortable } from '../http/pagination';
import { sendJson } from '../http/respond';
import { isoNow } from '../time';
import { cancelExport, exportView } from './export-job';
import { otherMassActionView } from './other-mass-actions';

interface Listed extends Sortable {
  readonly view: () => Record<string, unknown>;
}

function finishedWord(ctx: RequestContext): string {
  return ctx.state.config.compat === 'sister' ? 'completed' : 'done';
}

function massAction(ctx: RequestContext, uuid: string): Listed | undefined {
  const { teamNumber, compat } = ctx.state.config;
  const job = ctx.state.exports.get(uuid);
  if (job !== undefined) return { ...job, view: () => exportView(job, teamNumber, compat) };
  const other = ctx.state.otherMassActions.find((action) => action.uuid === uuid);
  return other === undefined ? undefined : { ...other, view: () => otherMassActionView(other, teamNumber, finishedWord(ctx)) };
}

export function listMassActions(ctx: RequestContext): void {
  const query = readPageQuery(ctx.url.searchParams);
  const uuids = [...ctx.state.exports.keys(), ...ctx.state.otherMassActions.map((action) => action.uuid)];
  const items = uuids.map((uuid) => massAction(ctx, uuid)).filter((item): item is Listed => item !== undefined);
  sendJson(ctx.res, 200, paginate(items, query, (item) => item.view()));
}

export function getMassAction(ctx: RequestContext): void {
  const uuid = param(ctx, 'uuid');
  const item = massAction(ctx, uuid);
  if (item === undefined) throw notFound(`No mass action with uuid "${uuid}".`);
  sendJson(ctx.res, 200, item.view());
}

/** Aborts a queued or running export; a finished one is a 422 that says so. */
export function deleteMassAction(ctx: RequestContext): void {
  const uuid = param(ctx, 'uuid');
  const job = ctx.state.exports.get(uuid);
  if (job === undefined) {
    if (ctx.state.otherMassActions.some((action) => action.uuid === uuid)) {
      throw new ApiError(422, 'validation_error', `The mass action ${uuid} has already finished; only a queued or running one can be aborted.`);
    }
    throw notFound(`No mass action with uuid "${uuid}".`);
  }
  if (!cancelExport(job, isoNow())) {
    throw new ApiError(422, 'validation_error', `The export ${uuid} has already ended (status ${job.status}); only a queued or running one can be aborted.`);
  }
  sendJson(ctx.res, 200, exportView(job, ctx.state.config.teamNumber, ctx.state.config.compat));
}
