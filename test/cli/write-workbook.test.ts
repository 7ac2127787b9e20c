/**
 * The report writer (generate's output, cli/xlsx-writer/) against the in-memory exceljs writer
 * `init` uses: the same plans rendered both ways must read back (with exceljs) as equal workbooks — every cell's
 * value, type and style, merges, column widths, row heights, views, print setup, header and
 * footer, tab colours, conditional formats, validations, defined names (LAMBDAs and print
 * titles) and the full-calculation flag.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalCalendar, generate, setUp, type SheetGrid, type SheetPlan } from '../../core/index.ts';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';
import { writeRegisterWorkbook } from '../../cli/commands/init.ts';
import { fileGrids, workbookGrids } from '../../cli/read-grid.ts';
import { readDefinedNames } from '../../cli/functions.ts';
import { ReportWorkbookPort } from '../../cli/report-port.ts';
import { newWorkbook } from '../../cli/report-workbook.ts';
import { XlsxWorkbookPort } from '../../cli/workbook-port.ts';
import { openXlsx } from '../../cli/xlsx-reader/index.ts';
import { syntheticRegisterSheets } from '../support/synthetic-register-sheets.ts';
import { fixtureWorkbookBuffer } from '../support/workbook-fixture.ts';
import { testPlan } from '../support/test-plan.ts';
import { tableCrc32 } from '../../cli/zip-writer.ts';
import { crc32 } from 'node:zlib';
import { Writable } from 'node:stream';
import { writeWorkbook } from '../../cli/xlsx-writer/write-workbook.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-workbook-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Comparable {
  readonly sheets: readonly Record<string, unknown>[];
  readonly names: Record<string, string>;
  readonly calcPr: string | undefined;
  readonly creator: string | undefined;
  readonly lastModifiedBy: string | undefined;
}

/** Everything exceljs reads back from a file, but the times it was made. */
async function comparable(buffer: Buffer): Promise<Comparable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const xml = await (
    await import('jszip')
  ).default
    .loadAsync(buffer)
    .then((zip) => zip.file('xl/workbook.xml')!.async('string'));
  return {
    // The whole worksheet model: rows with every cell's address, type, value and style, and
    // merges, cols, views, pageSetup, headerFooter, properties, conditionalFormattings, dataValidations.
    sheets: workbook.worksheets.map((sheet) => ({ ...(sheet.model as unknown as Record<string, unknown>) })),
    names: await readDefinedNames(buffer),
    calcPr: /<calcPr\b[^>]*>/.exec(xml)?.[0],
    creator: workbook.creator,
    lastModifiedBy: workbook.lastModifiedBy,
  };
}

/** The plans' sheets have the features the comparison is meant to cover. */
function features(plans: readonly SheetPlan[]) {
  return {
    merges: plans.some((p) => p.merges.some((m) => m.bottom > m.top || m.right > m.left)),
    heights: plans.some((p) => Object.keys(p.rowHeights ?? {}).length > 0),
    frozen: plans.some((p) => p.frozenRows > 0),
    repeatRows: plans.some((p) => p.print.repeatRows > 0),
    formats: plans.some((p) => p.conditionalFormats.length > 0),
  };
}

