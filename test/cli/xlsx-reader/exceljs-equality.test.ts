/**
 * The reader against exceljs + readSheetGrid on every workbook the project writes: the test
 * fixtures of every contract scenario, the example register from `init`, a synthetic register,
 * and the quarterly report `generate` writes (merges, styles, dates, rich formats).
 *
 * Normalisation (applied to both sides): the reader's rows are ragged and may hold holes where
 * exceljs pads a rectangle, so each row is read with holes as null and its trailing nulls
 * trimmed. Nothing else is normalised: a formula saved without a result is the same
 * `#UNCALCULATED` ErrorCell on both sides (UNCALCULATED_FORMULA here, readSheetGrid's marker there).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../../core/index.ts';
import { writeRegisterWorkbook } from '../../../cli/commands/init.ts';
import { run } from '../../../cli/main.ts';
import { readSheetGrid } from '../../../cli/read-grid.ts';
import { isUncalculatedFormula, openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { SCENARIOS } from '../../contract/scenarios.ts';
import { syntheticRegisterSheets } from '../../support/synthetic-register-sheets.ts';
import { fixtureWorkbookBuffer } from '../../support/workbook-fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-reader-equality-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function normalise(rows: SheetGrid['rows']): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cells: CellValue[] = [];
    for (let c = 0; c < row.length; c++) cells.push(row[c] ?? null);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    out.push(cells);
  }
  return out;
}

/** Every worksheet of the workbook, read both ways, must give the same grid. */
async function expectSameGrids(bytes: Uint8Array): Promise<number> {
  const exceljs = new ExcelJS.Workbook();
  await exceljs.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const book = openXlsx(bytes);
  expect(book.sheetNames).toEqual(exceljs.worksheets.map((sheet) => sheet.name));
  for (const sheet of exceljs.worksheets) {
    const theirs = readSheetGrid(sheet);
    const ours = (await book.readSheet(sheet.name))!;
    expect(ours.name).toBe(theirs.name);
    expect(normalise(ours.rows)).toStrictEqual(normalise(theirs.rows));
  }
  return exceljs.worksheets.length;
}

describe('same grids as exceljs readSheetGrid', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))(
    'fixture workbook: %s',
    async (_, scenario) => {
      const bytes = new Uint8Array(await fixtureWorkbookBuffer(scenario.sheets));
      expect(await expectSameGrids(bytes)).toBe(scenario.sheets.length);
    },
  );

  it('fixture workbook with formulas (cached and not), dates, errors and booleans', async () => {
    const bytes = await fixtureWorkbookBuffer([
      {
        name: 'Mixed',
        rows: [
          [
            'ID',
            'n',
            { formula: 'B2*2', result: 4 },
            { formula: 'B2*3' },
            { formula: '"a"&"b"', result: 'ab' },
          ],
          ['CRR1', 2, true, false, { kind: 'error', code: '#N/A' }, { kind: 'date', iso: '2022-06-30' }],
          [null, null, null, null, null, null, null, 'far'],
        ],
      },
    ]);
    await expectSameGrids(new Uint8Array(bytes));
  });

  it('the example register from init (RISKSCORE formulas saved without results)', async () => {
    const path = join(dir, 'example.xlsx');
    await writeRegisterWorkbook(path, true);
    const bytes = new Uint8Array(await readFile(path));
    // Risks, Assessments, Actions and Scoring.
    expect(await expectSameGrids(bytes)).toBe(4);
    // The comparison covers formulas saved without a result: the Score column holds them.
    const risks = (await openXlsx(bytes).readSheet('Assessments'))!;
    expect(risks.rows.some((row) => row.some(isUncalculatedFormula))).toBe(true);
  });

  it('a synthetic 300-risk register', async () => {
    const bytes = await fixtureWorkbookBuffer(syntheticRegisterSheets(300, 6));
    await expectSameGrids(new Uint8Array(bytes));
  });

  it('the quarterly report generate writes', async () => {
    const input = join(dir, 'register.xlsx');
    await writeRegisterWorkbook(input, true);
    const io = { stdout: () => {}, stderr: () => {}, interactive: false, cwd: dir };
    expect(await run(['generate', input, '--out', 'report.xlsx'], io)).toBe(0);
    expect(await expectSameGrids(new Uint8Array(await readFile(join(dir, 'report.xlsx'))))).toBeGreaterThan(
      1,
    );
  });
});
