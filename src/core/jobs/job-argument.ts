/**
 * The job a command is about: tree items pass the Job, notifications and scripts pass its
 * id. Either way the job is read again from the store, so a stale tree element never acts
 * on an old state.
 */
import { UserError } from '../user-error';
import type { Job, JobKind } from './job';

export function jobFromArgument(store: { get(id: string): Job | undefined }, arg: unknown, kind?: JobKind): Job {
  const id = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && 'id' in arg && typeof arg.id === 'string' ? arg.id : undefined;
  const job = id === undefined ? undefined : store.get(id);
  const wanted = kind === undefined ? 'a job' : `an ${kind}`;
  if (job === undefined) throw new UserError(`Pick ${wanted} in the GetSales Jobs view first.`, []);
  if (kind !== undefined && job.kind !== kind) throw new UserError(`“${job.label}” is an ${job.kind}; this works on ${kind}s only.`, []);
  return job;
}
