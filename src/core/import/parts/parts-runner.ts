/**
 * Runs the parts of files imported in parts, one after another: when a part's import
 * ends, whatever its outcome, the next waiting part is uploaded and started (a failed
 * part does not hold up the others). Parts never run side by side, so GetSales imports
 * them in the file's order and Cancel has a clear meaning: the running part finishes
 * (GetSales has no way to stop a started import), the waiting ones never start.
 *
 * After a window reload the parents come back from the store and `resume()` carries on
 * with their waiting parts: nothing is lost, nothing is sent twice. A part that was sent
 * but not yet started (the window closed between the two) is asked about first: started
 * on GetSales, it is followed as it is; not started, its upload is started; forgotten,
 * it is sent again. One window runs a file's parts at a time: a lock in the parts folder
 * (taken over when its window crashed), and before each part the stored copy of the job
 * is read again, so a window whose list is older than another's leaves the parts alone.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { type GetSalesClient, NotFoundError } from '../../api';
import { importPatch } from '../../jobs/remote-state';
import type { Disposable } from '../../jobs/emitter';
import { type Job, type JobChange, type JobConnection, type JobStore, isJobActive, needsRunning, nextPart, partLabel, partStateOf } from '../../jobs';
import { importTypeOf } from '../../../shared/vocabulary';
import { messageOf } from '../../message-of';
import { UserError } from '../../user-error';
import { readImportJobData } from '../import-job-data';
import { type ImportStarter, startImport, targetStateOf } from '../start-import';
import { partUploadName, removePartsFolder } from './part-files';

export type PartsClient = ImportStarter & Pick<GetSalesClient, 'uploadCsv' | 'getImport'>;

export interface PartsTarget {
  readonly client: PartsClient;
  readonly connection: JobConnection;
}

export interface PartsRunnerOptions {
  readonly store: JobStore;
  /** The current connection, or undefined when signed out: parts wait for theirs. */
  readonly target: () => PartsTarget | undefined;
  readonly log: (line: string) => void;
}

/** What Cancel did, for the sentence the user reads. */
export interface StopOutcome {
  /** The part GetSales is importing now, which finishes (0-based), if any. */
  readonly running: number | undefined;
  /** Parts that will not start. */
  readonly waiting: readonly number[];
}

interface Run {
  /** Aborts the upload in flight when the user stops the parts. */
  controller: AbortController;
  release: (() => Promise<void>) | undefined;
  driving: boolean;
  again: boolean;
}

/** How long a lock of a window that crashed keeps others out; refreshed by its holder at a third of this. */
const LOCK_STALE_MS = 30_000;

export class PartsRunner implements Disposable {
  private readonly runs = new Map<string, Run>();
  private readonly subscription: Disposable;
  private disposed = false;

  constructor(private readonly options: PartsRunnerOptions) {
    this.subscription = options.store.onDidChange((change) => this.changed(change));
  }

  /** Runs the waiting parts of a parent (just started, or resumed). */
  follow(parentId: string): void {
    this.kick(parentId);
  }

  /** Picks up every parent with parts left to send (after a reload, or once connected). */
  resume(): void {
    for (const job of this.options.store.all()) if (needsRunning(job)) this.kick(job.id);
  }

  /** Stops the parts not yet started; the part GetSales is importing finishes. */
  stop(parentId: string): StopOutcome {
    const { store } = this.options;
    const parent = store.get(parentId);
    const plan = parent?.parts;
    if (parent === undefined || plan === undefined) throw new UserError('Pick an import in parts in the GetSales Jobs view first.', []);
    if (!isJobActive(parent)) throw new UserError(`${parent.label} has ended; there is nothing to stop.`, []);
    store.patch(parentId, { parts: { ...plan, stopped: true } });
    this.runs.get(parentId)?.controller.abort();
    const running = plan.parts.findIndex((part) => part.state === 'running');
    return { running: running === -1 ? undefined : running, waiting: plan.parts.flatMap((part, index) => (part.state === 'waiting' || part.state === 'uploading' ? [index] : [])) };
  }

