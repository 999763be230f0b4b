import type { KeyValuePort } from '../../../../src/core/key-value-port';
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MAPPING_MEMORY_KEY, MappingMemory, headerFingerprint, proposeMapping } from '../../../../src/core/mapping';

/** An in-memory stand-in for VS Code's globalState that, like it, stores JSON copies. */
class JsonStore implements KeyValuePort {
  readonly data = new Map<string, string>();
  get<T>(key: string): T | undefined {
    const raw = this.data.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.data.set(key, JSON.stringify(value));
  }
}

describe('mapping memory', () => {
  it('fingerprints headers stably, ignoring case, spacing and punctuation but not order', () => {
    assert.equal(headerFingerprint(['First Name', 'E-mail']), headerFingerprint(['first_name', 'E mail ']));
    assert.notEqual(headerFingerprint(['First Name', 'Email']), headerFingerprint(['Email', 'First Name']));
    assert.match(headerFingerprint(['a']), /^[0-9a-f]{32}$/);
  });

  it('proposes a confirmed mapping first the next time the same headers appear', async () => {
    const store = new JsonStore();
    const headers = ['Email', 'Name', 'Notes'];
    await new MappingMemory(store).remember('contacts', headers, ['personal_email', null, 'about']);

    const remembered = new MappingMemory(store).recall('contacts', ['email', 'NAME', 'notes']);
    assert.deepEqual(remembered, ['personal_email', null, 'about']);
    const proposal = proposeMapping({ kind: 'contacts', headers, remembered });
    assert.deepEqual(proposal.mapping, ['personal_email', null, 'about']);
    assert.equal(new MappingMemory(store).recall('companies', headers), undefined, 'kept per kind');
    assert.equal(new MappingMemory(store).recall('contacts', ['Email', 'Name']), undefined);
  });

  it('replaces the entry for the same headers and keeps the newest entries only', async () => {
    const store = new JsonStore();
    const memory = new MappingMemory(store, { maxEntries: 2 });
    await memory.remember('contacts', ['a'], ['work_email']);
    await memory.remember('contacts', ['a'], ['personal_email']);
    await memory.remember('contacts', ['b'], ['work_email']);
    await memory.remember('contacts', ['c'], ['work_email']);
    assert.deepEqual(memory.recall('contacts', ['a']), undefined);
    assert.deepEqual(memory.recall('contacts', ['c']), ['work_email']);
    assert.equal((store.get<unknown[]>(MAPPING_MEMORY_KEY) ?? []).length, 2);
    await memory.forget('contacts', ['c']);
    assert.equal(memory.recall('contacts', ['c']), undefined);
  });

  it('survives garbage in storage and drops fields that no longer exist', async () => {
    const store = new JsonStore();
    store.data.set(MAPPING_MEMORY_KEY, JSON.stringify([42, { kind: 'contacts' }, { kind: 'contacts', fingerprint: headerFingerprint(['x', 'y']), mapping: ['work_email', 'retired_field'] }]));
    const memory = new MappingMemory(store);
    assert.deepEqual(memory.recall('contacts', ['x', 'y']), ['work_email', null]);
    store.data.set(MAPPING_MEMORY_KEY, '"not a list"');
    assert.equal(memory.recall('contacts', ['x', 'y']), undefined);
  });

  it('refuses to save a mapping of the wrong width', async () => {
    await assert.rejects(new MappingMemory(new JsonStore()).remember('contacts', ['a', 'b'], ['work_email']), /2/);
  });

  it('tells listeners when a mapping is remembered or forgotten', async () => {
    const memory = new MappingMemory(new JsonStore());
    let changes = 0;
    const subscription = memory.onDidChange(() => { changes += 1; });
    await memory.remember('contacts', ['Email'], ['work_email']);
    await memory.forget('contacts', ['Email']);
    assert.equal(changes, 2);
    subscription.dispose();
    await memory.remember('contacts', ['Email'], ['work_email']);
    assert.equal(changes, 2, 'not after the listener was disposed');
  });
});
