/**
 * An in-memory SpreadsheetApp for tests: strict where Sheets is strict (range shapes, sheet
 * sizes, unique names, Dates of the script's own realm), and counting every call on a
 * Spreadsheet, Sheet, Range or RangeList so tests can assert round trips. `globals` is what a
 * vm context needs to run the built Code.js.
 */
import type { CellValue, SheetGrid } from '../../../core/index.ts';
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './builders.ts';
import { parseCall, type FakeCustomFunction } from './calculation.ts';
import type { Content } from './fake-cell.ts';
import type { CallCounter, FakeEnv } from './fake-env.ts';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, type FakeSheet } from './fake-sheet.ts';
import { FakeSpreadsheet } from './fake-spreadsheet.ts';
import { FakeUi } from './fake-ui.ts';
import { createUtilities, type FakeUtilities } from './fake-utilities.ts';
import { localMidnight } from './zone.ts';

export { FakeSpreadsheet } from './fake-spreadsheet.ts';
export type { FakeSheet } from './fake-sheet.ts';
export type { FakeRange } from './fake-range.ts';
export type { FakeUi } from './fake-ui.ts';
export { FakeDataValidation, FakeConditionalFormatRule } from './builders.ts';
export { isoInZone, localMidnight } from './zone.ts';
export { type FakeUtilities } from './fake-utilities.ts';

export interface SheetsFakeOptions {
  /** Sheets to start with, values as a user typed them (text stays text). */
  readonly sheets?: readonly SheetGrid[];
  /** The Date of the realm the script runs in (a vm context's `Date`); the host's by default. */
  readonly Date?: DateConstructor;
  readonly timeZone?: string;
  readonly formulaValue?: (formula: string) => string | number | boolean;
  /** Custom functions the spreadsheet calculates (the script's globals); see calculation.ts. */
  readonly customFunctions?: Readonly<Record<string, FakeCustomFunction>>;
}

export interface SheetsFake {
  readonly SpreadsheetApp: FakeSpreadsheetApp;
  readonly Utilities: FakeUtilities;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  readonly calls: CallCounter;
  /** The globals to put into a vm context. */
  readonly globals: Record<string, unknown>;
  /** Lets the spreadsheet calculate cells calling these (a loaded script's RISKSCORE…). */
  defineCustomFunctions(functions: Readonly<Record<string, FakeCustomFunction>>): void;
  /**
   * Cells whose formula calls a custom function: each is one execution of the script on every
   * recalculation, which is what makes a sheet slow to calculate.
   */
  customFunctionCells(): number;
}

export interface FakeSpreadsheetApp {
  getActive(): FakeSpreadsheet;
  getActiveSpreadsheet(): FakeSpreadsheet;
  getUi(): FakeUi;
  newDataValidation(): FakeDataValidationBuilder;
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder;
  flush(): void;
}

function seedContent(value: CellValue, env: FakeEnv): Content | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value.kind === 'date') return { kind: 'date', ms: localMidnight(value.iso, env.timeZone) };
  return { kind: 'error', code: value.code };
}

/** Adds a sheet holding `grid`'s values, without counting calls. */
export function seedSheet(spreadsheet: FakeSpreadsheet, grid: SheetGrid): FakeSheet {
  const width = Math.max(0, ...grid.rows.map((row) => row.length));
  const sheet = spreadsheet.addSheet(
    grid.name,
    undefined,
    Math.max(NEW_SHEET_ROWS, grid.rows.length),
    Math.max(NEW_SHEET_COLUMNS, width),
  );
  grid.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const content = seedContent(value, spreadsheet.env);
      if (content) sheet.cellAt(r, c).content = content;
    }),
  );
  return sheet;
}

export function createSheetsFake(options: SheetsFakeOptions = {}): SheetsFake {
  const calls: CallCounter = { count: 0, byMethod: new Map() };
  const env: FakeEnv = {
    calls,
    Date: options.Date ?? Date,
    timeZone: options.timeZone ?? 'Europe/London',
    formulaValue: options.formulaValue ?? (() => ''),
    customFunctions: new Map(),
    calculating: new Set(),
  };
  const defineCustomFunctions = (functions: Readonly<Record<string, FakeCustomFunction>>) => {
    for (const [name, fn] of Object.entries(functions)) env.customFunctions.set(name.toUpperCase(), fn);
  };
  defineCustomFunctions(options.customFunctions ?? {});
  const spreadsheet = new FakeSpreadsheet(env);
  for (const grid of options.sheets ?? []) seedSheet(spreadsheet, grid);
  if (spreadsheet.sheets.length === 0) spreadsheet.addSheet('Sheet1');
  const ui = new FakeUi();
  const SpreadsheetApp: FakeSpreadsheetApp = {
    getActive: () => spreadsheet,
    getActiveSpreadsheet: () => spreadsheet,
    getUi: () => ui,
    newDataValidation: () => new FakeDataValidationBuilder(),
    newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(),
    flush: () => undefined,
  };
  const Utilities = createUtilities();
  const customFunctionCells = () => {
    let cells = 0;
    for (const sheet of spreadsheet.sheets)
      for (const row of sheet.cells)
        for (const cell of row ?? [])
          if (cell?.content?.kind === 'formula' && parseCall(cell.content.formula, env.customFunctions))
            cells++;
    return cells;
  };
  return {
    SpreadsheetApp,
    Utilities,
    spreadsheet,
    ui,
    calls,
    globals: { SpreadsheetApp, Utilities },
    defineCustomFunctions,
    customFunctionCells,
  };
}
