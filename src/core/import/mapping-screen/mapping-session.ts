/**
 * The host side of one mapping screen, without `vscode`: decodes what the webview posts,
 * checks it against the model, calls the import flow's callbacks, and posts answers.
 * The panel (host/import/mapping-screen/mapping-panel.ts) only connects this to a real WebviewPanel, so this logic
 * is tested in plain Node and driven by the chromium tests as the stand-in host.
 */
import { decodeWebviewMessage } from '../../../shared/decode-webview-message';
import {
  assertNever,
  type ColumnMapping,
  type FileReading,
  type HostMessage,
  type JobProgress,
  type ListSummary,
  type MappingModel,
  type MappingReview,
  type StartImportRequest,
  type TargetState,
} from '../../../shared/protocol';
import { importBlocker } from '../../../shared/import-blocker';

/** What the import flow provides. Rejections carry a message the user may read (never the API key). */
export interface MappingCallbacks {
  /** Mapping rules + row validation for a mapping; called on every edit, the latest answer wins. */
  review(mapping: ColumnMapping): Promise<MappingReview>;
  /** Creates a list through the API. */
  createList(name: string): Promise<ListSummary>;
  /** Starts the import (mapping already checked here); resolves with the job's first state. */
  startImport(request: StartImportRequest): Promise<JobProgress>;
  /** Remembers the mapping for files with these headers; called after a successful start when asked. */
  saveMapping(mapping: ColumnMapping): Promise<void>;
  /** Puts the mapping's row problems on the CSV's lines in the Problems view. */
  showInProblems(mapping: ColumnMapping): Promise<void>;
  /** Reads the file again as asked (preview, upload copy, a new upload) and resolves with the screen's new model. */
  reread(reading: FileReading): Promise<MappingModel>;
}

export interface SessionPort {
  post(message: HostMessage): void;
  /** The user asked to close the tab. */
  close(): void;
  log(line: string): void;
  /** The screen now shows another upload (the file was read again). */
  modelChanged?(model: MappingModel): void;
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : 'Something went wrong; see the GetSales log for details.';
}

export class MappingSession {
  private model: MappingModel;
  private currentJob: JobProgress | null;
  private starting = false;
  private rereading = false;

  constructor(
    model: MappingModel,
    private readonly callbacks: MappingCallbacks,
    private readonly port: SessionPort,
    job: JobProgress | null = null,
  ) {
    this.model = model;
    this.currentJob = job;
  }

  get job(): JobProgress | null {
    return this.currentJob;
  }

  /** Pushes a job update (the import flow calls this as it polls). */
  showJobProgress(job: JobProgress): void {
    this.currentJob = job;
    this.port.post({ type: 'job', job });
  }

  setLists(lists: readonly ListSummary[]): void {
    this.model = { ...this.model, lists };
    this.port.post({ type: 'lists', lists });
  }

  /** Handles one raw message from the webview; anything malformed is dropped and logged. */
  async receive(raw: unknown): Promise<void> {
    const decoded = decodeWebviewMessage(raw);
    if (!decoded.ok) {
      this.port.log(`Mapping screen: dropped a message (${decoded.reason}).`);
      return;
    }
    const message = decoded.value;
    switch (message.type) {
      case 'ready':
        this.port.post({ type: 'init', model: this.model, job: this.currentJob });
        return;
      case 'mappingChanged':
        if (this.checkMapping(message.mapping, message.type)) await this.review(message.revision, message.mapping);
        return;
      case 'createList':
        await this.createList(message.requestId, message.name);
        return;
      case 'startImport':
        await this.start(message);
        return;
      case 'showInProblems':
        if (this.checkMapping(message.mapping, message.type)) await this.run('show the problems', () => this.callbacks.showInProblems(message.mapping));
        return;
      case 'rereadFile':
        await this.reread(message);
        return;
      case 'closePanel':
        this.port.close();
        return;
      default:
        assertNever(message, 'webview message');
    }
  }

  /** A mapping must have one entry per column and name only catalogue fields. */
  private checkMapping(mapping: ColumnMapping, context: string): boolean {
    const problem = this.mappingProblem(mapping);
    if (problem !== null) this.port.log(`Mapping screen: dropped ${context} (${problem}).`);
    return problem === null;
  }

