// Connecting, in the real extension host against the harness's sandbox: sign in with the
// sandbox key (verified, stored) and with a wrong key (clear error, nothing stored),
// sign out, the local sandbox started and stopped by command, and the key never in the log.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { GetSalesExtensionApi } from '../../src/host/api';
import { sandboxEnv } from './support/env';
import { extensionApi } from './support/api';

const WRONG_KEY = 'gs-wrong-key-0f3e9a1c77';


async function setApiBaseUrl(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('getsales').update('apiBaseUrl', value, vscode.ConfigurationTarget.Global);
}

describe('connect: sign in, sign out, sandbox mode', () => {
  let api: GetSalesExtensionApi;

  before(async () => {
    api = await extensionApi();
  });

  after(async () => {
    await api.connection.signOut();
    await setApiBaseUrl(undefined);
    await api.connection.restore(process.env);
  });

  it('connects to the sandbox from the environment at activation, in sandbox mode, key in memory only', async () => {
    const { url } = sandboxEnv();
    const state = api.connection.state;
    assert.equal(state.mode, 'sandbox');
    assert.ok(state.mode === 'sandbox' && !state.local && state.baseUrl === url);
    assert.equal(await api.connection.hasStoredCredentials(), false, 'the sandbox key is not stored');
  });

  it('rejects a wrong key with a clear message and stores nothing', async () => {
    await setApiBaseUrl(sandboxEnv().url);
    await api.connection.signOut();
    await api.connection.restore(process.env);
    const result: unknown = await vscode.commands.executeCommand('getsales.signIn', { apiKey: WRONG_KEY });
    assert.equal(result, undefined, 'the command reports the failure instead of succeeding');
    const error = api.commands.lastError();
    assert.equal(error?.command, 'getsales.signIn');
    assert.match(error?.message ?? '', /did not accept this API key/);
    assert.equal(await api.connection.hasStoredCredentials(), false);
    assert.equal(api.connection.state.mode, 'sandbox', 'the connection did not change');
  });

  it('signs in with the sandbox key: checked against the API, stored, account mode', async () => {
    const { url, apiKey } = sandboxEnv();
    await setApiBaseUrl(url);
    const result: unknown = await vscode.commands.executeCommand('getsales.signIn', { apiKey });
    assert.equal(result, true);
    assert.equal(api.connection.state.mode, 'account');
    assert.equal(await api.connection.hasStoredCredentials(), true);
    const lists = await api.connection.requireClient().listLists({ limit: 1 });
    assert.ok(lists.total > 0, 'the account client reaches the sandbox with the stored key');
  });

  it('signs out: the key is deleted and the account connection ends', async () => {
    const result: unknown = await vscode.commands.executeCommand('getsales.signOut');
    assert.equal(result, true);
    assert.equal(await api.connection.hasStoredCredentials(), false);
    assert.equal(api.connection.state.mode, 'signedOut');
  });

  it('starts the local sandbox on 127.0.0.1 with demo data, and Disconnect stops it', async () => {
    const started: unknown = await vscode.commands.executeCommand('getsales.trySandbox');
    assert.equal(started, true);
    const state = api.connection.state;
    assert.ok(state.mode === 'sandbox' && state.local, 'connected to a local sandbox');
    assert.match(state.baseUrl, /^http:\/\/127\.0\.0\.1:\d+/);
    const lists = await api.connection.requireClient().listLists({ limit: 5 });
    assert.ok(lists.items.length > 0, 'the demo data has lists');

    assert.equal(await vscode.commands.executeCommand('getsales.disconnect'), true);
    assert.equal(api.connection.state.mode, 'signedOut');
    await assert.rejects(fetch(`${state.baseUrl}/leads/api/lists`), 'the local sandbox no longer listens');
  });

  it('never writes a key to the log, though every request is logged', () => {
    const lines = api.logLines();
    const log = lines.join('\n');
    assert.match(log, /GET \/leads\/api\/lists → 200/, 'requests are logged');
    assert.match(log, /GET \/leads\/api\/lists → 401/, 'the rejected sign-in is logged');
    assert.ok(!log.includes(sandboxEnv().apiKey), 'the sandbox key is not in the log');
    assert.ok(!log.includes(WRONG_KEY), 'a rejected key is not in the log');
  });
});
