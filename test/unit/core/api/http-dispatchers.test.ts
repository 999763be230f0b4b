/**
 * The clients' own dispatchers against the real sandbox: the account one goes through
 * (tunnels through) the proxy named by HTTP_PROXY (unless NO_PROXY names the host), the sandbox one talks
 * straight to 127.0.0.1 whatever the environment says, and close() ends both.
 */
import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { createHttpDispatchers, type HttpDispatchers } from '../../../../src/core/api/http-dispatchers';
import { NetworkError } from '../../../../src/core/api';
import { tempDir } from '../csv/helpers';
import { useSandbox } from '../../sandbox/helpers';
import { TEST_KEY, TEST_TEAM, testClient } from './client-helpers';

const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;

/** A tunnelling HTTP proxy (undici's proxy agent always asks for CONNECT) that records the tunnels it opens. */
async function startProxy(): Promise<{ url: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const [host = '', port = ''] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('createHttpDispatchers', () => {
  const api = useSandbox({ apiKey: TEST_KEY, teamId: TEST_TEAM, seed: 'demo', seedContacts: 10, seedCompanies: 1, rateLimitPerMinute: 100_000 });
  const dir = tempDir();
  const saved = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  const opened: HttpDispatchers[] = [];

  before(async () => {
    proxy = await startProxy();
  });
  afterEach(async () => {
    for (const name of PROXY_VARIABLES) {
      const value = saved.get(name);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await Promise.all(opened.splice(0).map((dispatchers) => dispatchers.close()));
    proxy.seen.length = 0;
  });
  after(async () => {
    proxy.server.closeAllConnections();
    await new Promise((resolve) => proxy.server.close(resolve));
  });

  /** Dispatchers made while the environment names the proxy (and NO_PROXY, when given). */
  function dispatchersWith(noProxy?: string): HttpDispatchers {
    for (const name of PROXY_VARIABLES) delete process.env[name];
    process.env.HTTP_PROXY = proxy.url;
    process.env.HTTPS_PROXY = proxy.url;
    if (noProxy !== undefined) process.env.NO_PROXY = noProxy;
    const dispatchers = createHttpDispatchers();
    opened.push(dispatchers);
    return dispatchers;
  }

  it('sends account requests through HTTP_PROXY', async () => {
    const { account } = dispatchersWith();
    const { client } = testClient(api().url, { dispatcher: account });
    const lists = await client.listLists({ limit: 5 });
    assert.ok(lists.items.length > 0);
    assert.deepEqual(proxy.seen, [`CONNECT ${new URL(api().url).host}`]);
  });

  it('goes straight to a host NO_PROXY names', async () => {
    const { account } = dispatchersWith('127.0.0.1');
    const { client } = testClient(api().url, { dispatcher: account });
    await client.listLists({ limit: 5 });
    assert.deepEqual(proxy.seen, []);
  });

  it('sends sandbox requests straight to 127.0.0.1 whatever the proxy settings, uploads included', async () => {
    const { sandbox } = dispatchersWith();
    const { client } = testClient(api().url, { dispatcher: sandbox });
    await client.listLists({ limit: 5 });
    const path = join(dir, 'upload.csv');
    await writeFile(path, 'First Name,Email\r\nAda,ada@example.com\r\n');
    const uploaded = await client.uploadCsv({ filePath: path, type: 'csv_leads' });
    assert.deepEqual(uploaded.csvHeaders, ['First Name', 'Email']);
    assert.deepEqual(proxy.seen, []);
  });

  it('close() ends both: no request goes out afterwards', async () => {
    const dispatchers = dispatchersWith('127.0.0.1');
    await dispatchers.close();
    for (const dispatcher of [dispatchers.account, dispatchers.sandbox]) {
      const { client } = testClient(api().url, { dispatcher, retry: { maxAttempts: 1 } });
      await assert.rejects(client.listLists({ limit: 1 }), NetworkError);
    }
    await dispatchers.close();
  });
});
