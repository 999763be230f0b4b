/**
 * The account dispatcher routes requests as VS Code's proxy settings say: through
 * `http.proxy`, around it for `http.noProxy` hosts, through HTTPS_PROXY / HTTP_PROXY when
 * the setting is empty, and a settings change applies to the next request. Streamed
 * uploads take the same route. A real CONNECT proxy on 127.0.0.1 records the tunnels.
 */
import { describe, it, before, after } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpDispatchers, describeProxy, proxyDispatcher } from '../../../../src/core/api/http-dispatchers';
import { startConnectProxy, type ConnectProxy } from '../../../integration/support/connect-proxy';
import { sendJson, startScriptedServer, type ScriptedServer } from './scripted-server';
import { testClient } from './client-helpers';

let server: ScriptedServer | undefined;
let proxy: ConnectProxy | undefined;

before(async () => {
  server = await startScriptedServer((req, res) => {
    if (req.url?.startsWith('/leads/api/file-imports/upload-csv')) {
      req.resume();
      req.on('end', () => sendJson(res, 200, { uuid: 'u1', csv_headers: ['Email'] }));
      return;
    }
    sendJson(res, 200, { data: [], total: 0 });
  });
  proxy = await startConnectProxy();
});
after(async () => {
  await proxy?.close();
  await server?.close();
});

function target(): string {
  assert.ok(server);
  return new URL(server.url).host;
}

describe('account dispatcher and VS Code proxy settings', () => {
  it('sends every request, a streamed upload included, through http.proxy', async () => {
    assert.ok(server && proxy);
    const dispatchers = createHttpDispatchers({ proxy: proxy.url, strictSSL: true, noProxy: [] });
    const dir = await mkdtemp(join(tmpdir(), 'gs-proxy-'));
    try {
      const { client } = testClient(server.url, { dispatcher: dispatchers.account });
      const before = proxy.tunnels.length;
      await client.listLists();
      const file = join(dir, 'big.csv');
      await writeFile(file, `Email\n${'someone@example.com\n'.repeat(20_000)}`);
      await client.uploadCsv({ filePath: file, type: 'csv_leads' });
      const used = proxy.tunnels.slice(before);
      assert.ok(used.length >= 1, 'the proxy saw the requests');
      assert.ok(used.every((t) => t.target === target()), JSON.stringify(used));
      assert.ok(used.reduce((sum, t) => sum + t.sent, 0) > 400_000, 'the upload body went through the tunnel');
    } finally {
      await dispatchers.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('goes direct for a host in http.noProxy, and follows a change of the settings', async () => {
    assert.ok(server && proxy);
    const dispatchers = createHttpDispatchers({ proxy: proxy.url, strictSSL: true, noProxy: ['127.0.0.1'] });
    try {
      const { client } = testClient(server.url, { dispatcher: dispatchers.account });
      const before = proxy.tunnels.length;
      await client.listLists();
      assert.equal(proxy.tunnels.length, before, 'no tunnel for a noProxy host');
      dispatchers.reconfigure({ proxy: proxy.url, strictSSL: false, noProxy: [] });
      await client.listLists();
      assert.equal(proxy.tunnels.length, before + 1, 'the new settings apply to the next request');
    } finally {
      await dispatchers.close();
    }
  });

  it('uses HTTPS_PROXY / HTTP_PROXY and NO_PROXY when http.proxy is empty', async () => {
    assert.ok(server && proxy);
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy };
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.http_proxy;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const viaEnv = proxyDispatcher({ proxy: '', strictSSL: true, noProxy: [] });
    const excluded = proxyDispatcher({ proxy: '', strictSSL: true, noProxy: [] });
    try {
      const before = proxy.tunnels.length;
      await testClient(server.url, { dispatcher: viaEnv }).client.listLists();
      assert.equal(proxy.tunnels.length, before + 1, 'HTTP_PROXY is honoured');
      process.env.NO_PROXY = '127.0.0.1'; // undici reads NO_PROXY again when it changes
      await testClient(server.url, { dispatcher: excluded }).client.listLists();
      assert.equal(proxy.tunnels.length, before + 1, 'NO_PROXY is honoured');
      assert.match(describeProxy({ proxy: '', strictSSL: true, noProxy: [] }, process.env), /from the environment/);
      assert.equal(describeProxy({ proxy: 'http://user:secret@proxy.corp:8080', strictSSL: true, noProxy: [] }, {}), 'proxy http://proxy.corp:8080 (http.proxy)');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await Promise.all([viaEnv.close(), excluded.close()]);
    }
  });
});
