// The extension, loaded in a real VS Code: it activates, what the manifest contributes
// is what it registers, its views open, and the extension host reaches the sandbox.
import { strict as assert } from 'node:assert';
import { describe, it, before } from 'mocha';
import * as vscode from 'vscode';
import { VIEWS, allCommandIds } from '../../src/host/ids';
import { activateExtension, contributedCommands, contributedViews } from './support/extension';
import { sandboxEnv } from './support/env';

describe('smoke: the extension in VS Code', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    extension = await activateExtension();
  });

  // before() awaited activation: a throwing activate() fails every test here.

  it('registers every command it contributes', async () => {
    const contributed = contributedCommands(extension);
    // Read from the loaded manifest: an empty list would make the check below vacuous.
    assert.deepEqual([...contributed].sort(), allCommandIds().sort(), 'the loaded manifest contributes the commands of the id table');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed in package.json but not registered');
  });

  it('contributes every getsales.* command it registers', async () => {
    const contributed = new Set(contributedCommands(extension));
    // VS Code itself registers `<viewId>.focus`, `.resetViewLocation`… for each view.
    const viewPrefixes = contributedViews(extension).map((id) => `${id}.`);
    const extra = (await vscode.commands.getCommands(true))
      .filter((command) => command.startsWith('getsales.'))
      .filter((command) => !contributed.has(command) && !viewPrefixes.some((prefix) => command.startsWith(prefix)));
    assert.deepEqual(extra, [], 'registered but not contributed in package.json');
  });

  it('opens every view it contributes', async () => {
    assert.deepEqual(contributedViews(extension), Object.values(VIEWS), 'the loaded manifest contributes the Jobs view');
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributedViews(extension)) {
      assert.ok(registered.has(`${id}.focus`), `view ${id} has no focus command: the view does not exist`);
      await vscode.commands.executeCommand(`${id}.focus`);
    }
  });

  it('reaches the sandbox from the extension host, and the sandbox checks the key', async () => {
    const { url, apiKey } = sandboxEnv();
    const ok = await fetch(`${url}/leads/api/lists?limit=1`, { headers: { Authorization: `Bearer ${apiKey}` } });
    assert.equal(ok.status, 200);
    const body: unknown = await ok.json();
    assert.ok(typeof body === 'object' && body !== null && Array.isArray((body as { data?: unknown }).data), 'a list page has a data array');

    const denied = await fetch(`${url}/leads/api/lists?limit=1`, { headers: { Authorization: 'Bearer not-the-key' } });
    assert.equal(denied.status, 401);
    await denied.body?.cancel();
  });
});