  /** Runs the failed parts again, and those not started; the imported ones are left as they are. Returns the parts that will run. */
  retry(parentId: string): number[] {
    const { store } = this.options;
    const parent = store.get(parentId);
    const plan = parent?.parts;
    if (parent === undefined || plan === undefined) throw new UserError('Pick an import in parts in the GetSales Jobs view first.', []);
    if (isJobActive(parent) && !plan.stopped) throw new UserError(`${parent.label} is still running; Retry is for the parts that failed or were stopped once it ends.`, []);
    const again: number[] = [];
    const parts = plan.parts.map((part, index) => {
      if (part.state === 'waiting') again.push(index);
      if (part.state !== 'failed') return part;
      again.push(index);
      const child = part.jobId === undefined ? undefined : store.get(part.jobId);
      const attempt = child?.remoteUuid ?? part.uploadUuid;
      if (child !== undefined) store.remove(child.id);
      return { ...part, state: 'waiting' as const, uploadUuid: undefined, jobId: undefined, error: undefined, replaced: attempt === undefined ? part.replaced : [...part.replaced, attempt] };
    });
    const run = this.runs.get(parentId);
    if (run !== undefined) run.controller = new AbortController();
    store.patch(parentId, { parts: { ...plan, parts, stopped: false } });
    this.kick(parentId);
    return again.sort((a, b) => a - b);
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    for (const [id, run] of this.runs) {
      run.controller.abort();
      void this.release(id);
    }
  }

  private changed(change: JobChange): void {
    const { job } = change;
    if (change.type === 'removed') {
      if (job.parts === undefined) return;
      this.runs.get(job.id)?.controller.abort();
      const folder = job.parts.folder;
      void this.release(job.id).then(() => removePartsFolder(folder)).catch(() => undefined);
      return;
    }
    if (change.type !== 'updated' || !isJobActive(change.previous) || isJobActive(job)) return;
    if (job.parentId !== undefined) {
      this.partEnded(job);
      this.kick(job.parentId);
    } else if (job.parts !== undefined) {
      void this.parentEnded(job);
    }
  }

  /** A part's rows are in: its file is no longer needed (a failed part keeps its file for Retry). */
  private partEnded(child: Job): void {
    if (child.status !== 'done' && child.status !== 'partial' || child.parentId === undefined) return;
    const plan = this.options.store.get(child.parentId)?.parts;
    const part = plan?.parts.find((candidate) => candidate.jobId === child.id);
    if (plan !== undefined && part !== undefined) void fs.rm(join(plan.folder, part.file), { force: true }).catch(() => undefined);
  }

  /** Every part imported: the folder goes. Otherwise it stays for Retry, until the job is removed. */
  private async parentEnded(parent: Job): Promise<void> {
    await this.release(parent.id);
    const plan = parent.parts;
    if (plan !== undefined && plan.parts.every((part) => part.state === 'done' || part.state === 'partial')) await removePartsFolder(plan.folder).catch(() => undefined);
  }

  private kick(parentId: string): void {
    if (this.disposed) return;
    // After the store has finished the change that called: the parent's summary follows its child within it.
    queueMicrotask(() => void this.drive(parentId));
  }

  private runOf(parentId: string): Run {
    let run = this.runs.get(parentId);
    if (run === undefined) {
      run = { controller: new AbortController(), release: undefined, driving: false, again: false };
      this.runs.set(parentId, run);
    }
    return run;
  }

  private async drive(parentId: string): Promise<void> {
    const run = this.runOf(parentId);
    if (run.driving) {
      run.again = true;
      return;
    }
    run.driving = true;
    try {
      do {
        run.again = false;
        await this.loop(parentId, run);
      } while (run.again && !this.disposed);
    } catch (error) {
      this.options.log(`Parts: ${parentId} stopped on an unexpected error: ${messageOf(error)}`);
    } finally {
      run.driving = false;
    }
  }

  private async loop(parentId: string, run: Run): Promise<void> {
    const { store } = this.options;
    for (;;) {
      const parent = store.get(parentId);
      if (this.disposed || parent === undefined || !needsRunning(parent)) return;
      const index = nextPart(parent);
      if (index === undefined) return; // a part is running: its end kicks the next
      const target = this.options.target();
      if (target === undefined || target.connection !== parent.connection) {
        this.options.log(`Parts: ${parent.label} waits to be connected to ${parent.connection === 'sandbox' ? 'the sandbox' : 'the GetSales account'} it was started on.`);
        return;
      }
      if (!(await this.own(parent, run)) || !(await this.stillOurs(parent, index))) return;
      await this.runPart(parent, index, target, run.controller.signal);
    }
  }

