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
  type FileReading,
  type TargetState,
  type WebviewMessage,
  type WebviewMessageType,
} from './protocol';
import { RECORD_KINDS } from './vocabulary';
import { DecodeError, arrayOf, boolean, count, nonEmptyString, nullable, object, oneOf } from './decode';
import { CSV_ENCODINGS } from './csv-encodings';

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const MESSAGE_TYPES: readonly WebviewMessageType[] = ['ready', 'mappingChanged', 'createList', 'startImport', 'showInProblems', 'rereadFile', 'closePanel'];

export function readMapping(value: unknown, path: string): ColumnMapping {
  return arrayOf(value, path, (entry, at) => nullable(entry, at, readFieldName), { maxItems: PROTOCOL_LIMITS.maxColumns });
}

function readFieldName(value: unknown, path: string): string {
  return nonEmptyString(value, path, { maxLength: PROTOCOL_LIMITS.maxFieldName });
}

function readTags(value: unknown, path: string): string[] {
  return arrayOf(value, path, (entry, at) => nonEmptyString(entry, at, { maxLength: PROTOCOL_LIMITS.maxTagLength }), { maxItems: PROTOCOL_LIMITS.maxTags });
}

function readUuid(value: unknown, path: string): string {
  return nonEmptyString(value, path, { maxLength: PROTOCOL_LIMITS.maxFieldName });
}

export function readTarget(value: unknown, path: string): TargetState {
  const fields = object(value, path);
  const kind = oneOf(fields.kind, `${path}.kind`, RECORD_KINDS);
  switch (kind) {
    case 'contacts':
      return {
        kind,
        listUuid: nullable(fields.listUuid, `${path}.listUuid`, readUuid),
        tags: readTags(fields.tags, `${path}.tags`),
        updateExisting: boolean(fields.updateExisting, `${path}.updateExisting`),
      };
    case 'companies':
      return {
        kind,
        listUuids: arrayOf(fields.listUuids, `${path}.listUuids`, readUuid, { maxItems: PROTOCOL_LIMITS.maxLists }),
        tags: readTags(fields.tags, `${path}.tags`),
      };
    default:
      return assertNever(kind, 'import kind');
  }
}

export function readFileReading(fields: Readonly<Record<string, unknown>>, path: string): FileReading {
  return {
    encoding: oneOf(fields.encoding, `${path}.encoding`, CSV_ENCODINGS),
    neutraliseFormulas: boolean(fields.neutraliseFormulas, `${path}.neutraliseFormulas`),
  };
}

function readMessage(value: unknown): WebviewMessage {
  const fields = object(value, 'message');
  const type = oneOf(fields.type, 'message.type', MESSAGE_TYPES);
  switch (type) {
    case 'ready':
    case 'closePanel':
      return { type };
    case 'mappingChanged':
      return { type, revision: count(fields.revision, `${type}.revision`), mapping: readMapping(fields.mapping, `${type}.mapping`) };
    case 'createList':
      return {
        type,
        requestId: nonEmptyString(fields.requestId, `${type}.requestId`, { maxLength: PROTOCOL_LIMITS.maxRequestId }),
        name: nonEmptyString(fields.name, `${type}.name`, { maxLength: PROTOCOL_LIMITS.maxListName }).trim(),
      };
    case 'startImport':
      return {
        type,
        mapping: readMapping(fields.mapping, `${type}.mapping`),
        target: readTarget(fields.target, `${type}.target`),
        saveMapping: boolean(fields.saveMapping, `${type}.saveMapping`),
      };
    case 'showInProblems':
      return { type, mapping: readMapping(fields.mapping, `${type}.mapping`) };
    case 'rereadFile':
      return { type, ...readFileReading(fields, type) };
    default:
      return assertNever(type, 'message type');
  }
}

export function decodeWebviewMessage(value: unknown): Decoded<WebviewMessage> {
  try {
    return { ok: true, value: readMessage(value) };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, reason: error.message };
    throw error;
  }
}

