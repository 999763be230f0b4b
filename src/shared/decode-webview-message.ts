/**
 * The host's gate for everything the mapping screen posts: returns a typed message or
 * the reason it was refused. The host drops (and logs) refused messages; it never acts
 * on a shape it did not check. Checks here are structural; whether a field name exists
 * in the catalogue or a column index is in range is the panel's job (it knows the model).
 */
import {
  PROTOCOL_LIMITS,
  assertNever,
  type ColumnMapping,
  type ImportKind,
  type TargetState,
  type WebviewMessage,
  type WebviewMessageType,
} from './protocol';
import { ProtocolError, flag, index, listOf, nonEmptyText, oneOf, record } from './readers';

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const MESSAGE_TYPES: readonly WebviewMessageType[] = ['ready', 'mappingChanged', 'createList', 'startImport', 'showInProblems', 'closePanel'];
const KINDS: readonly ImportKind[] = ['contacts', 'companies'];

export function readMapping(value: unknown, path: string): ColumnMapping {
  return listOf(value, path, PROTOCOL_LIMITS.maxColumns, (entry, at) => (entry === null ? null : nonEmptyText(entry, at, PROTOCOL_LIMITS.maxFieldName)));
}

function readTags(value: unknown, path: string): string[] {
  return listOf(value, path, PROTOCOL_LIMITS.maxTags, (entry, at) => nonEmptyText(entry, at, PROTOCOL_LIMITS.maxTagLength));
}

function readUuid(value: unknown, path: string): string {
  return nonEmptyText(value, path, PROTOCOL_LIMITS.maxFieldName);
}

export function readTarget(value: unknown, path: string): TargetState {
  const fields = record(value, path);
  const kind = oneOf(fields.kind, `${path}.kind`, KINDS);
  switch (kind) {
    case 'contacts':
      return {
        kind,
        listUuid: fields.listUuid === null ? null : readUuid(fields.listUuid, `${path}.listUuid`),
        tags: readTags(fields.tags, `${path}.tags`),
        updateExisting: flag(fields.updateExisting, `${path}.updateExisting`),
      };
    case 'companies':
      return {
        kind,
        listUuids: listOf(fields.listUuids, `${path}.listUuids`, PROTOCOL_LIMITS.maxLists, readUuid),
        tags: readTags(fields.tags, `${path}.tags`),
      };
    default:
      return assertNever(kind, 'import kind');
  }
}

function readMessage(value: unknown): WebviewMessage {
  const fields = record(value, 'message');
  const type = oneOf(fields.type, 'message.type', MESSAGE_TYPES);
  switch (type) {
    case 'ready':
    case 'closePanel':
      return { type };
    case 'mappingChanged':
      return { type, revision: index(fields.revision, `${type}.revision`), mapping: readMapping(fields.mapping, `${type}.mapping`) };
    case 'createList':
      return {
        type,
        requestId: nonEmptyText(fields.requestId, `${type}.requestId`, PROTOCOL_LIMITS.maxRequestId),
        name: nonEmptyText(fields.name, `${type}.name`, PROTOCOL_LIMITS.maxListName).trim(),
      };
    case 'startImport':
      return {
        type,
        mapping: readMapping(fields.mapping, `${type}.mapping`),
        target: readTarget(fields.target, `${type}.target`),
        saveMapping: flag(fields.saveMapping, `${type}.saveMapping`),
      };
    case 'showInProblems':
      return { type, mapping: readMapping(fields.mapping, `${type}.mapping`) };
    default:
      return assertNever(type, 'message type');
  }
}

export function decodeWebviewMessage(value: unknown): Decoded<WebviewMessage> {
  try {
    return { ok: true, value: readMessage(value) };
  } catch (error) {
    if (error instanceof ProtocolError) return { ok: false, reason: error.message };
    throw error;
  }
}

