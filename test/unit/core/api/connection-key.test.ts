// The connection key kept on import jobs: one per server and account, never the key itself.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LOCAL_SANDBOX_CONNECTION_KEY, connectionKey } from '../../../../src/core/api/connection-key';

const URL = 'https://amazing.getsales.io';
const KEY = 'gs_live_0123456789abcdefghijklmnopqrstuvwxyz';

describe('connectionKey', () => {
  it('is the same for the same server and credentials, and holds neither the key nor the Team ID', () => {
    const key = connectionKey(URL, { apiKey: KEY, teamId: '4711' });
    assert.equal(key, connectionKey(URL, { apiKey: KEY, teamId: '4711' }));
    assert.ok(key.startsWith(`${URL} `));
    assert.equal(connectionKey(`${URL}/`, { apiKey: KEY, teamId: '4711' }), key, 'a trailing slash is the same server');
    assert.ok(!key.includes(KEY) && !key.includes('4711'), key);
  });

  it('differs for another key, another Team ID, no Team ID, or another server', () => {
    const keys = [
      connectionKey(URL, { apiKey: KEY }),
      connectionKey(URL, { apiKey: `${KEY}x` }),
      connectionKey(URL, { apiKey: KEY, teamId: '4711' }),
      connectionKey(URL, { apiKey: KEY, teamId: '4712' }),
      connectionKey('http://127.0.0.1:8787', { apiKey: KEY }),
    ];
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(!keys.includes(LOCAL_SANDBOX_CONNECTION_KEY));
  });
});
