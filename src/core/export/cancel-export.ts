/**
 * Cancelling a running export from the Jobs view (`DELETE mass-actions/{uuid}`, contract
 * §8). Accepted: the job ends `cancelled` at once (the poller would only learn it later).
 * Refused, or not offered by the account: the job is left as it was, still followed, and
 * the error says so in words the user can act on.
 */
import { ApiError, AuthError, CancelledError, NotFoundError, type GetSalesClient } from '../api';
import { type Job, type JobStore, exportPatch, isJobActive } from '../jobs';
import { UserError } from '../user-error';

export type ExportCanceller = Pick<GetSalesClient, 'cancelExport'>;

export const CANCELLED_BY_YOU = 'You cancelled the export; no file was made.';

export async function cancelExportJob(client: ExportCanceller, store: JobStore, job: Job, signal?: AbortSignal): Promise<Job> {
  if (job.kind !== 'export') throw new UserError(`“${job.label}” is an import; only a running export can be cancelled.`, []);
  if (!isJobActive(job)) throw new UserError(`The export “${job.label}” has already ended (${job.status}); there is nothing to cancel.`, []);
  let answer;
  try {
    answer = await client.cancelExport(job.remoteUuid, signal);
  } catch (error) {
    // Sign-in and the user's own cancel keep their usual handling.
    if (error instanceof AuthError || error instanceof CancelledError) throw error;
    throw new UserError(`GetSales did not cancel the export “${job.label}”: ${refusal(error)} The export keeps running and the Jobs view still follows it.`);
  }
  const patch = answer?.status === 'cancelled' ? exportPatch(answer) : { status: 'cancelled' as const, remoteStatus: answer?.rawStatus ?? job.remoteStatus };
  return store.patch(job.id, { ...patch, message: CANCELLED_BY_YOU }) ?? job;
}

function refusal(error: unknown): string {
  if (error instanceof NotFoundError || (error instanceof ApiError && error.status === 405)) return 'this account does not offer cancelling exports.';
  const reason = error instanceof Error ? error.message.trim() : String(error);
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}
