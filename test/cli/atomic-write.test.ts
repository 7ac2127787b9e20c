import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../cli/atomic-write.ts';

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
