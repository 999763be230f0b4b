/** The host's decoders for what the webview posts and saves (plain Node, no browser). */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeWebviewMessage } from '../../src/shared/decode-webview-message';
import { decodeWebviewState } from '../../src/shared/decode-webview-state';
import type { WebviewMessage, WebviewState } from '../../src/shared/protocol';

const VALID: readonly WebviewMessage[] = [
  { type: 'ready' },
  { type: 'mappingChanged', revision: 3, mapping: ['work_email', null] },
  { type: 'createList', requestId: 'create-list-1', name: 'Leads' },
  { type: 'startImport', mapping: [null, 'linkedin_id'], target: { kind: 'contacts', listUuid: 'l1', tags: ['a'], updateExisting: false }, saveMapping: true },
  { type: 'startImport', mapping: ['name'], target: { kind: 'companies', listUuids: ['l1', 'l2'], tags: [] }, saveMapping: false },
  { type: 'showInProblems', mapping: ['work_email'] },
  { type: 'closePanel' },
];

function reason(value: unknown): string {
  const decoded = decodeWebviewMessage(value);
  assert.equal(decoded.ok, false, `expected ${JSON.stringify(value)} to be refused`);
  return decoded.ok ? '' : decoded.reason;
}

describe('decodeWebviewMessage', () => {
  it('accepts every message the webview sends, unchanged', () => {
    for (const message of VALID) assert.deepEqual(decodeWebviewMessage(JSON.parse(JSON.stringify(message))), { ok: true, value: message });
  });

  it('drops extra properties instead of passing them on', () => {
    const decoded = decodeWebviewMessage({ type: 'closePanel', apiKey: 'sk-should-not-travel' });
    assert.deepEqual(decoded, { ok: true, value: { type: 'closePanel' } });
  });

  it('trims the new list name', () => {
    const decoded = decodeWebviewMessage({ type: 'createList', requestId: 'r', name: '  Leads  ' });
    assert.ok(decoded.ok && decoded.value.type === 'createList' && decoded.value.name === 'Leads');
  });

  it('refuses what does not fit, naming the path', () => {
    assert.match(reason(null), /^message: expected an object/);
    assert.match(reason('ready'), /^message: expected an object/);
    assert.match(reason({ type: 'launchMissiles' }), /^message\.type: expected one of/);
    assert.match(reason({ type: 'mappingChanged', revision: -1, mapping: [] }), /^mappingChanged\.revision/);
    assert.match(reason({ type: 'mappingChanged', revision: 1.5, mapping: [] }), /^mappingChanged\.revision/);
    assert.match(reason({ type: 'mappingChanged', revision: 1, mapping: ['work_email', 7] }), /^mappingChanged\.mapping\[1\]: expected a string/);
    assert.match(reason({ type: 'mappingChanged', revision: 1, mapping: [''] }), /^mappingChanged\.mapping\[0\]: expected a non-empty string/);
    assert.match(reason({ type: 'createList', requestId: 'r', name: '   ' }), /^createList\.name/);
    assert.match(reason({ type: 'createList', requestId: 'r', name: 'x'.repeat(256) }), /^createList\.name: longer than 255/);
    assert.match(reason({ type: 'startImport', mapping: [], target: { kind: 'people' }, saveMapping: true }), /^startImport\.target\.kind/);
    assert.match(reason({ type: 'startImport', mapping: [], target: { kind: 'contacts', listUuid: 'l', tags: ['ok', ''], updateExisting: true }, saveMapping: true }), /^startImport\.target\.tags\[1\]/);
    assert.match(reason({ type: 'startImport', mapping: [], target: { kind: 'contacts', listUuid: 'l', tags: [], updateExisting: 'yes' }, saveMapping: true }), /^startImport\.target\.updateExisting/);
    assert.match(reason({ type: 'startImport', mapping: [], target: { kind: 'companies', listUuids: [], tags: [] } }), /^startImport\.saveMapping/);
    assert.match(reason({ type: 'showInProblems', mapping: new Array(1001).fill(null) }), /more than 1000 items/);
  });
});

describe('decodeWebviewState', () => {
  const state: WebviewState = {
    version: 1,
    restore: { fileUri: 'file:///w/c.csv', kind: 'contacts', importUuid: 'u1' },
    mapping: ['work_email', null],
    target: { kind: 'contacts', listUuid: null, tags: [], updateExisting: true },
    saveMapping: true,
    started: false,
  };

  it('reads back what the webview saves', () => {
    assert.deepEqual(decodeWebviewState(JSON.parse(JSON.stringify(state))), { ok: true, value: state });
  });

  it('reads back the parts id of a file imported in parts, and refuses one that is not a string', () => {
    const inParts: WebviewState = { ...state, restore: { ...state.restore, partsId: '0b6f4c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e' } };
    assert.deepEqual(decodeWebviewState(JSON.parse(JSON.stringify(inParts))), { ok: true, value: inParts });
    const decoded = decodeWebviewState({ ...state, restore: { ...state.restore, partsId: 7 } });
    assert.match(decoded.ok ? 'accepted' : decoded.reason, /^state\.restore\.partsId/);
  });

  it('refuses other versions, missing restore keys, and a target of the other kind', () => {
    const refused = (value: unknown): string => {
      const decoded = decodeWebviewState(value);
      return decoded.ok ? 'accepted' : decoded.reason;
    };
    assert.match(refused({ ...state, version: 2 }), /^state\.version/);
    assert.match(refused({ ...state, restore: { kind: 'contacts', importUuid: 'u1' } }), /^state\.restore\.fileUri/);
    assert.match(refused({ ...state, target: { kind: 'companies', listUuids: [], tags: [] } }), /^state\.target\.kind: does not match/);
    assert.match(refused(undefined), /^state: expected an object/);
  });
});