  private mappingProblem(mapping: ColumnMapping): string | null {
    if (mapping.length !== this.model.columns.length) return `${mapping.length} columns mapped, the file has ${this.model.columns.length}`;
    const known = new Set(this.model.fields.map((field) => field.name));
    const unknown = mapping.find((field) => field !== null && !known.has(field));
    return unknown === undefined ? null : `unknown field "${unknown}"`;
  }

  private targetProblem(target: TargetState): string | null {
    if (target.kind !== this.model.restore.kind) return `This screen imports ${this.model.restore.kind}, not ${target.kind}.`;
    const knownTags = new Set(this.model.tags.map((tag) => tag.uuid));
    if (!target.tags.every((uuid) => knownTags.has(uuid))) return 'A chosen tag no longer exists; choose again.';
    const known = new Set(this.model.lists.map((list) => list.uuid));
    switch (target.kind) {
      case 'contacts':
        // No list at all is for importBlocker to say, in the words the webview uses.
        return target.listUuid === null || known.has(target.listUuid) ? null : 'The chosen list no longer exists; choose another.';
      case 'companies':
        return target.listUuids.every((uuid) => known.has(uuid)) ? null : 'A chosen list no longer exists; choose again.';
      default:
        return assertNever(target, 'target');
    }
  }

  private async review(revision: number, mapping: ColumnMapping): Promise<void> {
    try {
      this.port.post({ type: 'review', revision, review: await this.callbacks.review(mapping) });
    } catch (error) {
      this.port.log(`Mapping screen: could not check the mapping (${errorMessage(error)}).`);
    }
  }

  private async createList(requestId: string, name: string): Promise<void> {
    try {
      const list = await this.callbacks.createList(name);
      if (!this.model.lists.some((known) => known.uuid === list.uuid)) this.model = { ...this.model, lists: [...this.model.lists, list] };
      this.port.post({ type: 'createListResult', requestId, result: { ok: true, list } });
    } catch (error) {
      this.port.post({ type: 'createListResult', requestId, result: { ok: false, message: `Could not create the list: ${errorMessage(error)}` } });
    }
  }

  /** The webview disables Start until valid, but the host decides: it checks again. */
  private async start(request: StartImportRequest): Promise<void> {
    if (this.starting || this.currentJob !== null) {
      this.port.log('Mapping screen: ignored a second start of the same import.');
      return;
    }
    const refuse = (message: string): void => this.port.post({ type: 'startFailed', message });
    const mappingProblem = this.mappingProblem(request.mapping);
    if (mappingProblem !== null) return refuse(`The mapping does not fit the file: ${mappingProblem}.`);
    const targetProblem = this.targetProblem(request.target);
    if (targetProblem !== null) return refuse(targetProblem);
    this.starting = true;
    try {
      const blocker = importBlocker(await this.callbacks.review(request.mapping), request.target);
      if (blocker !== null) return refuse(blocker);
      this.showJobProgress(await this.callbacks.startImport(request));
    } catch (error) {
      return refuse(errorMessage(error));
    } finally {
      this.starting = false;
    }
    if (request.saveMapping) await this.run('save the mapping', () => this.callbacks.saveMapping(request.mapping));
  }

  /** Only before the import starts: after that the upload is what GetSales imports. */
  private async reread(reading: FileReading): Promise<void> {
    const refuse = (message: string): void => this.port.post({ type: 'rereadFailed', message });
    if (this.starting || this.currentJob !== null) return refuse('The import has started; the file can no longer be read another way.');
    if (this.rereading) return refuse('The file is being read again already; wait for it.');
    this.rereading = true;
    try {
      this.model = await this.callbacks.reread({ encoding: reading.encoding, neutraliseFormulas: reading.neutraliseFormulas });
      this.port.modelChanged?.(this.model);
      this.port.post({ type: 'init', model: this.model, job: null });
    } catch (error) {
      refuse(errorMessage(error));
    } finally {
      this.rereading = false;
    }
  }

  private async run(what: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.port.log(`Mapping screen: could not ${what} (${errorMessage(error)}).`);
    }
  }
}
