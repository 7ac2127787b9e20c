import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeStreamAtomic } from '../../cli/atomic-write.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    const folder = join(dir, 'new');
    await mkdir(folder);
    await writeFileAtomic(join(folder, 'out.xlsx'), Buffer.from('content'));
    expect(await readdir(folder)).toEqual(['out.xlsx']);
    expect(await readFile(join(folder, 'out.xlsx'), 'utf8')).toBe('content');
  });

  it('replaces an existing file whole and touches no other file', async () => {
    const folder = join(dir, 'replace');
    await mkdir(folder);
    await writeFile(join(folder, 'out.xlsx'), 'old old old old');
    await writeFile(join(folder, 'input.xlsx'), 'input');
    await writeFileAtomic(join(folder, 'out.xlsx'), 'new');
    expect((await readdir(folder)).sort()).toEqual(['input.xlsx', 'out.xlsx']);
    expect(await readFile(join(folder, 'out.xlsx'), 'utf8')).toBe('new');
    expect(await readFile(join(folder, 'input.xlsx'), 'utf8')).toBe('input');
  });

  it('fails without leaving anything when the target cannot be replaced', async () => {
    const folder = join(dir, 'blocked');
    await mkdir(join(folder, 'out.xlsx'), { recursive: true });
    await expect(writeFileAtomic(join(folder, 'out.xlsx'), 'data')).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['out.xlsx']);
  });

  it('fails when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'out.xlsx'), 'data')).rejects.toThrow(/ENOENT/);
  });
});

describe('writeStreamAtomic', () => {
  it('writes what the stream is given, and leaves no temp file behind', async () => {
    const folder = await mkdtemp(join(dir, 'stream-'));
    const file = join(folder, 'out.xlsx');
    await writeStreamAtomic(file, async (out) => {
      out.end('streamed');
      await new Promise((resolve) => out.on('finish', resolve));
    });
    expect(await readFile(file, 'utf8')).toBe('streamed');
    expect(await readdir(folder)).toEqual(['out.xlsx']);
  });

  it('fails with the stream’s own error (a full disk) while the writer is still running, keeping the old file', async () => {
    const folder = await mkdtemp(join(dir, 'stream-'));
    const file = join(folder, 'out.xlsx');
    await writeFile(file, 'old');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(
      writeStreamAtomic(file, async (out) => {
        out.destroy(full);
        // The writer is still busy when the stream fails: its rejection must not go unhandled.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }),
    ).rejects.toBe(full);
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['out.xlsx']);
  });

  it('fails with the writer’s error and removes its temp file', async () => {
    const folder = await mkdtemp(join(dir, 'stream-'));
    const broken = new Error('the writer broke');
    await expect(
      writeStreamAtomic(join(folder, 'out.xlsx'), async (out) => {
        out.write('half');
        throw broken;
      }),
    ).rejects.toBe(broken);
    expect(await readdir(folder)).toEqual([]);
  });
});
