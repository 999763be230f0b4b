/**
 * JobStore: the one owner of the import and export jobs. It applies changes, tells
 * listeners, and persists every change through an injected key-value port (the host
 * passes `globalState`), so a window reload loses nothing. Polling lives in JobPoller;
 * the store only records what the poller (or a feature) learns.
 */
import type { RecordKind } from '../../shared/vocabulary';
import type { KeyValuePort } from '../key-value-port';
import { Emitter, type Event } from './emitter';
import { decodeJobs, encodeJobs } from './job-codec';
import {
  type ImportPart, type ImportParts, type Job, type JobConnection, type JobPatch, type JsonValue, MAX_ROW_ERRORS, isJobActive, jobId,
} from './job';
import { parentPatch } from './parent-job';
import { messageOf } from '../message-of';

export interface JobStoreOptions {
  readonly storage: KeyValuePort;
  readonly now?: () => number;
  /** Where dropped stored entries and failed writes are reported. */
  readonly onProblem?: (message: string) => void;
}

interface NewJobCommon {
  readonly entity: RecordKind;
  readonly connection: JobConnection;
  readonly remoteUuid: string;
  readonly label: string;
  /** The API's status at creation, if known; the poller refines it. */
  readonly remoteStatus?: string;
  readonly data?: Readonly<Record<string, JsonValue>>;
  readonly discovered?: boolean;
  /** Epoch ms; defaults to now. Jobs found on the server keep their own creation time. */
  readonly createdAt?: number;
  /**
   * What is already known (e.g. `importPatch(response)`). A job added in a finished state
   * does not fire onDidFinish: nobody watched it run.
   */
  readonly state?: JobPatch;
}

export interface NewImportJob extends NewJobCommon {
  readonly sourcePath?: string;
  /** One part of a file imported in parts: its parent's id. */
  readonly parentId?: string;
}

/** A file imported in parts: the parent job, known only here. */
export interface NewPartsJob extends Omit<NewJobCommon, 'remoteUuid' | 'remoteStatus' | 'state' | 'discovered'> {
  /** A local id (a fresh uuid), which also names the parts' folder. */
  readonly localId: string;
  readonly sourcePath: string;
  readonly parts: ImportParts;
}

export type NewExportJob = NewJobCommon;

export type JobChange =
  | { readonly type: 'added'; readonly job: Job }
  | { readonly type: 'updated'; readonly job: Job; readonly previous: Job }
  | { readonly type: 'removed'; readonly job: Job };

export const JOBS_STORAGE_KEY = 'getsales.jobs';

export class JobStore {
  private readonly jobs = new Map<string, Job>();
  private readonly changed = new Emitter<JobChange>();
  private readonly finished = new Emitter<Job>();
  private readonly authNeeded = new Emitter<Job>();
  private readonly now: () => number;
  private writing: Promise<void> = Promise.resolve();
  private disposed = false;

  /** Every add, update and removal. */
  readonly onDidChange: Event<JobChange> = this.changed.event;
  /** A job went from active (queued/running) to done, partial or failed. Fires once per job. */
  readonly onDidFinish: Event<Job> = this.finished.event;
  /** Polling a job got 401/403: the job keeps its state; the host should offer Sign In. */
  readonly onAuthNeeded: Event<Job> = this.authNeeded.event;

  constructor(private readonly options: JobStoreOptions) {
    this.now = options.now ?? Date.now;
    const { jobs, problems } = decodeJobs(options.storage.get<unknown>(JOBS_STORAGE_KEY));
    for (const job of jobs) this.jobs.set(job.id, job);
    for (const problem of problems) options.onProblem?.(problem);
  }

