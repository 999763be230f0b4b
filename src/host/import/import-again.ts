/**
 * Starting an import, but not the same one twice by accident: when this connection
 * already imported identical content of the same kind into the same list(s) (see
 * core/import/previous-import.ts), a modal question asks first: Import Anyway starts it;
 * Show Previous Import reveals the earlier job in the Jobs view and starts nothing;
 * Cancel or Escape starts nothing. Scripts that do not ask get a log line instead.
 */
import * as vscode from 'vscode';
import type { GetSalesClient } from '../../core/api';
import { fetchAllLists } from '../../core/api/account-lists';
import { type Job, type JobStore } from '../../core/jobs';
import { importTargetOf, startImport, type StartImportInput } from '../../core/import/start-import';
import { findPreviousImport, targetLists } from '../../core/import/previous-import';
import { readImportJobData } from '../../core/import/import-job-data';
import { IMPORT_ANYWAY, SHOW_PREVIOUS_IMPORT, importAgainQuestion } from '../../core/import/previous-import-question';
import { messageOf } from '../../core/message-of';
import { COMMANDS } from '../ids';
import type { Log } from '../log';
import type { ModalQuestions } from '../modal-questions';

export interface ImportAgainServices {
  readonly store: JobStore;
  readonly questions: ModalQuestions;
  readonly log: Pick<Log, 'info' | 'warn'>;
  /** The current connection's key (ConnectionService.connectionKey). */
  readonly connectionKey: () => Promise<string | undefined>;
}

export type ImportStartClient = Pick<GetSalesClient, 'importContacts' | 'importCompanies' | 'listLists'>;

/** The job started, or the earlier import the user chose to keep (nothing was started). */
export type ImportStart =
  | { readonly started: Job }
  | { readonly kept: Job };

/** The user chose not to import again; the screen shows this beside Start, and no error is reported. */
export class NotImportedAgain extends vscode.CancellationError {
  constructor() {
    super();
    this.message = 'Not imported again: nothing was started on GetSales.';
  }
}

/**
 * Starts the import (`start`: one file, or a file in parts) unless identical content went
 * to the same list(s) before and the user, asked (`ask`), keeps the earlier import.
 * Without `ask` it starts, and logs it.
 */
export async function startImportAsking(
  services: ImportAgainServices, client: ImportStartClient, input: Omit<StartImportInput, 'connectionKey'>, ask: boolean, signal?: AbortSignal,
  start: (input: StartImportInput) => Promise<Job> = (keyed) => startImport(client, services.store, keyed, signal),
): Promise<ImportStart> {
  const connectionKey = await services.connectionKey();
  // A file imported in parts is one import: its parent, not its parts, is the earlier import.
  const imports = services.store.all().filter((job) => job.parentId === undefined);
  const previous = connectionKey === undefined || input.contentHash === undefined
    ? undefined
    : findPreviousImport(imports, { kind: input.kind, contentHash: input.contentHash, connectionKey, target: importTargetOf(input.target) });
  if (previous !== undefined && ask) {
    const answer = await askImportAgain(services, client, previous);
    if (answer !== IMPORT_ANYWAY) {
      services.log.info(`Import: ${input.label} not imported again (identical content went to the same list(s) as ${previous.label}, ${previous.remoteUuid}).`);
      if (answer === SHOW_PREVIOUS_IMPORT) await vscode.commands.executeCommand(COMMANDS.jobs.reveal, previous.id);
      return { kept: previous };
    }
  } else if (previous !== undefined) {
    services.log.info(`Import: ${input.label} has the content ${previous.label} (${previous.remoteUuid}) imported into the same list(s); a scripted import does not ask, so it starts again.`);
  }
  return { started: await start({ ...input, connectionKey }) };
}

async function askImportAgain(services: ImportAgainServices, client: ImportStartClient, previous: Job): Promise<string | undefined> {
  const target = readImportJobData(previous)?.target;
  const names = await listNames(services, client, target === undefined ? [] : targetLists(target));
  return services.questions.ask(importAgainQuestion(previous, names, Date.now()), IMPORT_ANYWAY, SHOW_PREVIOUS_IMPORT);
}

/** The lists' names as the account has them now; undefined for a list not found (the question then says "the same list"). */
async function listNames(services: ImportAgainServices, client: ImportStartClient, uuids: readonly string[]): Promise<(string | undefined)[]> {
  if (uuids.length === 0) return [];
  try {
    const lists = await fetchAllLists(client);
    return uuids.map((uuid) => lists.find((list) => list.uuid === uuid)?.name);
  } catch (error) {
    services.log.warn(`Import: the list names for the question could not be read (${messageOf(error)}).`);
    return uuids.map(() => undefined);
  }
}
