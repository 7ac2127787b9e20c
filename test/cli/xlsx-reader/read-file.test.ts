import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileError } from '../../../cli/file-error.ts';
import { asFileError, readXlsxFile } from '../../../cli/xlsx-reader/read-file.ts';
import { XlsxFormatError } from '../../../cli/xlsx-reader/index.ts';
import { buildXlsx, zipParts } from '../../support/xlsx-fixtures.ts';
import { runUnprivileged } from '../../support/run-unprivileged.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(path: string): Promise<FileError> {
  const error = await readXlsxFile(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileError);
  return error as FileError;
}

async function fileWith(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readXlsxFile: file-level errors as the CLI’s FileError, like readWorkbookFile', () => {
  it('reads a workbook file', async () => {
    const path = await fileWith(
      'ok.xlsx',
      buildXlsx({ sheets: [{ name: 'S', sheetData: '<row><c><v>1</v></c></row>' }] }),
    );
    expect((await (await readXlsxFile(path)).readSheet('s'))?.rows).toEqual([[1]]);
  });

  it('a missing file', async () => {
    const path = join(dir, 'nope.xlsx');
    expect(await failure(path)).toMatchObject({ kind: 'missing', path, message: `${path} does not exist.` });
    expect((await failure(join(dir, 'nope.xlsx', 'deeper.xlsx'))).kind).toBe('missing');
  });

  it('a directory', async () => {
    expect(await failure(dir)).toMatchObject({ kind: 'not-a-file', message: `${dir} is not a file.` });
  });

  it('an unreadable file (read as an unprivileged user, since root reads anything)', async () => {
    const path = await fileWith('locked.xlsx', 'x');
    await chmod(dir, 0o755);
    await chmod(path, 0o000);
    const output = await runUnprivileged(
      join(import.meta.dirname, '../../../cli/xlsx-reader/read-file.ts'),
      `try { await m.readXlsxFile(${JSON.stringify(path)}); console.log('read'); } catch (e) { console.log(e.kind, e.message); }`,
    );
    expect(output.trim()).toMatch(
      new RegExp(`^unreadable ${path.replace(/[.]/g, '\\.')} cannot be read: EACCES`),
    );
  });

  it('a legacy .xls or password-protected workbook', async () => {
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const path = await fileWith('old.xls', cfb);
    expect(await failure(path)).toMatchObject({
      kind: 'not-xlsx',
      message: `${path} is not an .xlsx workbook: it looks like a legacy .xls file or a password-protected workbook. Save it as an unprotected .xlsx.`,
    });
  });

  it('an empty file, a non-zip, a .docx', async () => {
    expect((await failure(await fileWith('empty.xlsx', ''))).message).toMatch(
      /is not an \.xlsx workbook: the file is empty\.$/,
    );
    expect((await failure(await fileWith('t.xlsx', 'a,b'))).message).toMatch(/the file is not a zip archive/);
    const docx = zipParts({ 'word/document.xml': '<w:document/>' });
    expect((await failure(await fileWith('d.xlsx', docx))).message).toMatch(/Word document/);
  });

  it('a workbook without worksheets (only a chartsheet)', async () => {
    const path = await fileWith('chart.xlsx', buildXlsx({ sheets: [{ name: 'C', kind: 'chartsheet' }] }));
    expect((await failure(path)).message).toBe(`${path} is not an .xlsx workbook: it holds no worksheets.`);
  });

  it('maps a sheet that fails later with asFileError', async () => {
    const mapped = asFileError('/x.xlsx', new XlsxFormatError('the part p is not well-formed XML (oops).'));
    expect(mapped).toBeInstanceOf(FileError);
    expect((mapped as FileError).message).toBe(
      '/x.xlsx is not an .xlsx workbook: the part p is not well-formed XML (oops).',
    );
    const other = new Error('bug');
    expect(asFileError('/x.xlsx', other)).toBe(other);
  });
});
