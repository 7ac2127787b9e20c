import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateCell, type CellValue } from '../../core/cells/cell.ts';
import type { PlanCell, PlanValue, SheetPlan } from '../../core/layout/sheet-plan.ts';
import { readSheetGrid } from '../../cli/read-grid.ts';
import { renderSheetPlan, storableText } from '../../cli/render-plan.ts';
import { applySheetRules } from '../../cli/sheet-rules.ts';
import { testPlan } from '../support/test-plan.ts';

let dir: string;
let fileNumber = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-render-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const plan = testPlan;

const cells = (...values: PlanValue[]): PlanCell[] => values.map((value) => ({ value }));

interface Written {
  workbook: ExcelJS.Workbook;
  worksheet: ExcelJS.Worksheet;
  workbookXml: string;
  sheetXml: string;
  stylesXml: string;
}

/** A plan as exceljs holds it, with its rules. */
function renderWithRules(sheetPlan: SheetPlan): ExcelJS.Worksheet {
  const worksheet = renderSheetPlan(new ExcelJS.Workbook(), sheetPlan);
  applySheetRules(worksheet, sheetPlan);
  return worksheet;
}

/** Renders, writes a real .xlsx file, and reads it back with exceljs and as raw XML. */
async function renderAndRead(sheetPlan: SheetPlan): Promise<Written> {
  const out = new ExcelJS.Workbook();
  applySheetRules(renderSheetPlan(out, sheetPlan), sheetPlan);
  const path = join(dir, `plan-${++fileNumber}.xlsx`);
  await out.xlsx.writeFile(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const zip = await JSZip.loadAsync(await readFile(path));
  return {
    workbook,
    workbookXml: await zip.file('xl/workbook.xml')!.async('string'),
    worksheet: workbook.worksheets[0]!,
    sheetXml: await zip.file('xl/worksheets/sheet1.xml')!.async('string'),
    stylesXml: await zip.file('xl/styles.xml')!.async('string'),
  };
}

/** The `<c>` element for one address in a sheet's XML. */
function cellXml(sheetXml: string, address: string): string {
  const match = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml);
  return match?.[0] ?? '';
}

const FORMULA_LIKE = [
  '=HYPERLINK("x")',
  '+SUM(1,2)',
  '-1+2',
  '@cmd',
  '=1+1',
  '=A1',
  "'quoted",
  '_x0041_',
  ' padded ',
];

/** Valid text without the characters XML cannot carry (storableText's own tests cover those). */
const text = fc.oneof(
  fc.constantFrom(...FORMULA_LIKE),
  fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => s === storableText(s)),
);
const isoDate = fc
  .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const planValue: fc.Arbitrary<PlanValue> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  isoDate.map((iso) => dateCell(iso)),
  fc.constant(null),
);

/** What the reader should give for the values a plan wrote. */
function expectedGrid(rows: readonly (readonly PlanValue[])[]): CellValue[][] {
  const norm = rows.map((row) =>
    row.map((v): CellValue => {
      if (v === '' || v === null) return null;
      if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
      return v as CellValue;
    }),
  );
  const lastUsed = (row: CellValue[]) => row.reduce<number>((last, v, i) => (v === null ? last : i + 1), 0);
  const width = Math.max(0, ...norm.map(lastUsed));
  const height = norm.reduce<number>((last, row, r) => (lastUsed(row) > 0 ? r + 1 : last), 0);
  return norm.slice(0, height).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
}

