import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UNCALCULATED, dateCell, errorCell } from '../../core/cells/cell.ts';
import { findWorksheet, readSheetGrid } from '../../cli/read-grid.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the workbook to a real file and reads it back the way the CLI does. */
async function roundTrip(
  build: (workbook: ExcelJS.Workbook) => void,
  name = 'book.xlsx',
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(path);
  return read;
}

describe('readSheetGrid', () => {
  it('reads strings, numbers, booleans, errors and dates as CellValues', async () => {
    const book = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Data');
      ws.addRow(['text', 42, 2.5, true, false, { error: '#N/A' }]);
      ws.getCell('G1').value = new Date(Date.UTC(2022, 6, 1));
      ws.getCell('G1').numFmt = 'dd/mm/yyyy';
      // A serial number with a date format is a date to the user, whatever the writer meant.
      ws.getCell('H1').value = 44742;
      ws.getCell('H1').numFmt = 'yyyy-mm-dd';
      ws.getCell('I1').value = '=not a formula';
    });
    const grid = readSheetGrid(book.getWorksheet('Data')!);
    expect(grid).toEqual({
      name: 'Data',
      rows: [
        [
          'text',
          42,
          2.5,
          true,
          false,
          errorCell('#N/A'),
          dateCell('2022-07-01'),
          dateCell('2022-06-30'),
          '=not a formula',
        ],
      ],
    });
  });

  it('gives a formula its cached result: number, text, boolean, date, error, or UNCALCULATED when none', async () => {
    const book = await roundTrip((wb) => {
      const ws = wb.addWorksheet('F');
      ws.getCell('A1').value = { formula: '1+1', result: 2 };
      ws.getCell('B1').value = { formula: '"a"&"b"', result: 'ab' };
      ws.getCell('C1').value = { formula: '1=1', result: true };
      ws.getCell('D1').value = { formula: 'DATE(2023,3,31)', result: new Date(Date.UTC(2023, 2, 31)) };
      ws.getCell('D1').numFmt = 'd mmm yyyy';
      ws.getCell('E1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('F1').value = { formula: 'A1*10' };
      ws.getCell('G1').value = 'end';
    });
    expect(readSheetGrid(book.worksheets[0]!).rows).toEqual([
      [2, 'ab', true, dateCell('2023-03-31'), errorCell('#DIV/0!'), errorCell(UNCALCULATED), 'end'],
    ]);
  });

  it('reads shared formulas by their cached results', async () => {
    const book = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Shared');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('A3').value = 3;
      ws.getCell('B1').value = {
        formula: 'A1*10',
        result: 10,
        shareType: 'shared',
        ref: 'B1:B3',
      } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 };
      ws.getCell('B3').value = { sharedFormula: 'B1', result: 30 };
    });
    const raw = await book.xlsx.writeBuffer();
    // The file really holds a shared formula, not three plain ones.
    const xml = await (await JSZip.loadAsync(raw)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/t="shared"/);
    expect(readSheetGrid(book.worksheets[0]!).rows).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });

  it('reads rich text and hyperlinks as their plain text', async () => {
    const book = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Text');
      ws.getCell('A1').value = {
        richText: [{ text: 'Supplier ' }, { text: 'failure', font: { bold: true } }],
      };
      ws.getCell('B1').value = { text: 'Policy', hyperlink: 'https://example.org/policy' };
      ws.getCell('C1').value = {
        text: { richText: [{ text: 'Rich ' }, { text: 'link', font: { italic: true } }] },
        hyperlink: 'https://example.org/',
      } as unknown as ExcelJS.CellHyperlinkValue;
    });
    expect(readSheetGrid(book.worksheets[0]!).rows).toEqual([['Supplier failure', 'Policy', 'Rich link']]);
  });

  it('puts a merged range value in its top-left cell only', async () => {
    const book = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Merged');
      ws.getCell('A1').value = 'Heading';
      ws.mergeCells('A1:C2');
      ws.getCell('A3').value = 1;
      ws.getCell('B3').value = 2;
      ws.getCell('C3').value = 3;
    });
    expect(readSheetGrid(book.worksheets[0]!).rows).toEqual([
      ['Heading', null, null],
      [null, null, null],
      [1, 2, 3],
    ]);
  });

  it('trims trailing empty rows and columns, keeps inner gaps, pads rows to one width', async () => {
    const book = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Sparse');
      ws.getCell('B2').value = 'b2';
      ws.getCell('D4').value = 4;
      // Styled but empty cells and empty strings are not content.
      ws.getCell('H10').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      ws.getCell('F12').value = '';
    });
    expect(readSheetGrid(book.worksheets[0]!).rows).toEqual([
      [null, null, null, null],
      [null, 'b2', null, null],
      [null, null, null, null],
      [null, null, null, 4],
    ]);
  });

  it('gives an empty sheet no rows', async () => {
    const book = await roundTrip((wb) => {
      wb.addWorksheet('Empty');
    });
    expect(readSheetGrid(book.worksheets[0]!)).toEqual({ name: 'Empty', rows: [] });
  });

  it('walks rows once and never looks cells up by address', async () => {
    const book = await roundTrip((wb) => {
      const ws = wb.addWorksheet('Big');
      for (let r = 0; r < 200; r++) ws.addRow([`R${r}`, r, r % 2 === 0]);
      ws.mergeCells('D1:E1');
    });
    const ws = book.worksheets[0]!;
    const getCell = vi.spyOn(ws, 'getCell');
    const findCell = vi.spyOn(ws, 'findCell');
    const eachRow = vi.spyOn(ws, 'eachRow');
    const grid = readSheetGrid(ws);
    expect(grid.rows).toHaveLength(200);
    expect(grid.rows[199]).toEqual(['R199', 199, false]);
    expect(eachRow).toHaveBeenCalledTimes(1);
    expect(getCell).not.toHaveBeenCalled();
    expect(findCell).not.toHaveBeenCalled();
  });
});

describe('findWorksheet', () => {
  it('matches names ignoring case and surrounding spaces', async () => {
    const book = await roundTrip((wb) => {
      wb.addWorksheet('Risks');
      wb.addWorksheet(' Assessments ');
    });
    expect(findWorksheet(book, 'risks')?.name).toBe('Risks');
    expect(findWorksheet(book, '  RISKS ')?.name).toBe('Risks');
    expect(findWorksheet(book, 'assessments')?.name).toBe(' Assessments ');
    expect(findWorksheet(book, 'Scoring')).toBeUndefined();
  });
});
