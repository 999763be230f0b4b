import { describe, it, beforeEach, afterEach } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { STALE_TEMP_MS, publishWithoutOverwrite, streamToFileAtomic, writeFileAtomic } from '../../../../src/core/files/atomic-file';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'gs-atomic-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('atomic files', () => {
  it('writes a new file and never replaces an existing one', async () => {
    const first = await writeFileAtomic(join(dir, 'a.csv'), 'one');
    const second = await writeFileAtomic(join(dir, 'a.csv'), 'two');
    assert.equal(first, join(dir, 'a.csv'));
    assert.equal(second, join(dir, 'a (1).csv'));
    assert.equal(await readFile(first, 'utf8'), 'one');
    assert.equal(await readFile(second, 'utf8'), 'two');
    assert.deepEqual((await readdir(dir)).sort(), ['a (1).csv', 'a.csv']);
  });

  it('replaces only when asked to', async () => {
    await writeFile(join(dir, 's.json'), 'old');
    await writeFileAtomic(join(dir, 's.json'), 'new', { overwrite: true });
    assert.equal(await readFile(join(dir, 's.json'), 'utf8'), 'new');
    assert.deepEqual(await readdir(dir), ['s.json']);
  });

  it('streams into place and reports the byte count', async () => {
    const result = await streamToFileAtomic(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), join(dir, 'x.csv'));
    assert.deepEqual(result, { path: join(dir, 'x.csv'), bytes: 4 });
    assert.equal(await readFile(result.path, 'utf8'), 'abcd');
  });

  it('leaves nothing behind when the stream fails, verify rejects, or the signal aborts', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('partial');
      throw new Error('socket hang up');
    }
    await assert.rejects(streamToFileAtomic(failing(), join(dir, 'f.csv')), /socket hang up/);
    await assert.rejects(streamToFileAtomic(Readable.from([Buffer.from('abc')]), join(dir, 'v.csv'), {
      verify: (bytes) => { if (bytes !== 10) throw new Error('short'); },
    }), /short/);
    const controller = new AbortController();
    async function* slow(): AsyncGenerator<Buffer> {
      yield Buffer.from('x');
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 20));
      yield Buffer.from('y');
    }
    await assert.rejects(streamToFileAtomic(slow(), join(dir, 'c.csv'), { signal: controller.signal }));
    assert.deepEqual(await readdir(dir), []);
  });

  it('leaves no empty temp file when the stream fails before the file has finished opening (200 times)', async () => {
    async function* failsAtOnce(): AsyncGenerator<Buffer> {
      yield* [];
      throw new Error('connection reset');
    }
    for (let i = 0; i < 200; i += 1) await assert.rejects(streamToFileAtomic(failsAtOnce(), join(dir, `r${i}.csv`)), /connection reset/);
    assert.deepEqual(await readdir(dir), []);
  });

  it('removes its own stale temp files on the next download into the folder, and nothing else', async () => {
    const stale = '.old.csv.0123456789ab.part';
    const fresh = '.live.csv.abcdef012345.part';
    const others = ['.notes.part', 'keep.csv.0123456789ab.part'];
    for (const name of [stale, fresh, ...others]) await writeFile(join(dir, name), 'x');
    const longAgo = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    for (const name of [stale, ...others]) await utimes(join(dir, name), longAgo, longAgo);
    await streamToFileAtomic(Readable.from([Buffer.from('ok')]), join(dir, 'new.csv'));
    assert.deepEqual((await readdir(dir)).sort(), [fresh, ...others, 'new.csv'].sort());
  });

  it('publishes a temp file under the next free name', async () => {
    await writeFile(join(dir, 'r.csv'), 'taken');
    await writeFile(join(dir, 'r (1).csv'), 'taken');
    await writeFile(join(dir, 'tmp'), 'mine');
    const path = await publishWithoutOverwrite(join(dir, 'tmp'), join(dir, 'r.csv'));
    assert.equal(path, join(dir, 'r (2).csv'));
    assert.equal(await readFile(path, 'utf8'), 'mine');
    assert.deepEqual((await readdir(dir)).sort(), ['r (1).csv', 'r (2).csv', 'r.csv']);
  });
});