describe('renderSheetPlan values', () => {
  it('random grids of text, numbers, booleans and dates read back as the same CellValues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(planValue, { maxLength: 6 }), { maxLength: 8 }), async (rows) => {
        const { worksheet } = await renderAndRead(plan({ cells: rows.map((row) => cells(...row)) }));
        expect(readSheetGrid(worksheet).rows).toEqual(expectedGrid(rows));
      }),
      { numRuns: 60 },
    );
  });

  it('writes formula-like text as a string cell, never as a formula', async () => {
    const { sheetXml, worksheet } = await renderAndRead(plan({ cells: [cells(...FORMULA_LIKE)] }));
    expect(sheetXml).not.toContain('<f>');
    FORMULA_LIKE.forEach((_, c) => {
      expect(cellXml(sheetXml, `${String.fromCharCode(65 + c)}1`)).toMatch(/t="s"/);
    });
    expect(readSheetGrid(worksheet).rows).toEqual([FORMULA_LIKE]);
  });

  it('writes a FormulaValue as a formula with no cached result, so clients calculate it', async () => {
    const { sheetXml, worksheet } = await renderAndRead(
      plan({ cells: [cells(2, { formula: 'A1*3' }, { formula: '=A1+1' })] }),
    );
    expect(cellXml(sheetXml, 'B1')).toBe('<c r="B1"><f>A1*3</f></c>');
    expect(cellXml(sheetXml, 'C1')).toBe('<c r="C1"><f>A1+1</f></c>');
    expect(worksheet.getCell('B1').value).toEqual({ formula: 'A1*3' });
  });

  it('writes a DateCell as a whole serial number with a date format', async () => {
    const { sheetXml, stylesXml, worksheet } = await renderAndRead(
      plan({
        cells: [
          [
            { value: dateCell('2022-07-01') },
            { value: dateCell('2023-03-31'), style: { numberFormat: 'd mmm yyyy', bold: true } },
          ],
        ],
      }),
    );
    expect(cellXml(sheetXml, 'A1')).toMatch(/<v>44743<\/v>/);
    expect(cellXml(sheetXml, 'B1')).toMatch(/<v>45016<\/v>/);
    expect(stylesXml).toContain('formatCode="yyyy-mm-dd"');
    expect(worksheet.getCell('A1').numFmt).toBe('yyyy-mm-dd');
    expect(worksheet.getCell('B1').numFmt).toBe('d mmm yyyy');
    expect(worksheet.getCell('B1').font?.bold).toBe(true);
  });

  it('keeps text that only XML or Excel escapes would change', () => {
    expect(storableText('Plain text, unchanged')).toBe('Plain text, unchanged');
    expect(storableText('a\u0001b\u0000c\u007f')).toBe('abc');
    expect(storableText('one\r\ntwo\rthree\nfour\ttab')).toBe('one\ntwo\nthree\nfour\ttab');
    expect(storableText('x\uFFFEy\uFFFF')).toBe('xy');
    expect(storableText('lone \uD800 and \uDC00')).toBe('lone \uFFFD and \uFFFD');
    expect(storableText('emoji 😀 stays')).toBe('emoji 😀 stays');
    expect(storableText('_x0041_ and _x00e9_')).toBe('_x005F_x0041_ and _x005F_x00e9_');
  });

  it('cleans such text in cells so the file stays readable', async () => {
    const { worksheet } = await renderAndRead(
      plan({ cells: [cells('bad\uFFFE', 'cr\r\nlf', '_x0041_', 'a\u0007b')] }),
    );
    expect(readSheetGrid(worksheet).rows).toEqual([['bad', 'cr\nlf', '_x0041_', 'ab']]);
  });

  it('rejects values no sheet can hold, naming the cell', () => {
    const render = (value: PlanValue) => () =>
      renderSheetPlan(new ExcelJS.Workbook(), plan({ cells: [[], [{ value: null }, { value }]] }));
    expect(render(Number.NaN)).toThrow(/^B2: NaN/);
    expect(render(Number.POSITIVE_INFINITY)).toThrow(/^B2: Infinity/);
    expect(render(dateCell('2022-02-30'))).toThrow(/^B2: "2022-02-30" is not a calendar date/);
    expect(render(dateCell('1 July 2022'))).toThrow(/not a calendar date/);
    expect(render('x'.repeat(32_768))).toThrow(/^B2: text of 32768 characters/);
    expect(render('x'.repeat(32_767))).not.toThrow();
  });
});

