/** The pickers' lists: every page of the account's lists, through the real client and sandbox. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fetchAllLists, fetchAllTags } from '../../../../src/core/api/account-lists';
import { CancelledError } from '../../../../src/core/api';
import { useSandbox } from '../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from './client-helpers';

describe('fetchAllLists', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'none', rateLimitPerMinute: 100_000 });

  /** Creates lists named `${prefix} ${i}` for i in [from, to), a few requests at a time; returns uuid → name. */
  async function createLists(prefix: string, from: number, to: number): Promise<Map<string, string>> {
    const created = new Map<string, string>();
    for (let start = from; start < to; start += 50) {
      const names = Array.from({ length: Math.min(50, to - start) }, (_, i) => `${prefix} ${start + i}`);
      const uuids = await Promise.all(names.map((name) => api().createList(name)));
      uuids.forEach((uuid, i) => created.set(uuid, names[i] ?? ''));
    }
    return created;
  }

  it('is empty for an account without lists, after one request', async () => {
    const { client, log } = testClient(api().url);
    assert.deepEqual(await fetchAllLists(client), []);
    assert.equal(log.filter((line) => line.message.includes('/leads/api/lists')).length, 1, JSON.stringify(log));
  });

  it('reads every page (the API gives 100 at most per page)', async () => {
    const created = await createLists('List', 0, 250);
    const { client } = testClient(api().url);
    const lists = await fetchAllLists(client);
    assert.equal(lists.length, 250);
    assert.equal(new Set(lists.map((list) => list.uuid)).size, 250, 'no list twice');
    for (const list of lists) {
      assert.equal(list.name, created.get(list.uuid));
    }
  });

  it('stops at 1,000 lists, however many the account has', async () => {
    const have = (await api().get('/leads/api/lists?limit=1')).body.total as number;
    await createLists('Bulk', have, 1_050);
    const { client } = testClient(api().url);
    const lists = await fetchAllLists(client);
    assert.equal(lists.length, 1_000);
  });

  it('passes cancellation on', async () => {
    const { client } = testClient(api().url);
    await assert.rejects(fetchAllLists(client, AbortSignal.abort()), CancelledError);
  });
});

for (const compat of ['doc', 'sister'] as const) describe(`fetchAllTags against the ${compat} sandbox`, () => {
  const api = useSandbox({ apiKey: TEST_KEY, seed: 'none', faults: true, rateLimitPerMinute: 100_000, compat });

  it('reads the account tags as uuid and name, which an import then sends by uuid', async () => {
    for (const name of ['vip', 'webinar-2026']) assert.equal((await api().post('/__sandbox/tags', { name })).status, 200);
    const { client } = testClient(api().url);
    const tags = await fetchAllTags(client);
    const vip = tags.find((tag) => tag.name === 'vip');
    assert.ok(vip, JSON.stringify(tags));
    assert.deepEqual(Object.keys(vip).sort(), ['name', 'uuid']);
    assert.notEqual(vip.uuid, 'vip');
  });

  it('gives no tags (and one log line) where the server has no tags endpoint, instead of failing', async () => {
    const lines: string[] = [];
    const { client } = testClient(`${api().url}/no-such-prefix`);
    assert.deepEqual(await fetchAllTags(client, undefined, (line) => lines.push(line)), []);
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /Tags are not available here/);
  });
});
