/** `generate --out`: a missing folder, a read-only folder, a folder, and the input under another name are refused with exit 2 and a message that says which. */
import { chmod, link, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { runUnprivileged } from '../support/run-unprivileged.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'risk-register-out-'));
  await chmod(dir, 0o755);
  expect(await cli('init', 'current.xlsx', '--example')).toMatchObject({ code: 0 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(dir, ...argv);

describe('generate --out', () => {
  it('into a missing folder', async () => {
    const result = await cli('generate', 'current.xlsx', '--out', 'nowhere/register.xlsx');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nowhere\/register\.xlsx: the folder .*nowhere does not exist/);
    expect(result.stderr).not.toMatch(/internal error/);
  });

  it('onto a folder', async () => {
    await mkdir(join(dir, 'reports.xlsx'), { recursive: true });
    const result = await cli('generate', 'current.xlsx', '--out', 'reports.xlsx');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'reports.xlsx is a folder; give a file name such as reports.xlsx/register.xlsx',
    );
  });

  it('onto the input through a symlink or a hard link: refused, and the input is unchanged', async () => {
    const before = await readFile(join(dir, 'current.xlsx'));
    await symlink(join(dir, 'current.xlsx'), join(dir, 'register.xlsx'));
    await link(join(dir, 'current.xlsx'), join(dir, 'hard.xlsx'));
    for (const out of ['register.xlsx', 'hard.xlsx', './current.xlsx']) {
      const result = await cli('generate', 'current.xlsx', '--out', out);
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toContain(`${out} is the input workbook (the same file under another name)`);
    }
    // And the other way round: the input named through the link.
    expect((await cli('generate', 'register.xlsx', '--out', 'current.xlsx')).code).toBe(2);
    expect(await readFile(join(dir, 'current.xlsx'))).toEqual(before);
  });

  it('into a read-only folder (checked as an unprivileged user, since root may write anywhere)', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    const output = await runUnprivileged(
      join(import.meta.dirname, '../../cli/output-path.ts'),
      `try { await m.checkOutputPath(${JSON.stringify(join(locked, 'r.xlsx'))}, ${JSON.stringify(join(dir, 'current.xlsx'))}, 'locked/r.xlsx'); console.log('allowed'); }\n` +
        `catch (e) { console.log(e.message); }`,
    );
    expect(output.trim()).toBe(
      `locked/r.xlsx: the folder ${locked} is read-only for you; choose another --out`,
    );
  });
});