  /** Newest first. */
  all(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  active(): Job[] {
    return this.all().filter(isJobActive);
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /**
   * Records an import the server has started (after import-leads / import-companies).
   * Adding a job that already exists returns the existing one unchanged.
   */
  addImport(input: NewImportJob): Job {
    return this.add({ ...this.blank('import', input), sourcePath: input.sourcePath, parentId: input.parentId });
  }

  /** Records a file imported in parts, before any part is started: its parts then join it with `addImport({ parentId })`. */
  addParts(input: NewPartsJob): Job {
    const job: Job = { ...this.blank('import', { ...input, remoteUuid: input.localId }), sourcePath: input.sourcePath, parts: input.parts };
    return this.add({ ...job, ...parentPatch(job, (id) => this.jobs.get(id)) });
  }

  /** The jobs of a parent's parts (current attempts and any other child), oldest first. */
  children(parentId: string): Job[] {
    return [...this.jobs.values()].filter((job) => job.parentId === parentId).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Changes one part of a parent; the parent's summary follows. Returns the parent, or undefined for an unknown parent or part. */
  updatePart(parentId: string, index: number, change: Partial<Omit<ImportPart, 'file' | 'sizeBytes' | 'rows' | 'firstLine' | 'lineOffset'>>): Job | undefined {
    const parent = this.jobs.get(parentId);
    const plan = parent?.parts;
    if (plan === undefined || plan.parts[index] === undefined) return undefined;
    return this.patch(parentId, { parts: { ...plan, parts: plan.parts.map((part, at) => (at === index ? { ...part, ...change } : part)) } });
  }

  /** Records an export the server has queued. */
  addExport(input: NewExportJob): Job {
    return this.add(this.blank('export', input));
  }

  /**
   * Applies a change and persists it. `data` is merged key by key, so features can add
   * their own keys without erasing others'. Returns undefined for an unknown id.
   */
  patch(id: string, patch: JobPatch): Job | undefined {
    const previous = this.jobs.get(id);
    if (!previous || this.disposed) return undefined;
    const merged: Job = {
      ...previous,
      ...patch,
      data: patch.data ? { ...previous.data, ...patch.data } : previous.data,
      rowErrors: (patch.rowErrors ?? previous.rowErrors).slice(0, MAX_ROW_ERRORS),
      // The server's start time is the first one it told; later answers only move the end.
      serverTimes: patch.serverTimes && previous.serverTimes
        ? { startedAt: previous.serverTimes.startedAt, finishedAt: patch.serverTimes.finishedAt }
        : patch.serverTimes ?? previous.serverTimes,
      updatedAt: this.now(),
    };
    // A parent's summary is never set from outside: it is what its parts and children say.
    const next: Job = merged.parts === undefined ? merged : { ...merged, ...parentPatch(merged, (child) => this.jobs.get(child)) };
    const finishing = isJobActive(previous) && !isJobActive(next);
    const job: Job = finishing && next.finishedAt === undefined ? { ...next, finishedAt: this.now() } : next;
    this.jobs.set(id, job);
    this.persist();
    this.changed.fire({ type: 'updated', job, previous });
    if (finishing) this.finished.fire(job);
    if (job.parentId !== undefined) this.followChild(job.parentId);
    return job;
  }

  /** Removes the job, and a parent's children with it. */
  remove(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || this.disposed) return false;
    for (const child of this.children(id)) this.remove(child.id);
    this.jobs.delete(id);
    this.persist();
    this.changed.fire({ type: 'removed', job });
    if (job.parentId !== undefined) this.followChild(job.parentId);
    return true;
  }

  /** Removes every job that is no longer active (a parent with its parts, never a part of a running parent); returns how many. */
  clearFinished(): number {
    const finished = this.all().filter((job) => !isJobActive(job) && job.parentId === undefined);
    for (const job of finished) this.remove(job.id);
    return finished.length;
  }

  /** Called by the poller: the job is left as it is; listeners offer Sign In. */
  reportAuthNeeded(id: string, message: string): void {
    const job = this.jobs.get(id);
    if (!job) return;
    const updated = job.message === message ? job : (this.patch(id, { message }) ?? job);
    this.authNeeded.fire(updated);
  }

  /**
   * The job as storage holds it now: another window of this machine, sharing the storage,
   * may have written it since this store read the list.
   */
  persisted(id: string): Job | undefined {
    return decodeJobs(this.options.storage.get<unknown>(JOBS_STORAGE_KEY)).jobs.find((job) => job.id === id);
  }

  /** Resolves when every change so far is in storage. */
  flush(): Promise<void> {
    return this.writing;
  }

  /** Stops events and writes; pending writes still complete (await `flush()`). */
  dispose(): void {
    this.disposed = true;
    this.changed.dispose();
    this.finished.dispose();
    this.authNeeded.dispose();
  }

  /** A child changed: its parent's summary follows (and only changes when there is news). */
  private followChild(parentId: string): void {
    const parent = this.jobs.get(parentId);
    if (parent?.parts === undefined) return;
    const derived = parentPatch(parent, (id) => this.jobs.get(id));
    const before = JSON.stringify([parent.parts, parent.status, parent.counts, parent.progress, parent.rowErrors, parent.message]);
    const after = JSON.stringify([derived.parts, derived.status, derived.counts, derived.progress, derived.rowErrors, derived.message]);
    if (before !== after) this.patch(parentId, {});
  }

  private blank(kind: Job['kind'], input: NewJobCommon): Job {
    const now = this.now();
    const job: Job = {
      id: jobId(kind, input.remoteUuid),
      kind,
      entity: input.entity,
      connection: input.connection,
      remoteUuid: input.remoteUuid,
      label: input.label,
      status: 'queued',
      remoteStatus: input.remoteStatus,
      progress: undefined,
      counts: undefined,
      rowErrors: [],
      message: undefined,
      createdAt: input.createdAt ?? now,
      updatedAt: now,
      finishedAt: undefined,
      serverTimes: undefined,
      sourcePath: undefined,
      files: [],
      downloads: [],
      discovered: input.discovered ?? false,
      data: input.data ?? {},
      parts: undefined,
      parentId: undefined,
    };
    const state = input.state ?? {};
    const known: Job = { ...job, ...state, data: { ...job.data, ...state.data }, rowErrors: (state.rowErrors ?? []).slice(0, MAX_ROW_ERRORS) };
    return isJobActive(known) || known.finishedAt !== undefined ? known : { ...known, finishedAt: now };
  }

  private add(job: Job): Job {
    const existing = this.jobs.get(job.id);
    if (existing) return existing;
    if (this.disposed) return job;
    this.jobs.set(job.id, job);
    this.persist();
    this.changed.fire({ type: 'added', job });
    if (job.parentId !== undefined) this.followChild(job.parentId);
    return job;
  }

  /** Writes are chained so they land in order; the snapshot is taken when the write starts. */
  private persist(): void {
    this.writing = this.writing.then(async () => {
      try {
        await this.options.storage.update(JOBS_STORAGE_KEY, encodeJobs(this.all()));
      } catch (error) {
        this.options.onProblem?.(`could not save jobs: ${messageOf(error)}`);
      }
    });
  }
}
