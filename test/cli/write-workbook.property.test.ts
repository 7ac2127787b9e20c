/**
 * Random sheet plans written by the report writer (cli/xlsx-writer/) and read back — with exceljs
 * for everything a plan sets, and with the CLI's own reader for the values — equal the plans:
 * values (formula-looking text stays text), styles, merges, widths, heights, frozen panes, print
 * setup, validations and conditional formats. Rerun a failure with
 * FC_SEED=<seed> npx vitest run --project unit test/cli/write-workbook.property.
 */
import { PassThrough } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type {
  CellRange,
  CellStyle,
  ConditionalFormat,
  DataValidation,
  PlanCell,
  PlanValue,
  SheetPlan,
} from '../../core/index.ts';
import { a1, dateCell, formulaBody, parseA1, safeSheetName } from '../../core/index.ts';
import { rangeRef, storableText } from '../../cli/render-plan.ts';
import { writeWorkbook } from '../../cli/xlsx-writer/write-workbook.ts';
import { openXlsx, UNCALCULATED_FORMULA } from '../../cli/xlsx-reader/index.ts';
import { FC_SEED } from '../support/fc-seed.ts';
import { testPlan } from '../support/test-plan.ts';

/** Writes plans into memory. */
async function written(plans: readonly SheetPlan[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeWorkbook(out, [...plans]);
  return Buffer.concat(chunks);
}

const colour = fc.constantFrom('#000000', '#FFFFFF', '#1F3864', '#C00000', '#92d050', '#FFC000');
const style: fc.Arbitrary<CellStyle> = fc.record(
  {
    bold: fc.boolean(),
    italic: fc.boolean(),
    fontSize: fc.constantFrom(9, 11, 14),
    fontColour: colour,
    fill: colour,
    wrap: fc.boolean(),
    horizontal: fc.constantFrom('left', 'center', 'right'),
    vertical: fc.constantFrom('top', 'middle', 'bottom'),
    numberFormat: fc.constantFrom('0.00', '@', '#,##0', '"CRR"000'),
    border: fc.boolean(),
  },
  { requiredKeys: [] },
);

const tricky = fc.constantFrom(
  '=SUM(A1:A3)',
  '=1+1',
  '+1',
  '-A1',
  '@A1',
  '_x000D_',
  '\r\n',
  '\n',
  '\u0001',
  '\uFFFF',
  '\uD800',
  '😀',
  '&amp;',
  '<b>',
  '"',
  "'",
  ' ',
  ']]>',
);
const text = fc.string({ unit: fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 3 })), maxLength: 10 });
const value: fc.Arbitrary<PlanValue> = fc.oneof(
  text,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.boolean(),
  fc.constant(null),
  fc
    .date({
      min: new Date('1900-03-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => dateCell(d.toISOString().slice(0, 10))),
  fc.constantFrom('=A1+1', '=SUM(A1:B2)', 'IF(A1>0,"yes","no")').map((formula) => ({ formula })),
);

const ROWS = 8;
const COLUMNS = 6;
const range = (rows: number, columns: number): fc.Arbitrary<CellRange> =>
  fc
    .record({ top: fc.nat(rows - 1), left: fc.nat(columns - 1), height: fc.nat(3), width: fc.nat(2) })
    .map(({ top, left, height, width }) => ({
      top,
      left,
      bottom: Math.min(rows - 1, top + height),
      right: Math.min(columns - 1, left + width),
    }));

const overlaps = (a: CellRange, b: CellRange) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Merges that do not overlap (Excel refuses those): later ones that would are dropped. */
const merges = fc
  .array(range(ROWS, COLUMNS), { maxLength: 4 })
  .map((ranges) => ranges.filter((r, i) => !ranges.slice(0, i).some((earlier) => overlaps(earlier, r))));

const message = fc.record({ title: text, text: fc.string({ maxLength: 300 }) });
const validationRule: fc.Arbitrary<DataValidation['rule']> = fc.oneof(
  fc.record({
    kind: fc.constant('list' as const),
    values: fc.array(fc.stringMatching(/^[A-Za-z ]{1,8}$/), { minLength: 1, maxLength: 4 }),
  }),
  fc
    .tuple(fc.integer({ min: -5, max: 5 }), fc.nat(10))
    .map(([min, extra]) => ({ kind: 'wholeNumber' as const, min, max: min + extra })),
  fc.constant({ kind: 'date' as const }),
  fc.constant({ kind: 'custom' as const, formula: '=COUNTIF($A$1:$A$8,A1)=1' }),
);
/** One validation per column at most, so no cell has two. */
const validations = fc
  .uniqueArray(
    fc.record({
      column: fc.nat(COLUMNS - 1),
      top: fc.nat(ROWS - 1),
      rule: validationRule,
      allowBlank: fc.boolean(),
      prompt: fc.option(message, { nil: undefined }),
      error: message,
    }),
    { selector: (v) => v.column, maxLength: 3 },
  )
  .map((list) =>
    list.map(({ column, top, prompt, ...rest }): DataValidation => ({
      range: { top, left: column, bottom: ROWS - 1, right: column },
      ...rest,
      ...(prompt ? { prompt } : {}),
    })),
  );

const conditionalFormats: fc.Arbitrary<ConditionalFormat[]> = fc.array(
  fc.record({
    range: range(ROWS, COLUMNS),
    formula: fc.constantFrom('=$A1="Closed"', '=B1>3', '=AND(A1<>"",B1="Low")'),
    style: fc.record(
      { bold: fc.boolean(), italic: fc.boolean(), fontColour: colour, fill: colour, border: fc.boolean() },
      { requiredKeys: [] },
    ),
  }),
  { maxLength: 3 },
);

const sheetName = fc.string({ minLength: 1, maxLength: 40 }).map(safeSheetName);

const plan: fc.Arbitrary<SheetPlan> = fc
  .record({
    name: sheetName,
    styles: fc.array(style, { minLength: 1, maxLength: 4 }),
    cells: fc.array(
      fc.array(fc.record({ value, style: fc.option(fc.nat(3), { nil: undefined }) }), { maxLength: COLUMNS }),
      { maxLength: ROWS },
    ),
    columnWidths: fc.array(fc.constantFrom(9, 10, 12.5, 40), { maxLength: COLUMNS }),
    rowHeights: fc.dictionary(fc.nat(ROWS).map(String), fc.constantFrom(15, 20, 32.5), { maxKeys: 3 }),
    merges,
    frozenRows: fc.nat(3),
    frozenColumns: fc.nat(2),
    print: fc.record(
      {
        orientation: fc.constantFrom('portrait' as const, 'landscape' as const),
        fitToWidth: fc.boolean(),
        fitToHeight: fc.boolean(),
        repeatRows: fc.nat(3),
        header: text,
        footer: text,
        pageNumbers: fc.boolean(),
      },
      { requiredKeys: ['orientation', 'fitToWidth', 'repeatRows'] },
    ),
    conditionalFormats,
    validations,
    tabColour: fc.option(colour, { nil: undefined }),
  })
  .map(({ styles, cells, rowHeights, tabColour, ...rest }) =>
    testPlan({
      ...rest,
      cells: cells.map((row) =>
        row.map((cell): PlanCell =>
          cell.style === undefined
            ? { value: cell.value }
            : { value: cell.value, style: styles[cell.style % styles.length]! },
        ),
      ),
      rowHeights: Object.fromEntries(
        Object.entries(rowHeights).map(([row, height]) => [Number(row), height]),
      ),
      ...(tabColour ? { tabColour } : {}),
    }),
  );

const plans = fc.uniqueArray(plan, { minLength: 1, maxLength: 3, selector: (p) => p.name.toLowerCase() });

const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);
const isDate = (v: PlanValue) => typeof v === 'object' && v !== null && 'iso' in v;

/** Text as readers give it back: stored as storableText, with its `_x005F_` escapes decoded. */
function readText(text: string): string {
  return storableText(text).replace(/_x005F_(x[0-9A-Fa-f]{4}_)/g, '_$1');
}

/**
 * What exceljs should read for a plan cell's value. A date is a serial number shown with a date
 * format: with a number format of the plan's own (none in `style` is a date's), a number.
 */
function expectedValue({ value: v, style }: PlanCell): unknown {
  if (typeof v === 'string') return readText(v);
  if (v === null || typeof v !== 'object') return v;
  if ('formula' in v) return { formula: formulaBody(v.formula) };
  const date = new Date(`${v.iso}T00:00:00Z`);
  return style?.numberFormat ? 25569 + date.getTime() / 86_400_000 : date;
}

/** The parts of a style a plan sets, as exceljs reads them back. */
function readStyle(cell: ExcelJS.Cell) {
  const fill = cell.fill?.type === 'pattern' ? hex(cell.fill.fgColor?.argb) : undefined;
  return {
    bold: Boolean(cell.font?.bold),
    italic: Boolean(cell.font?.italic),
    fontSize: cell.font?.size ?? 11,
    fontColour: hex(cell.font?.color?.argb),
    fill,
    wrap: Boolean(cell.alignment?.wrapText),
    horizontal: cell.alignment?.horizontal,
    vertical: cell.alignment?.vertical,
    numberFormat: cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined,
    border: cell.border?.top?.style === 'thin',
  };
}

function planStyle(style: CellStyle | undefined, date: boolean) {
  return {
    bold: Boolean(style?.bold),
    italic: Boolean(style?.italic),
    fontSize: style?.fontSize ?? 11,
    fontColour: style?.fontColour?.toUpperCase(),
    fill: style?.fill?.toUpperCase(),
    wrap: Boolean(style?.wrap),
    horizontal: style?.horizontal,
    vertical: style?.vertical,
    numberFormat: style?.numberFormat ?? (date ? 'yyyy-mm-dd' : undefined),
    border: Boolean(style?.border),
  };
}

/** The cells of an A1 range (or one address). */
function cellsOf(ref: string): string[] {
  const [from = '', to = from] = ref.split(':');
  const a = parseA1(from)!;
  const b = parseA1(to)!;
  const out: string[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.column; c <= b.column; c++) out.push(a1(r, c));
  return out;
}

function inMerge(p: SheetPlan, r: number, c: number): CellRange | undefined {
  return p.merges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
}

describe('the report writer, read back, equals the plans', () => {
  test.prop([plans], { numRuns: 60, ...FC_SEED })(
    'values, styles, layout, print setup and rules',
    async (sheetPlans) => {
      const buffer = await written(sheetPlans);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      const file = openXlsx(new Uint8Array(buffer));
      expect(workbook.worksheets.map((s) => s.name)).toEqual(sheetPlans.map((p) => p.name));

      for (const p of sheetPlans) {
        const sheet = workbook.getWorksheet(p.name)!;
        const grid = (await file.readSheet(p.name))!;
        p.cells.forEach((row, r) =>
          row.forEach((planCell, c) => {
            const merge = inMerge(p, r, c);
            if (merge && (merge.top !== r || merge.left !== c)) return; // shows its top-left cell
            const cell = sheet.getCell(r + 1, c + 1);
            const where = `${p.name}!${a1(r, c)}`;
            expect(cell.value ?? null, where).toEqual(expectedValue(planCell));
            if (planCell.value !== null || planCell.style)
              expect(readStyle(cell), where).toEqual(planStyle(planCell.style, isDate(planCell.value)));
            // The CLI's reader: text stays text, however much it looks like a formula.
            const read = grid.rows[r]?.[c] ?? null;
            if (typeof planCell.value === 'string' && storableText(planCell.value) !== '')
              expect(read, where).toBe(readText(planCell.value));
            if (typeof planCell.value === 'boolean') expect(read, where).toBe(planCell.value);
            if (planCell.value !== null && typeof planCell.value === 'object' && 'formula' in planCell.value)
              expect(read, where).toEqual(UNCALCULATED_FORMULA);
          }),
        );

        const model = sheet.model as unknown as { merges: string[] };
        expect([...model.merges].sort()).toEqual(
          p.merges
            .filter((m) => m.bottom > m.top || m.right > m.left)
            .map(rangeRef)
            .sort(),
        );
        p.columnWidths.forEach((width, c) => {
          if (width !== 9) expect(sheet.getColumn(c + 1).width, `column ${c + 1}`).toBe(width);
        });
        for (const [row, height] of Object.entries(p.rowHeights ?? {}))
          expect(sheet.getRow(Number(row) + 1).height).toBe(height);

        const view = (sheet.views[0] ?? {}) as { state?: string; xSplit?: number; ySplit?: number };
        expect({ x: view.xSplit ?? 0, y: view.ySplit ?? 0 }).toEqual({ x: p.frozenColumns, y: p.frozenRows });
        expect(sheet.pageSetup.orientation).toBe(p.print.orientation);
        expect(Boolean(sheet.pageSetup.fitToPage)).toBe(p.print.fitToWidth || Boolean(p.print.fitToHeight));
        expect(sheet.pageSetup.printTitlesRow).toBe(
          p.print.repeatRows > 0 ? `1:${p.print.repeatRows}` : undefined,
        );
        expect(hex(sheet.properties.tabColor?.argb)).toBe(p.tabColour?.toUpperCase());

        const validations = (
          sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
        ).dataValidations.model;
        // exceljs reads a validation's range back whole or cell by cell: compared cell by cell.
        const readValidations = Object.entries(validations).flatMap(([key, v]) =>
          cellsOf(key.replace(/^range:/, '')).map((cell) => ({
            cell,
            type: v.type,
            allowBlank: Boolean(v.allowBlank),
            prompt: v.prompt,
            error: v.error,
          })),
        );
        const clipped = (s: string) => {
          const clean = storableText(s);
          return clean.length <= 255 ? clean : `${clean.slice(0, 254)}…`;
        };
        expect(readValidations.sort((a, b) => a.cell.localeCompare(b.cell))).toEqual(
          p.validations
            .flatMap((v) =>
              cellsOf(rangeRef(v.range)).map((cell) => ({
                cell,
                type: { list: 'list', wholeNumber: 'whole', date: 'date', custom: 'custom' }[v.rule.kind],
                allowBlank: v.allowBlank,
                prompt: v.prompt && clipped(v.prompt.text) !== '' ? clipped(v.prompt.text) : undefined,
                error: clipped(v.error.text) !== '' ? clipped(v.error.text) : undefined,
              })),
            )
            .sort((a, b) => a.cell.localeCompare(b.cell)),
        );

        const formats = (
          sheet as unknown as {
            conditionalFormattings: {
              ref: string;
              rules: { formulae: string[]; style?: Partial<ExcelJS.Style> }[];
            }[];
          }
        ).conditionalFormattings;
        expect(
          formats.map((f) => ({
            ref: f.ref,
            formula: f.rules[0]!.formulae[0],
            bold: Boolean(f.rules[0]!.style?.font?.bold),
            italic: Boolean(f.rules[0]!.style?.font?.italic),
            fontColour: hex(f.rules[0]!.style?.font?.color?.argb),
            fill:
              f.rules[0]!.style?.fill?.type === 'pattern'
                ? hex((f.rules[0]!.style.fill as ExcelJS.FillPattern).bgColor?.argb)
                : undefined,
            border: f.rules[0]!.style?.border?.top?.style === 'thin',
          })),
        ).toEqual(
          p.conditionalFormats.map((f) => ({
            ref: rangeRef(f.range),
            formula: formulaBody(f.formula),
            bold: Boolean(f.style.bold),
            italic: Boolean(f.style.italic),
            fontColour: f.style.fontColour?.toUpperCase(),
            fill: f.style.fill?.toUpperCase(),
            border: Boolean(f.style.border),
          })),
        );
      }
    },
  );
});
