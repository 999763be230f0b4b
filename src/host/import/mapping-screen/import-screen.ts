/**
 * The callbacks behind one mapping screen (one upload): live review, new list, Start,
 * remember the mapping, Show in Problems. Used for a fresh screen and for one restored
 * after a window reload, so both behave the same. A callback that fails is reported like
 * any command's error (details in the log, one worded sentence with its buttons) and
 * rejects with that sentence, which the screen shows beside Start or the list form.
 *
 * A file imported in parts: the screen holds its parts folder until Start hands it to the
 * parent job; a tab closed (or a file read again) before that removes it.
 */
import * as vscode from 'vscode';
import type { GetSalesClient } from '../../../core/api';
import type { CsvDialect } from '../../../core/csv';
import type { MappingMemory } from '../../../core/mapping';
import type { JobConnection, JobStore } from '../../../core/jobs';
import type { FileReading, ListSummary, MappingModel, RecordKind } from '../../../shared/protocol';
import type { ImportDiagnostics } from '../import-diagnostics';
import { jobProgressOf } from './job-progress';
import type { MappingReviewer } from '../../../core/import/mapping-screen/mapping-reviewer';
import type { MappingCallbacks } from '../../../core/import/mapping-screen/mapping-session';
import { reportingFailures } from '../../../core/import/mapping-screen/reporting-callbacks';
import { type PreparedParts, removePartsFolder } from '../../../core/import/parts/part-files';
import type { PartsRunner } from '../../../core/import/parts/parts-runner';
import { startParts } from '../../../core/import/parts/start-parts';
import type { CommandRunner } from '../../command-runner';
import { COMMANDS } from '../../ids';
import { type ImportAgainServices, NotImportedAgain, startImportAsking } from '../import-again';

export interface ImportScreenContext {
  readonly client: GetSalesClient;
  readonly connection: JobConnection;
  readonly store: JobStore;
  readonly memory: MappingMemory;
  readonly diagnostics: ImportDiagnostics;
  readonly runner: CommandRunner;
  readonly reviewer: MappingReviewer;
  readonly kind: RecordKind;
  readonly uri: vscode.Uri;
  readonly importUuid: string;
  readonly headers: readonly string[];
  readonly dialect: CsvDialect;
  readonly headerLine: number;
  /** The upload's SHA-256 (the full pass's contentHash). */
  readonly contentHash: string;
  /** Asks before importing identical content into the same list(s) again. */
  readonly again: ImportAgainServices;
  /** A file over the upload limit: its parts (the upload is the first one's). */
  readonly parts: PreparedParts | undefined;
  readonly partsRunner: PartsRunner;
}

/** A new upload of the same file, read another way, and the screen's model for it. */
export type Reread = (reading: FileReading) => Promise<{ readonly context: ImportScreenContext; readonly model: MappingModel }>;

export interface ImportScreenCallbacks extends MappingCallbacks {
  /** Releases what the current upload holds (its row reviewer); call when the tab closes. */
  dispose(): void;
}

/** After "Encoding" or "Neutralise" the screen belongs to a new upload: every callback then works on it. */
export function importScreenCallbacks(initial: ImportScreenContext, rereadFile: Reread): ImportScreenCallbacks {
  let context = initial;
  let started = false;
  /** What the screen's current upload holds; its parts only until an import was started with them. */
  const release = (held: ImportScreenContext): void => {
    held.reviewer.dispose();
    if (held.parts !== undefined && !started) void removePartsFolder(held.parts.folder).catch(() => undefined);
  };
  const reread = async (reading: FileReading): Promise<MappingModel> => {
    const next = await rereadFile(reading);
    release(context);
    context = next.context;
    return next.model;
  };
  const onStarted = (): void => {
    started = true;
  };
  const callbacks = reportingFailures(screenCallbacks(() => context, reread, onStarted), (error) => context.runner.report(COMMANDS.import[context.kind], error)?.message);
  return { ...callbacks, dispose: () => release(context) };
}

function screenCallbacks(current: () => ImportScreenContext, reread: (reading: FileReading) => Promise<MappingModel>, onStarted: () => void): MappingCallbacks {
  return {
    reread,
    review: (mapping) => current().reviewer.review(mapping),
    async createList(name): Promise<ListSummary> {
      const list = await current().client.createList(name.trim());
      return { uuid: list.uuid, name: list.name };
    },
    async startImport(request) {
      const context = current();
      const input = {
        kind: context.kind,
        importUuid: context.importUuid,
        sourcePath: context.uri.fsPath,
        label: context.uri.path.split('/').pop() ?? context.uri.fsPath,
        connection: context.connection,
        headers: context.headers,
        dialect: context.dialect,
        mapping: request.mapping,
        target: request.target,
        contentHash: context.contentHash,
      };
      const parts = context.parts;
      const start = await startImportAsking(context.again, context.client, input, true, undefined, parts === undefined ? undefined : async (keyed) => {
        const parent = await startParts(context.client, context.store, { ...keyed, parts });
        onStarted();
        context.partsRunner.follow(parent.id);
        return parent;
      });
      if ('kept' in start) throw new NotImportedAgain();
      return jobProgressOf(start.started);
    },
    saveMapping: (mapping) => current().memory.remember(current().kind, current().headers, mapping),
    async showInProblems(mapping) {
      const context = current();
      const { report } = await context.reviewer.reviewWithReport(mapping);
      context.diagnostics.show(context.uri, report, context.headerLine);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    },
  };
}

