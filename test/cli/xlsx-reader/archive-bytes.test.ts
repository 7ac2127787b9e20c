/**
 * A workbook read from its file, a window of records and a piece of compressed bytes at a time,
 * reads as it does from its bytes in memory, and lets go of the file once its sheets are read.
 */
import { mkdtempSync, openSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileGrids } from '../../../cli/read-grid.ts';
import { bytesOfFile } from '../../../cli/xlsx-reader/archive-bytes.ts';
import { openXlsx, type XlsxWorkbook } from '../../../cli/xlsx-reader/index.ts';
import { readXlsxFile } from '../../../cli/xlsx-reader/read-file.ts';
import { formattedSheet, streamedZip, workbookParts } from '../../support/streamed-xlsx.ts';
import { fixtureWorkbookBuffer } from '../../support/workbook-fixture.ts';

const oneSheet = async (name: string, rows: (string | number)[][]) =>
  new Uint8Array(await fixtureWorkbookBuffer([{ name, rows }]));

function fileWith(bytes: Uint8Array, name = 'book.xlsx'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'archive-bytes-')), name);
  writeFileSync(path, bytes);
  return path;
}

describe('a workbook read from its file', () => {
  it('reads the same grids as from its bytes, across many windows and compressed pieces', async () => {
    // Text that compresses poorly, so the sheet's compressed part spans several pieces and the
    // central directory and local headers sit far apart.
    let seed = 7;
    const noise = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31).toString(36);
    const rows = Array.from({ length: 6000 }, (_, r) => [`R${r}`, `${noise()} ${noise()} ${noise()}`, r]);
    const bytes = await oneSheet('S', rows);
    const path = fileWith(bytes);
    expect(statSync(path).size).toBeGreaterThan(200 * 1024);

    const fromFile = await readXlsxFile(path);
    const fromMemory = openXlsx(bytes);
    expect(fromFile.sheetNames).toEqual(fromMemory.sheetNames);
    const [a, b] = [await fromFile.readSheet('S'), await fromMemory.readSheet('S')];
    expect(a!.rows).toEqual(b!.rows);
    expect(a!.rows).toHaveLength(6000);
    fromFile.close();
  });

  it('streams a big formatted sheet from the file without holding the part', async () => {
    const data = Array.from({ length: 20 }, (_, i) => [`CRR${i + 1}`, `Risk ${i + 1}`, 'Open']);
    const formatted = streamedZip(
      workbookParts([
        { name: 'Risks', xml: formattedSheet([['ID', 'Risk name', 'Status'], ...data], 22, 20_000) },
      ]),
    );
    const book = await readXlsxFile(fileWith(formatted));
    const sheet = await book.readSheet('Risks', { chunkSize: 64 * 1024 });
    book.close();
    expect(sheet!.cellsKept).toBe(63);
    expect(sheet!.largestHeld).toBeLessThan(128 * 1024);
  });

  it('cannot be read once closed', async () => {
    const path = fileWith(await oneSheet('S', [[1]]));
    const bytes = bytesOfFile(openSync(path, 'r'), statSync(path).size);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    bytes.close();
    bytes.close(); // a second close does nothing
    expect(() => bytes.slice(0, 2)).toThrow(/closed/);
  });

  it('is let go by the CLI once its sheets are read, and when reading one fails', async () => {
    const closed: string[] = [];
    const counting = (book: XlsxWorkbook, name: string): XlsxWorkbook => ({
      sheetNames: book.sheetNames,
      date1904: book.date1904,
      readSheet: (sheet, options) => book.readSheet(sheet, options),
      close: () => closed.push(name),
    });
    const good = openXlsx(await oneSheet('Risks', [['ID'], ['CRR1']]));
    await fileGrids(counting(good, 'good'), 'good.xlsx').readSheets(['Risks', 'Assessments']);
    expect(closed).toEqual(['good']);

    const failing: XlsxWorkbook = {
      ...counting(good, 'failing'),
      readSheet: () => Promise.reject(new Error('the disk went away')),
    };
    await expect(fileGrids(failing, 'failing.xlsx').readSheets(['Risks'])).rejects.toThrow(/disk/);
    expect(closed).toEqual(['good', 'failing']);
  });
});