describe('renderSheetPlan styles and layout', () => {
  it('applies fonts, fills, alignment, number formats and borders', async () => {
    const { worksheet } = await renderAndRead(
      plan({
        cells: [
          [
            {
              value: 'Head',
              style: {
                bold: true,
                italic: true,
                fontSize: 14,
                fontColour: '#ffffff',
                fill: '#1F4E78',
                border: true,
              },
            },
            { value: 'Wrapped', style: { wrap: true, horizontal: 'center', vertical: 'top' } },
            { value: 0.25, style: { numberFormat: '0%' } },
            { value: 'plain' },
          ],
        ],
      }),
    );
    const head = worksheet.getCell('A1');
    // Named: LibreOffice draws a font without a name in a serif face.
    expect(head.font).toMatchObject({
      name: 'Calibri',
      bold: true,
      italic: true,
      size: 14,
      color: { argb: 'FFFFFFFF' },
    });
    expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } });
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      expect(head.border?.[side]).toMatchObject({ style: 'thin' });
    }
    expect(worksheet.getCell('B1').alignment).toMatchObject({
      wrapText: true,
      horizontal: 'center',
      vertical: 'top',
    });
    expect(worksheet.getCell('C1').numFmt).toBe('0%');
    expect(worksheet.getCell('D1').font?.bold).toBeFalsy();
    expect(worksheet.getCell('D1').fill).toBeUndefined();
  });

  it('shares one style per distinct CellStyle, even when each cell has its own object', async () => {
    const rows: PlanCell[][] = Array.from({ length: 10_000 }, (_, r) => [
      { value: `CRR${r}`, style: { bold: true, border: true } },
      { value: r, style: { fill: r % 2 ? '#FF0000' : '#00FF00', border: true } },
      { value: dateCell('2022-07-01'), style: { border: true } },
    ]);
    const { stylesXml, worksheet } = await renderAndRead(plan({ cells: rows }));
    // Default + bold/border + two fills + dated border.
    expect(/<cellXfs count="(\d+)"/.exec(stylesXml)?.[1]).toBe('5');
    expect(worksheet.rowCount).toBe(10_000);
    expect(worksheet.getCell('B10000').fill).toMatchObject({ fgColor: { argb: 'FFFF0000' } });
    expect(worksheet.getCell('C10000').numFmt).toBe('yyyy-mm-dd');
  });

  it('sets column widths, row heights, merges, frozen panes and the tab colour', async () => {
    const { worksheet, sheetXml } = await renderAndRead(
      plan({
        cells: [cells('Title'), cells('ID', 'Name', 'Rating'), cells('CRR1', 'Fire', 'High')],
        columnWidths: [8, 40, 12],
        rowHeights: { 0: 28, 2: 45 },
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
        frozenRows: 2,
        frozenColumns: 1,
        tabColour: '#C00000',
      }),
    );
    expect([1, 2, 3].map((c) => worksheet.getColumn(c).width)).toEqual([8, 40, 12]);
    expect(worksheet.getRow(1).height).toBe(28);
    expect(worksheet.getRow(3).height).toBe(45);
    expect(sheetXml).toContain('<mergeCell ref="A1:C1"/>');
    expect(readSheetGrid(worksheet).rows[0]).toEqual(['Title', null, null]);
    expect(worksheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect(worksheet.properties.tabColor).toEqual({ argb: 'FFC00000' });
  });

  it('leaves the view unfrozen when the plan freezes nothing', async () => {
    const { sheetXml } = await renderAndRead(plan({ cells: [cells('x')] }));
    expect(sheetXml).not.toContain('state="frozen"');
  });

  it('sets print orientation, fit to one page wide, repeated rows, header and footer', async () => {
    const { worksheet, workbookXml } = await renderAndRead(
      plan({
        name: 'Register Q2 2022-23',
        cells: [cells('ID'), cells('CRR1')],
        print: {
          orientation: 'landscape',
          fitToWidth: true,
          repeatRows: 2,
          header: 'Risk & Audit',
          footer: 'Confidential',
          pageNumbers: true,
        },
      }),
    );
    expect(worksheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(worksheet.pageSetup.printTitlesRow).toBe('1:2');
    expect(worksheet.headerFooter.oddHeader).toBe('&CRisk && Audit');
    expect(worksheet.headerFooter.oddFooter).toBe('&LConfidential&RPage &P of &N');
    expect(workbookXml).toContain(
      '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Register Q2 2022-23&apos;!$1:$2</definedName></definedNames>',
    );
  });

  it('fits a sheet to one page when the plan asks for it', async () => {
    const { worksheet } = await renderAndRead(
      plan({
        cells: [cells('x')],
        print: { orientation: 'landscape', fitToWidth: true, fitToHeight: true, repeatRows: 0 },
      }),
    );
    expect(worksheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });

  it('rejects a colour that is not #RRGGBB', () => {
    expect(() =>
      renderSheetPlan(new ExcelJS.Workbook(), plan({ cells: [[{ value: 1, style: { fill: 'red' } }]] })),
    ).toThrow(/"red" is not a #RRGGBB colour/);
  });
});

describe('renderSheetPlan conditional formats and validations', () => {
  it('writes conditional formats as expression rules with the plan formula and a solid fill', async () => {
    const { sheetXml, stylesXml, worksheet } = await renderAndRead(
      plan({
        cells: [cells('Rating'), cells('High')],
        conditionalFormats: [
          {
            range: { top: 1, left: 0, bottom: 99, right: 0 },
            formula: 'NOT(ISERROR(SEARCH("High",A2)))',
            style: { fill: '#FF0000', fontColour: '#FFFFFF', bold: true },
          },
          {
            range: { top: 1, left: 1, bottom: 99, right: 2 },
            formula: '=$A2="Low"',
            style: { fill: '#00B050' },
          },
        ],
      }),
    );
    expect(sheetXml).not.toContain('containsText');
    expect(sheetXml).toContain(
      '<conditionalFormatting sqref="A2:A100"><cfRule type="expression" dxfId="0" priority="1"><formula>NOT(ISERROR(SEARCH(&quot;High&quot;,A2)))</formula></cfRule></conditionalFormatting>',
    );
    expect(sheetXml).toContain(
      '<conditionalFormatting sqref="B2:C100"><cfRule type="expression" dxfId="1" priority="2"><formula>$A2=&quot;Low&quot;</formula>',
    );
    expect(stylesXml).toMatch(
      /<dxfs count="2"><dxf><font><b\/><color rgb="FFFFFFFF"\/><\/font><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"\/><bgColor rgb="FFFF0000"\/>/,
    );
    // exceljs reads the rules back too (its typings omit the property).
    const formats = (
      worksheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }
    ).conditionalFormattings;
    expect(formats.map((f) => [f.ref, f.rules.map((r) => r.type)])).toEqual([
      ['A2:A100', ['expression']],
      ['B2:C100', ['expression']],
    ]);
  });

  it('writes each kind of validation bounded exactly to its range, with its messages', async () => {
    const error = { title: 'Not allowed', text: 'Pick a value from the list.' };
    const { sheetXml } = await renderAndRead(
      plan({
        cells: [cells('Status', 'Impact', 'Date', 'ID', 'Owner')],
        validations: [
          {
            range: { top: 1, left: 0, bottom: 500, right: 0 },
            rule: { kind: 'list', values: ['Open', 'Closed', 'Say "hi"'] },
            allowBlank: true,
            prompt: { title: 'Status', text: 'Open or closed' },
            error,
          },
          {
            range: { top: 1, left: 1, bottom: 500, right: 1 },
            rule: { kind: 'wholeNumber', min: 1, max: 5 },
            allowBlank: false,
            error,
          },
          {
            range: { top: 1, left: 2, bottom: 500, right: 2 },
            rule: { kind: 'date' },
            allowBlank: true,
            error,
          },
          {
            range: { top: 1, left: 3, bottom: 500, right: 3 },
            rule: { kind: 'custom', formula: 'COUNTIF($D$2:$D$501,D2)=1' },
            allowBlank: true,
            error,
          },
          {
            range: { top: 1, left: 4, bottom: 500, right: 4 },
            rule: { kind: 'list', values: ['=Lists!$A$2:$A$20'] },
            allowBlank: true,
            error,
          },
        ],
      }),
    );
    const rules = [...sheetXml.matchAll(/<dataValidation [^>]*>.*?<\/dataValidation>/g)].map((m) => m[0]);
    const bySqref = Object.fromEntries(rules.map((rule) => [/sqref="([^"]+)"/.exec(rule)![1], rule]));
    expect(Object.keys(bySqref).sort()).toEqual(['A2:A501', 'B2:B501', 'C2:C501', 'D2:D501', 'E2:E501']);
    expect(bySqref['A2:A501']).toMatch(
      /type="list" allowBlank="1" showInputMessage="1" promptTitle="Status" prompt="Open or closed" showErrorMessage="1" errorStyle="stop" errorTitle="Not allowed" error="Pick a value from the list."/,
    );
    expect(bySqref['A2:A501']).toContain(
      '<formula1>&quot;Open,Closed,Say &quot;&quot;hi&quot;&quot;&quot;</formula1>',
    );
    expect(bySqref['B2:B501']).toMatch(
      /type="whole"(?![^>]*allowBlank)[^>]*><formula1>1<\/formula1><formula2>5<\/formula2>/,
    );
    expect(bySqref['B2:B501']).not.toContain('showInputMessage');
    expect(bySqref['C2:C501']).toMatch(
      /type="date"[^>]*><formula1>61<\/formula1><formula2>2958465<\/formula2>/,
    );
    expect(bySqref['D2:D501']).toContain('type="custom"');
    expect(bySqref['D2:D501']).toContain('<formula1>COUNTIF($D$2:$D$501,D2)=1</formula1>');
    expect(bySqref['E2:E501']).toContain('<formula1>Lists!$A$2:$A$20</formula1>');
  });

  it('clips validation texts to Excel limits', async () => {
    const { sheetXml } = await renderAndRead(
      plan({
        validations: [
          {
            range: { top: 0, left: 0, bottom: 0, right: 0 },
            rule: { kind: 'wholeNumber', min: 1, max: 5 },
            allowBlank: true,
            prompt: { title: 'T'.repeat(40), text: 'p'.repeat(300) },
            error: { title: 'E'.repeat(33), text: 'e'.repeat(256) },
          },
        ],
      }),
    );
    expect(sheetXml).toContain(`promptTitle="${'T'.repeat(31)}…"`);
    expect(sheetXml).toContain(`prompt="${'p'.repeat(254)}…"`);
    expect(sheetXml).toContain(`errorTitle="${'E'.repeat(31)}…"`);
    expect(sheetXml).toContain(`error="${'e'.repeat(254)}…"`);
  });

  it('rejects lists an inline list cannot hold', () => {
    const render = (values: string[]) => () =>
      renderWithRules(
        plan({
          validations: [
            {
              range: { top: 1, left: 2, bottom: 9, right: 2 },
              rule: { kind: 'list', values },
              allowBlank: true,
              error: { title: 'x', text: 'y' },
            },
          ],
        }),
      );
    expect(render(['a,b', 'c'])).toThrow(/C2:C10: "a,b" contains a comma/);
    expect(render(Array.from({ length: 60 }, (_, i) => `Value${i}`))).toThrow(
      /C2:C10 is \d+ characters; an inline list holds at most 255/,
    );
  });
});