  /** Takes the parent's lock once, for as long as this window runs it. */
  private async own(parent: Job, run: Run): Promise<boolean> {
    if (run.release !== undefined) return true;
    const folder = parent.parts?.folder ?? '';
    try {
      run.release = await lock(join(folder, 'runner'), {
        realpath: false,
        stale: LOCK_STALE_MS,
        update: LOCK_STALE_MS / 3,
        retries: 0,
        onCompromised: (error) => {
          this.options.log(`Parts: lost the lock of ${parent.label} (${error.message}).`);
          run.release = undefined;
        },
      });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
        this.options.log(`Parts: another window is running the parts of ${parent.label}; this one leaves them alone.`);
        return false;
      }
      // No folder (its files were removed): each part says so when it is tried.
      this.options.log(`Parts: could not lock ${folder}: ${messageOf(error)}`);
      return true;
    }
  }

  /** False when another window has moved this part on since this window read the job list. */
  private async stillOurs(parent: Job, index: number): Promise<boolean> {
    const { store } = this.options;
    await store.flush();
    const stored = store.persisted(parent.id)?.parts?.parts[index];
    const ours = parent.parts?.parts[index];
    if (stored === undefined || ours === undefined) return true;
    const movedOn = (stored.jobId !== undefined && stored.jobId !== ours.jobId) || (stored.uploadUuid !== undefined && stored.uploadUuid !== ours.uploadUuid);
    if (movedOn) this.options.log(`Parts: another window has sent ${partLabel(index, parent.parts?.parts.length ?? 0)} of ${parent.label}; reload this window to follow it.`);
    return !movedOn;
  }

  private async release(parentId: string): Promise<void> {
    const run = this.runs.get(parentId);
    const release = run?.release;
    if (run === undefined) return;
    run.release = undefined;
    this.runs.delete(parentId);
    await release?.().catch(() => undefined);
  }

  private async runPart(parent: Job, index: number, target: PartsTarget, signal: AbortSignal): Promise<void> {
    const { store } = this.options;
    const plan = parent.parts;
    const part = plan?.parts[index];
    if (plan === undefined || part === undefined) return;
    const count = plan.parts.length;
    const label = `${parent.label} · ${partLabel(index, count)}`;
    const data = readImportJobData(parent);
    store.updatePart(parent.id, index, { state: 'uploading', error: undefined });
    try {
      if (data === undefined) throw new UserError('The mapping of this import is unknown, so its parts cannot be started. Import the file again.', []);
      let upload = part.uploadUuid;
      if (upload !== undefined) {
        const remote = await target.client.getImport(upload).catch((error: unknown) => (error instanceof NotFoundError ? undefined : Promise.reject(error)));
        if (remote === undefined) {
          upload = undefined; // GetSales forgot the upload: it is sent again
        } else if (remote.status !== 'not_started') {
          // Started before the window closed: followed as it is, never started twice.
          const child = store.addImport({ entity: parent.entity, connection: parent.connection, remoteUuid: remote.uuid, label, sourcePath: parent.sourcePath, data: parent.data, parentId: parent.id, state: importPatch(remote, remote.metrics) });
          store.updatePart(parent.id, index, { jobId: child.id, state: partStateOf(child) });
          this.options.log(`Parts: ${label} had been started on GetSales before; following it.`);
          return;
        }
      }
      if (upload === undefined) {
        const path = join(plan.folder, part.file);
        await fs.access(path).catch(() => {
          throw new UserError(`The file of ${partLabel(index, count)} is no longer in the extension's storage; import ${parent.label} again.`, []);
        });
        const answer = await target.client.uploadCsv({ filePath: path, fileName: partUploadName(parent.label, index, count), type: importTypeOf(parent.entity) }, signal);
        upload = answer.uuid;
        store.updatePart(parent.id, index, { uploadUuid: upload });
        this.options.log(`Parts: uploaded ${label} (${part.rows} rows) as ${upload}`);
      }
      // Stopped, or removed, while it was sent: GetSales keeps an upload nobody starts.
      if (signal.aborted || store.get(parent.id)?.parts?.stopped !== false) {
        store.updatePart(parent.id, index, { state: 'waiting' });
        return;
      }
      const child = await startImport(target.client, store, {
        kind: parent.entity, importUuid: upload, sourcePath: parent.sourcePath ?? '', label, connection: parent.connection,
        headers: data.headers, dialect: { encoding: data.encoding, delimiter: data.delimiter, sepLine: data.sepLine }, mapping: data.mapping,
        target: targetStateOf(parent.entity, data.target), parentId: parent.id,
      });
      store.updatePart(parent.id, index, { jobId: child.id, state: partStateOf(child) });
    } catch (error) {
      if (signal.aborted) {
        store.updatePart(parent.id, index, { state: 'waiting' });
        return;
      }
      store.updatePart(parent.id, index, { state: 'failed', error: messageOf(error) });
      this.options.log(`Parts: ${label} failed: ${messageOf(error)}`);
    }
  }
}
