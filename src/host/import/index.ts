/**
 * The import feature: Import Contacts…/Companies… (Explorer, editor menus, palette), the
 * mapping screen and its restore after a reload, live job progress in the screen, the
 * "GetSales" diagnostics, Show Errors / Import Fixed Rows / Open Source CSV on jobs, and
 * the remembered mapping shown on a CSV's header line.
 */
import * as vscode from 'vscode';
import { MappingMemory } from '../../core/mapping';
import type { HostServices } from '../services';
import { registerImportJobCommands } from './error-commands';
import { COMMANDS } from '../ids';
import { registerImportCommands } from './import-commands';
import { registerMappingInEditor } from './csv-editor-hints';
import { ImportDiagnostics } from './import-diagnostics';
import type { ImportDeps } from './import-flow';
import { feedJobProgressToPanels } from './mapping-screen/job-progress';
import { registerMappingPanelSerializer } from './mapping-screen/mapping-panel-serializer';
import { restoreMappingScreen } from './mapping-screen/restore-mapping';
import { sweepPartsFolders } from '../../core/import/parts/part-files';

export type { ImportOutcome } from './import-flow';

export function registerImportFeature(host: HostServices): vscode.Disposable {
  const diagnostics = new ImportDiagnostics();
  // Part files nobody needs any more (a crashed window's screen, a job list cleared elsewhere).
  const known = new Set(host.jobs.all().flatMap((job) => (job.parts === undefined ? [] : [job.parts.folder])));
  void sweepPartsFolders(host.partsRoot, known).then((removed) => {
    if (removed.length > 0) host.log.info(`Import: removed ${removed.length} old parts folder(s) no job needs.`);
  });
  const deps: ImportDeps = {
    store: host.jobs,
    memory: new MappingMemory(host.context.globalState),
    diagnostics,
    log: host.log,
    runner: host.runner,
    extensionUri: host.context.extensionUri,
    questions: host.questions,
    connectionKey: () => host.connection.connectionKey(),
    parts: host.parts,
    partsRoot: host.partsRoot,
  };
  return vscode.Disposable.from(
    diagnostics,
    registerImportCommands({ ...deps, connection: host.connection }),
    registerImportJobCommands({ runner: host.runner, store: host.jobs, parts: host.parts }),
    registerMappingPanelSerializer((state) => restoreMappingScreen(deps, host.connection, state), {
      extensionUri: host.context.extensionUri,
      log: (line) => host.log.info(line),
    }),
    feedJobProgressToPanels(host.jobs),
    registerMappingInEditor(deps.memory),
    host.notifier.addAction({
      title: 'Show Errors',
      applies: (job) => job.kind === 'import' && job.status !== 'done' && job.sourcePath !== undefined && (job.rowErrors.length > 0 || (job.counts?.errors ?? 0) > 0),
      run: (job) => vscode.commands.executeCommand(COMMANDS.import.showErrors, job.id),
    }),
  );
}
