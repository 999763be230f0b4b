// What crosses the extension's boundary with the server, in the real extension host:
// "GetSales: Check API Compatibility" against both sandbox modes (a Markdown tab, no key,
// nothing written); a server that echoes the key (an HTML error page, a JSON message)
// never gets it into a message, the log, the persisted job store or the report; and an
// account connection honours VS Code's http.proxy / http.noProxy, streamed uploads
// included, through a small CONNECT proxy on 127.0.0.1.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { JOBS_STORAGE_KEY } from '../../src/core/jobs';
import type { GetSalesExtensionApi } from '../../src/host/api';
import { startConnectProxy, type ConnectProxy } from './support/connect-proxy';
import { connectionEnv, sandboxEnv, sandboxModes, setSandboxMode } from './support/env';
import { extensionApi, eventually } from './support/api';

async function addFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxEnv().url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  assert.equal(response.status, 200, `fault accepted: ${await response.text()}`);
}

for (const mode of sandboxModes()) describe(`boundary: compatibility report and an echoing server (${mode} sandbox)`, () => {
  let api: GetSalesExtensionApi;

  before(async () => {
    api = await extensionApi();
    setSandboxMode(mode);
    await api.connection.restore(connectionEnv());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => setSandboxMode('doc'));

  it('opens the compatibility report in a Markdown tab, with every probe and without the key', async () => {
    const report: unknown = await vscode.commands.executeCommand('getsales.checkApiCompatibility');
    assert.equal(typeof report, 'string', `the command returned ${String(report)}; last error: ${api.commands.lastError()?.message ?? 'none'}`);
    const text = String(report);
    for (const endpoint of ['/leads/api/lists', '/leads/api/data-sources', '/leads/api/mass-actions', '/leads/api/tags', '/leads/api/file-exports/{unknown uuid}']) {
      assert.ok(text.includes(endpoint), `${endpoint} is in the report`);
    }
    assert.doesNotMatch(text, /❌/, 'nothing differs from what the extension expects');
    assert.ok(!text.includes(sandboxEnv().apiKey), 'the key is not in the report');
    const editor = await eventually('the report tab', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.languageId === 'markdown' && active.document.isUntitled && active.document.getText() === text ? active : undefined;
    });
    assert.ok(editor.document.isUntitled, 'a new untitled tab: nothing is saved anywhere');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('keeps an echoed key out of the message, the log, the job store and the report', async () => {
    const key = sandboxEnv().apiKey;
    // An error page that quotes the Authorization header, then a JSON message that quotes the key.
    await addFault({ method: 'POST', path: '/leads/api/file-exports/leads', status: 502, body: `<html><pre>authorization: Bearer ${key}</pre></html>` });
    const failed: unknown = await vscode.commands.executeCommand('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
    assert.equal(failed, undefined);
    const reported = api.commands.lastError();
    assert.ok(reported, 'the failure was reported');
    assert.ok(!reported.message.includes(key), reported.message);
    assert.match(reported.message, /502/);

    const job = await vscode.commands.executeCommand<{ id: string; remoteUuid: string } | undefined>('getsales.exportContacts', { filter: { kind: 'all' }, interactive: false });
    assert.ok(job, 'an export started');
    api.poller.pause();
    await addFault({ method: 'GET', path: `/leads/api/mass-actions/${job.remoteUuid}`, count: 2, status: 422, body: JSON.stringify({ error: { reason: 'validation_error', message: `Token ${key} rejected` } }) });
    await vscode.commands.executeCommand('getsales.jobs.refreshJob', job.id);
    assert.match(api.commands.lastError()?.message ?? '', /Token \*\*\* rejected/, 'the echo reached the extension, redacted');
    api.poller.resume(); // the next poll meets the second echo and records it on the job
    await eventually('the echo recorded on the job', () => (/\*\*\*/.test(api.jobs.get(job.id)?.message ?? '') ? true : undefined));
    await api.jobs.flush();

    const stored = JSON.stringify(api.jobStorage.get(JOBS_STORAGE_KEY));
    assert.ok(!stored.includes(key), 'the key is not in the persisted job store');
    assert.ok(!(api.commands.lastError()?.message ?? '').includes(key), 'the key is not in the last message');
    assert.ok(!api.logLines().join('\n').includes(key), 'the key is not in the log');
    const report: unknown = await vscode.commands.executeCommand('getsales.checkApiCompatibility');
    assert.ok(!String(report).includes(key), 'the key is not in the report');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('getsales.jobs.remove', job.id);
  });
});

describe('boundary: an answer the extension cannot read', () => {
  let api: GetSalesExtensionApi;
  let server: Server;
  const KEY = 'odd-server-key-7c1e';

  before(async () => {
    api = await extensionApi();
    // A server whose data-sources answer lacks `data`, and whose mass-actions list is missing (404).
    server = createServer((req, res) => {
      const body = req.url?.startsWith('/leads/api/data-sources') ? { items: [{ id: 'ZQX-odd-uuid', kind: 'csv' }] } : { error: { reason: 'not_found', message: 'Not found' } };
      res.writeHead(req.url?.startsWith('/leads/api/data-sources') ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await api.connection.restore({ GETSALES_SANDBOX_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, GETSALES_SANDBOX_KEY: KEY });
  });

  after(async () => {
    setSandboxMode('doc');
    await api.connection.restore(connectionEnv());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('names the request and the field, logs the shape without values, and offers Check API Compatibility', async () => {
    const added: unknown = await vscode.commands.executeCommand('getsales.jobs.refresh');
    assert.equal(added, undefined, 'Refresh Jobs failed');
    const reported = api.commands.lastError();
    assert.equal(reported?.kind, 'decode');
    assert.match(reported.message, /GET \/leads\/api\/data-sources \(imports\.data: expected an array, got nothing\)/);
    assert.ok(reported.actions.includes('Check API Compatibility'), reported.actions.join(', '));
    const logged = api.logLines().join('\n');
    assert.match(logged, /the answer's shape: \{items: array\(1\) of \{id: string, kind: string\}\}/);
    assert.ok(!logged.includes('ZQX-odd-uuid'), 'no value of the answer in the log');
  });
});

describe('boundary: VS Code proxy settings on an account connection', () => {
  let api: GetSalesExtensionApi;
  let proxy: ConnectProxy;
  let dir: string;
  const http = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('http');
  const getsales = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('getsales');

  before(async () => {
    api = await extensionApi();
    proxy = await startConnectProxy();
    dir = mkdtempSync(join(tmpdir(), 'getsales-proxy-'));
    setSandboxMode('doc');
    await getsales().update('apiBaseUrl', sandboxEnv().url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http().update('noProxy', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('getsales.signOut');
    await getsales().update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
    await api.connection.restore(connectionEnv());
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in, lists and uploads through http.proxy, and goes direct for an http.noProxy host', async () => {
    const target = new URL(sandboxEnv().url).host;
    await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    const signedIn: unknown = await vscode.commands.executeCommand('getsales.signIn', { apiKey: sandboxEnv().apiKey });
    assert.equal(signedIn, true, api.commands.lastError()?.message);
    assert.equal(api.connection.state.mode, 'account');
    const client = api.connection.client;
    assert.ok(client);
    const file = join(dir, 'proxied.csv');
    writeFileSync(file, `First Name,Email\n${Array.from({ length: 5_000 }, (_, i) => `P${i},proxied-${i}@example.com`).join('\n')}\n`);
    await client.uploadCsv({ filePath: file, type: 'csv_leads' });
    assert.ok(proxy.tunnels.length >= 1, 'the proxy saw the requests');
    assert.ok(proxy.tunnels.every((t) => t.target === target), JSON.stringify(proxy.tunnels));
    assert.ok(proxy.tunnels.reduce((sum, t) => sum + t.sent, 0) > 100_000, 'the streamed upload went through the proxy');

    const before = proxy.tunnels.length;
    await http().update('noProxy', [new URL(sandboxEnv().url).hostname], vscode.ConfigurationTarget.Global);
    await eventually('the noProxy setting applies', async () => {
      await client.listLists({ limit: 1 });
      const more = proxy.tunnels.length - before;
      return more === 0 ? true : undefined;
    }, 5_000).catch(async () => {
      // A tunnel opened before the setting arrived may have carried one call; the next must not.
      const count = proxy.tunnels.length;
      await client.listLists({ limit: 1 });
      assert.equal(proxy.tunnels.length, count, 'a noProxy host is reached directly');
    });
  });
});
