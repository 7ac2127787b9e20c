/**
 * The Excel add-in's Office.js port under the contract, over our strict Office.js fake: round
 * trips are `context.sync()` calls, and the snapshot reads the fake workbook back as Excel holds
 * it (values, formulas, formats, merges, validations, conditional formats, names).
 */
import type { SheetGrid, ValidationRule } from '../../../core/index.ts';
import { a1, a1Range, errorCell, formulaBody } from '../../../core/index.ts';
import { cellFromOffice } from '../../../excel-addin/read-grid.ts';
import { OfficeWorkbookPort, type ExcelRun } from '../../../excel-addin/workbook-port.ts';
import {
  createOfficeFake,
  type FakeSheet,
  type FakeWorkbookState,
  type OfficeFake,
} from '../../support/office-fake/index.ts';
import type {
  OpenedPort,
  PortUnderTest,
  SheetSnapshot,
  SnapshotValue,
  WorkbookSnapshot,
} from '../port-under-test.ts';
import { validationSummary } from '../port-under-test.ts';

export interface OpenedOfficePort extends OpenedPort {
  readonly port: OfficeWorkbookPort;
  readonly fake: OfficeFake;
}

/** Opens the sheets in a fresh fake workbook behind the Office.js port. */
export async function openOfficePort(
  sheets: readonly SheetGrid[],
  fake: OfficeFake = createOfficeFake(),
): Promise<OpenedOfficePort> {
  fake.loadSheets(sheets);
  const port = new OfficeWorkbookPort((fake.globals.Excel as { run: ExcelRun }).run);
  // The add-in learns the sheet names once when its runtime starts; the jobs' syncs count from here.
  await port.refreshSheetNames();
  const start = fake.state.syncCount;
  return {
    port,
    fake,
    roundTrips: () => fake.state.syncCount - start,
    snapshot: async () => snapshotOf(fake.state),
  };
}

export const OFFICE_PORT: PortUnderTest = {
  name: 'Office.js (fake Excel)',
  roundTripPerPortCall: true,
  open: (sheets) => openOfficePort(sheets),
};

export function snapshotOf(state: FakeWorkbookState): WorkbookSnapshot {
  return {
    sheets: state.sheets.map(sheetSnapshot),
    names: [...state.names.values()]
      .map(({ name, formula }) => ({ name, formula }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function sheetSnapshot(sheet: FakeSheet): SheetSnapshot {
  const values: SnapshotValue[][] = [];
  const styles: SheetSnapshot['styles'] = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const cell = sheet.cells.get(key)!;
    const r = Math.floor(key / 16_384);
    const c = key % 16_384;
    const value: SnapshotValue = cell.formula
      ? { formula: formulaBody(cell.formula) }
      : cell.error
        ? errorCell(String(cell.value))
        : cellFromOffice(cell.value, cell.numberFormat);
    if (value !== null) {
      while (values.length <= r) values.push([]);
      const row = values[r]!;
      while (row.length < c) row.push(null);
      row[c] = value;
    }
    const style: {
      -readonly [K in keyof SheetSnapshot['styles'][string]]: SheetSnapshot['styles'][string][K];
    } = {};
    if (cell.format.bold) style.bold = true;
    if (cell.format.fill) style.fill = cell.format.fill;
    if (cell.format.fontColor) style.fontColour = cell.format.fontColor;
    if (cell.format.wrapText) style.wrap = true;
    // `@` on a text cell is how the port keeps text as text, not a style a plan asked for.
    const textFormat = cell.numberFormat === '@' && typeof cell.value === 'string' && !cell.formula;
    if (cell.numberFormat !== 'General' && !textFormat) style.numberFormat = cell.numberFormat;
    if (Object.keys(style).length > 0) styles[a1(r, c)] = style;
  }
  const validations: Record<string, string> = {};
  for (const validation of sheet.validations) {
    const summary = validationSummary({ rule: ruleOf(validation.rule), allowBlank: validation.ignoreBlanks });
    for (let r = validation.rect.top; r <= validation.rect.bottom; r++) {
      for (let c = validation.rect.left; c <= validation.rect.right; c++) validations[a1(r, c)] = summary;
    }
  }
  return {
    name: sheet.name,
    values,
    styles,
    merges: sheet.merges.map((m) => a1Range(m.top, m.left, m.bottom, m.right)).sort(),
    validations: Object.fromEntries(Object.entries(validations).sort(([a], [b]) => a.localeCompare(b))),
    conditionalFormats: sheet.conditionalFormats
      .map((f) => ({
        range: a1Range(f.rect.top, f.rect.left, f.rect.bottom, f.rect.right),
        formula: formulaBody(f.formula ?? ''),
        ...(f.fill ? { fill: f.fill } : {}),
        ...(f.fontColor ? { fontColour: f.fontColor } : {}),
      }))
      .sort((a, b) => a.range.localeCompare(b.range) || a.formula.localeCompare(b.formula)),
    frozenRows: sheet.frozenRows,
  };
}

/** An Office.js validation rule read back as the plan's rule. */
function ruleOf(rule: Record<string, unknown>): ValidationRule {
  const [kind, body] = Object.entries(rule)[0] as [string, Record<string, unknown>];
  switch (kind) {
    case 'list': {
      const source = String(body.source);
      return { kind: 'list', values: source.startsWith('=') ? [source] : source.split(',') };
    }
    case 'wholeNumber':
      return { kind: 'wholeNumber', min: Number(body.formula1), max: Number(body.formula2) };
    case 'date':
      return { kind: 'date' };
    case 'custom':
      return { kind: 'custom', formula: formulaBody(String(body.formula)) };
  }
  throw new Error(`unknown validation rule ${kind}`);
}
