/**
 * Starts an uploaded import on GetSales (import-leads / import-companies) with the
 * confirmed mapping, and records it in the job store, where the poller follows it and
 * the Jobs view shows it. The job keeps what "Show Errors" and "Import fixed rows" need.
 */
import type { GetSalesClient } from '../api';
import { type CsvDialect } from '../csv';
import { toApiColumns } from '../mapping';
import { type Job, type JobConnection, type JobStore, type JsonValue, importStartPatch } from '../jobs';
import type { ColumnMapping, RecordKind, TargetState } from '../../shared/protocol';
import { type ImportTarget, importJobData } from './import-job-data';

export interface StartImportInput {
  readonly kind: RecordKind;
  readonly importUuid: string;
  readonly sourcePath: string;
  readonly label: string;
  readonly connection: JobConnection;
  readonly headers: readonly string[];
  readonly dialect: CsvDialect;
  readonly mapping: ColumnMapping;
  readonly target: TargetState;
  /** The uploaded bytes' hash and the connection's key, kept so importing the same content again asks first. */
  readonly contentHash?: string;
  readonly connectionKey?: string;
  /** One part of a file imported in parts: the parent job's id. */
  readonly parentId?: string;
}

export function importTargetOf(target: TargetState): ImportTarget {
  return target.kind === 'contacts'
    ? { listUuid: target.listUuid ?? undefined, listUuids: [], tags: target.tags, updateExisting: target.updateExisting }
    : { listUuid: undefined, listUuids: target.listUuids, tags: target.tags, updateExisting: true };
}

/** What the job keeps of the import (see import-job-data.ts). */
export function jobDataOf(input: Pick<StartImportInput, 'mapping' | 'headers' | 'dialect' | 'target' | 'contentHash' | 'connectionKey'>): Record<string, JsonValue> {
  return importJobData({
    mapping: input.mapping,
    headers: input.headers,
    encoding: input.dialect.encoding,
    delimiter: input.dialect.delimiter,
    sepLine: input.dialect.sepLine === true,
    target: importTargetOf(input.target),
    contentHash: input.contentHash,
    connectionKey: input.connectionKey,
  });
}

/** The screen's target again, from what a job keeps (a part of a file imported in parts starts with its parent's). */
export function targetStateOf(kind: RecordKind, target: ImportTarget): TargetState {
  return kind === 'contacts'
    ? { kind, listUuid: target.listUuid ?? null, tags: [...target.tags], updateExisting: target.updateExisting }
    : { kind, listUuids: [...target.listUuids], tags: [...target.tags] };
}

export type ImportStarter = Pick<GetSalesClient, 'importContacts' | 'importCompanies'>;

export async function startImport(client: ImportStarter, store: JobStore, input: StartImportInput, signal?: AbortSignal): Promise<Job> {
  const columns = toApiColumns(input.mapping);
  const { target } = input;
  const tags = target.tags.length > 0 ? target.tags : undefined;
  const remote = target.kind === 'contacts'
    ? await client.importContacts(input.importUuid, { columns, listUuid: target.listUuid ?? undefined, tags, updateIfExists: target.updateExisting }, signal)
    : await client.importCompanies(input.importUuid, { columns, listUuids: target.listUuids.length > 0 ? target.listUuids : undefined, tags }, signal);
  return store.addImport({
    parentId: input.parentId,
    entity: input.kind,
    connection: input.connection,
    remoteUuid: remote.uuid,
    label: input.label,
    remoteStatus: remote.rawStatus,
    sourcePath: input.sourcePath,
    data: jobDataOf(input),
    state: importStartPatch(remote),
  });
}