describe('the report writer writes what the in-memory exceljs writer writes', () => {
  it("every sheet of the example register's generate output", async () => {
    const input = join(dir, 'example.xlsx');
    await writeRegisterWorkbook(input, true);
    const settings = { calendar: fiscalCalendar(4), quarterCount: 4 };

    // Today's path: the plans rendered into an exceljs workbook in memory, then written.
    const inMemory = new XlsxWorkbookPort(fileGrids(openXlsx(await readFile(input)), input));
    await generate(inMemory, settings);
    const before = await inMemory.outputBuffer();

    const streamed = new ReportWorkbookPort(fileGrids(openXlsx(await readFile(input)), input));
    const result = await generate(streamed, settings);
    const out = join(dir, 'streamed.xlsx');
    await streamed.writeFile(out);

    const plans = result.plans!;
    expect(plans.length).toBeGreaterThanOrEqual(5);
    expect(features(plans)).toEqual({
      merges: true,
      heights: true,
      frozen: true,
      repeatRows: true,
      // The History sheet colours its ratings with conditional formats.
      formats: true,
    });
    const [a, b] = [await comparable(before), await comparable(await readFile(out))];
    expect(b.sheets.map((s) => s.name)).toEqual(plans.map((p) => p.name));
    expect(b.calcPr).toContain('fullCalcOnLoad="1"');
    expect(Object.keys(b.names).some((name) => name.startsWith('_xlnm.Print_Titles'))).toBe(true);
    expect(b).toEqual(a);
  });

  it('a synthetic 300-risk register (rows written out while later ones are made)', async () => {
    const input = join(dir, 'synthetic.xlsx');
    await writeFile(input, await fixtureWorkbookBuffer(syntheticRegisterSheets(300, 6)));
    const settings = { calendar: fiscalCalendar(4), quarterCount: 4 };
    const inMemory = new XlsxWorkbookPort(fileGrids(openXlsx(await readFile(input)), input));
    await generate(inMemory, settings);
    const streamed = new ReportWorkbookPort(fileGrids(openXlsx(await readFile(input)), input));
    await generate(streamed, settings);
    const out = join(dir, 'synthetic-register.xlsx');
    await streamed.writeFile(out);
    const [a, b] = [await comparable(await inMemory.outputBuffer()), await comparable(await readFile(out))];
    expect((b.sheets[0]!.rows as unknown[]).length).toBeGreaterThan(300);
    expect(b).toEqual(a);
  });

  it('the set-up sheets (validations, formats, formulas) with their LAMBDA names', async () => {
    const target = newWorkbook();
    const inMemory = new XlsxWorkbookPort(workbookGrids(target), target);
    await setUp(inMemory, { seed: FORCE_REGISTER_EXAMPLE });
    const before = await inMemory.outputBuffer();

    // The same job through the report port, over a workbook with no sheets yet.
    const empty = {
      readSheets: async (names: readonly string[]) => names.map((): SheetGrid | undefined => undefined),
    };
    const streamed = new ReportWorkbookPort(empty);
    await setUp(streamed, { seed: FORCE_REGISTER_EXAMPLE });
    expect(features(streamed.writtenPlans)).toMatchObject({ formats: true });
    const out = join(dir, 'set-up.xlsx');
    await streamed.writeFile(out);
    // The port lets its plans go as it writes them.
    expect(streamed.writtenPlans).toEqual([]);

    const [a, b] = [await comparable(before), await comparable(await readFile(out))];
    expect(Object.keys(b.names)).toEqual(expect.arrayContaining(['RISKSCORE', 'RISKRATING', 'RISKTREND']));
    expect(
      b.sheets.some((s) =>
        (s.dataValidations as object | undefined)
          ? Object.keys(s.dataValidations as object).length > 0
          : false,
      ),
    ).toBe(true);
    expect(b).toEqual(a);
  });

  it('leaves nothing behind when a plan cannot be written', async () => {
    const out = join(dir, 'bad.xlsx');
    const port = new ReportWorkbookPort({ readSheets: async () => [] });
    await port.writeSheets([testPlan({ name: 'Bad', cells: [[{ value: 'x'.repeat(40_000) }]] })]);
    await expect(port.writeFile(out)).rejects.toThrow(/exceeds Excel/);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).filter((name) => name.includes('bad.xlsx'))).toEqual([]);
  });

  it.each([
    ['a sheet name Excel refuses', [testPlan({ name: 'Q2 2022/23' })], /not a sheet name Excel accepts/],
    ['a sheet name over 31 characters', [testPlan({ name: 'x'.repeat(32) })], /not a sheet name/],
    [
      'two sheets of one name',
      [testPlan({ name: 'Register' }), testPlan({ name: 'REGISTER' })],
      /Two sheets/,
    ],
    [
      'merged cells that overlap',
      [
        testPlan({
          merges: [
            { top: 0, left: 0, bottom: 1, right: 2 },
            { top: 1, left: 2, bottom: 3, right: 3 },
          ],
        }),
      ],
      /Plan: merged cells C2:D4 overlap/,
    ],
    [
      'a number no sheet can hold',
      [testPlan({ cells: [[{ value: 1 }, { value: Number.NaN }]] })],
      /^B1: NaN/,
    ],
    [
      'a date that is not a calendar date',
      [testPlan({ cells: [[{ value: { kind: 'date', iso: '2023-02-30' } }]] })],
      /^A1: "2023-02-30"/,
    ],
  ] as const)('refuses %s, naming it', async (_what, plans, message) => {
    const out = join(dir, 'refused.xlsx');
    const port = new ReportWorkbookPort({ readSheets: async () => [] });
    await port.writeSheets(plans);
    await expect(port.writeFile(out)).rejects.toThrow(message);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('keeps text at the 32,767-character limit, and text that looks like a formula as text', async () => {
    const out = join(dir, 'limits.xlsx');
    const port = new ReportWorkbookPort({ readSheets: async () => [] });
    const long = 'x'.repeat(32_767);
    await port.writeSheets([
      testPlan({ cells: [[{ value: long }, { value: '=SUM(A1:A3)' }, { value: '@A1' }]] }),
    ]);
    await port.writeFile(out);
    const grid = (await openXlsx(await readFile(out)).readSheet('Plan'))!;
    expect(grid.rows[0]).toEqual([long, '=SUM(A1:A3)', '@A1']);
  });
});

describe('the zip writer', () => {
  it('fails, rather than hangs, when its output fails (a full disk) part-way through', async () => {
    let writes = 0;
    const out = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, done) {
        done(++writes > 3 ? new Error('ENOSPC: no space left on device') : undefined);
      },
    });
    out.on('error', () => undefined);
    const plan = testPlan({
      cells: Array.from({ length: 5000 }, (_, r) => [{ value: `row ${r}` }, { value: r }]),
    });
    await expect(writeWorkbook(out, [plan])).rejects.toThrow(/ENOSPC/);
  });

  it('sums CRC-32 by table exactly as zlib does (the fallback for Node before 20.15)', () => {
    const bytes = Buffer.from('Risk register ↑↓↔ '.repeat(1000), 'utf8');
    expect(tableCrc32(bytes, 0)).toBe(crc32(bytes));
    expect(tableCrc32(bytes.subarray(700), tableCrc32(bytes.subarray(0, 700), 0))).toBe(crc32(bytes));
  });
});
