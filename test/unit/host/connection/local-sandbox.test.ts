// "Try the Local Sandbox" plays the doc server by default and the sister server when the
// environment asks for it (GETSALES_SANDBOX_COMPAT), as the VS Code suites do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { SANDBOX_COMPAT_VAR, startLocalSandbox } from '../../../../src/host/connection/local-sandbox';

async function createListStatus(env: NodeJS.ProcessEnv): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gs-local-sandbox-'));
  const sandbox = await startLocalSandbox(dataDir, env);
  try {
    const response = await fetch(`${sandbox.url}/leads/api/lists`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Compat' }),
    });
    await response.text();
    return response.status;
  } finally {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('local sandbox: compat from the environment', () => {
  it('answers as documented by default (200 for a new list) and as the sister server when asked (201)', async () => {
    assert.equal(await createListStatus({}), 200);
    assert.equal(await createListStatus({ [SANDBOX_COMPAT_VAR]: 'doc' }), 200);
    assert.equal(await createListStatus({ [SANDBOX_COMPAT_VAR]: 'sister' }), 201);
  });

  it('refuses an unknown mode with a message naming the variable', async () => {
    await assert.rejects(startLocalSandbox(join(tmpdir(), 'gs-local-sandbox-never-made'), { [SANDBOX_COMPAT_VAR]: 'real' }), /GETSALES_SANDBOX_COMPAT must be doc or sister \(got "real"\)/);
  });
});
