/**
 * The CLI's port under the contract: the sheets go into a real .xlsx file, the port writes it
 * with exceljs and reads it with the CLI's own .xlsx reader, and the snapshot reads the written
 * file back — so what is compared is what Excel and LibreOffice would open.
 */
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../../core/index.ts';
import { a1, parseA1 } from '../../../core/index.ts';
import { readDefinedNames } from '../../../cli/functions.ts';
import { readSheetGrid } from '../../../cli/read-grid.ts';
import { XlsxWorkbookPort } from '../../../cli/workbook-port.ts';
import { openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { fixtureWorkbookBuffer } from '../../support/workbook-fixture.ts';
import type {
  OpenedPort,
  PortUnderTest,
  SheetSnapshot,
  SnapshotValue,
  WorkbookSnapshot,
} from '../port-under-test.ts';

export const EXCELJS_PORT: PortUnderTest = {
  name: 'exceljs (.xlsx files)',
  roundTripPerPortCall: true,
  async open(sheets: readonly SheetGrid[]): Promise<OpenedPort> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fixtureWorkbookBuffer(sheets)) as unknown as ExcelJS.Buffer);
    // Every read goes through the CLI's .xlsx reader on the file as it is now, writes included.
    const source = {
      readSheets: async (names: readonly string[]) => {
        const file = openXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
        return names.map((name) => file.readSheet(name));
      },
    };
    const port = new XlsxWorkbookPort(source, workbook);
    const calls = port.calls;
    return {
      port,
      roundTrips: () =>
        calls.read + calls.writeSheets + calls.writeCells + calls.applyRules + calls.defineNames,
      snapshot: async () => snapshotOfFile(await port.outputBuffer()),
    };
  },
};

export async function snapshotOfFile(buffer: Buffer): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const names = Object.entries(await readDefinedNames(buffer))
    .map(([name, formula]) => ({ name, formula: displayForm(formula) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { sheets: workbook.worksheets.map(sheetSnapshot), names };
}

/** `_xlfn.LAMBDA(_xlpm.impact,…)` as Excel shows it: `=LAMBDA(impact,…)`. */
function displayForm(fileFormula: string): string {
  return `=${fileFormula.replace(/_xlfn\.|_xlpm\./g, '')}`;
}

function argbToHex(argb: string | undefined): string | undefined {
  return argb ? `#${argb.slice(-6).toUpperCase()}` : undefined;
}

function sheetSnapshot(sheet: ExcelJS.Worksheet): SheetSnapshot {
  const grid = readSheetGrid(sheet);
  const values: SnapshotValue[][] = grid.rows.map((row) => [...row]);
  const styles: SheetSnapshot['styles'] = {};
  sheet.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const raw = cell.value as { formula?: string; sharedFormula?: string } | null;
      if (raw && typeof raw === 'object' && typeof raw.formula === 'string') {
        while (values.length < r) values.push([]);
        const line = values[r - 1]!;
        while (line.length < c) line.push(null);
        line[c - 1] = { formula: raw.formula };
      }
      const style = cellStyle(cell);
      if (Object.keys(style).length > 0 && cell.type !== ExcelJS.ValueType.Merge)
        styles[a1(r - 1, c - 1)] = style;
    }),
  );
  return {
    name: sheet.name,
    values: trim(values),
    styles,
    merges: [...((sheet.model as { merges?: string[] }).merges ?? [])].sort(),
    validations: validationsOf(sheet),
    conditionalFormats: conditionalFormatsOf(sheet),
    frozenRows: ((sheet.views ?? [])[0] as { ySplit?: number } | undefined)?.ySplit ?? 0,
  };
}

function cellStyle(cell: ExcelJS.Cell): SheetSnapshot['styles'][string] {
  const fill = cell.fill?.type === 'pattern' ? argbToHex(cell.fill.fgColor?.argb) : undefined;
  const out: { -readonly [K in keyof SheetSnapshot['styles'][string]]: SheetSnapshot['styles'][string][K] } =
    {};
  if (cell.font?.bold) out.bold = true;
  if (fill) out.fill = fill;
  const colour = argbToHex(cell.font?.color?.argb);
  if (colour) out.fontColour = colour;
  if (cell.numFmt && cell.numFmt !== 'General') out.numberFormat = cell.numFmt;
  if (cell.alignment?.wrapText) out.wrap = true;
  return out;
}

function trim(rows: SnapshotValue[][]): SnapshotValue[][] {
  const out = rows.map((row) => {
    const cells = row.map((v) => (v === '' ? null : v));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

interface ExcelValidation {
  type: string;
  allowBlank?: boolean;
  formulae?: unknown[];
}

/** exceljs reads a validation range back keyed by address or range; expand to cells. */
function validationsOf(sheet: ExcelJS.Worksheet): Record<string, string> {
  const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelValidation> } })
    .dataValidations.model;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(model)) {
    const summary = summaryOf(v);
    for (const address of cellsOf(key.replace(/^range:/, ''))) out[address] = summary;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function cellsOf(ref: string): string[] {
  const [from = '', to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return [];
  const out: string[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.column; c <= b.column; c++) out.push(a1(r, c));
  return out;
}

function summaryOf(v: ExcelValidation): string {
  const blank = v.allowBlank ? ', blank ok' : '';
  const first = v.formulae?.[0];
  switch (v.type) {
    case 'list':
      return `list ${String(first).replace(/^"|"$/g, '').split(',').join('|')}${blank}`;
    case 'whole':
      return `wholeNumber ${String(first)}-${String(v.formulae?.[1])}${blank}`;
    case 'custom':
      return `custom ${String(first)}${blank}`;
    default:
      return `${v.type}${blank}`;
  }
}

function conditionalFormatsOf(sheet: ExcelJS.Worksheet): SheetSnapshot['conditionalFormats'] {
  const formats =
    (
      sheet as unknown as {
        conditionalFormattings?: {
          ref: string;
          rules: { formulae?: string[]; style?: Partial<ExcelJS.Style> }[];
        }[];
      }
    ).conditionalFormattings ?? [];
  return formats
    .flatMap((f) =>
      f.rules.map((rule) => {
        const fill =
          rule.style?.fill?.type === 'pattern'
            ? argbToHex(
                (rule.style.fill as ExcelJS.FillPattern).bgColor?.argb ??
                  (rule.style.fill as ExcelJS.FillPattern).fgColor?.argb,
              )
            : undefined;
        const fontColour = argbToHex(rule.style?.font?.color?.argb);
        const range = f.ref.includes(':') ? f.ref : `${f.ref}:${f.ref}`;
        return {
          range,
          formula: String(rule.formulae?.[0] ?? ''),
          ...(fill ? { fill } : {}),
          ...(fontColour ? { fontColour } : {}),
        };
      }),
    )
    .sort((a, b) => a.range.localeCompare(b.range) || a.formula.localeCompare(b.formula));
}
