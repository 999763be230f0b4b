/**
 * Reads the state a webview saved with `setState`. The WebviewPanelSerializer gets it
 * back after a window reload from disk, possibly written by an older version of this
 * extension, so it is checked like any other untrusted input.
 */
import { PROTOCOL_LIMITS, type RestoreKey, type WebviewState } from './protocol';
import { RECORD_KINDS } from './vocabulary';
import { DecodeError, boolean, nonEmptyString, object, oneOf } from './decode';
import { readFileReading, readMapping, readTarget, type Decoded } from './decode-webview-message';

export function readRestoreKey(value: unknown, path: string): RestoreKey {
  const fields = object(value, path);
  const key: RestoreKey = {
    fileUri: nonEmptyString(fields.fileUri, `${path}.fileUri`, { maxLength: 10_000 }),
    kind: oneOf(fields.kind, `${path}.kind`, RECORD_KINDS),
    importUuid: nonEmptyString(fields.importUuid, `${path}.importUuid`, { maxLength: PROTOCOL_LIMITS.maxFieldName }),
  };
  // Absent in states saved before the screen could re-read a file, or import in parts.
  const withReading = fields.reading === undefined ? key : { ...key, reading: readFileReading(object(fields.reading, `${path}.reading`), `${path}.reading`) };
  return fields.partsId === undefined ? withReading : { ...withReading, partsId: nonEmptyString(fields.partsId, `${path}.partsId`, { maxLength: PROTOCOL_LIMITS.maxFieldName }) };
}

export function decodeWebviewState(value: unknown): Decoded<WebviewState> {
  try {
    const fields = object(value, 'state');
    if (fields.version !== 1) throw new DecodeError('state.version', 'unknown state version');
    const restore = readRestoreKey(fields.restore, 'state.restore');
    const target = readTarget(fields.target, 'state.target');
    if (target.kind !== restore.kind) throw new DecodeError('state.target.kind', 'does not match state.restore.kind');
    return {
      ok: true,
      value: {
        version: 1,
        restore,
        mapping: readMapping(fields.mapping, 'state.mapping'),
        target,
        saveMapping: boolean(fields.saveMapping, 'state.saveMapping'),
        started: boolean(fields.started, 'state.started'),
      },
    };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, reason: error.message };
    throw error;
  }
}
