// The Sheets WorkbookPort: SpreadsheetApp behind the core's jobs, moving whole blocks per call.
import type {
  CellBlock,
  ReadRequest,
  SheetBlock,
  SheetPlan,
  SheetRules,
  WorkbookPort,
} from '../core/index.ts';
import {
  hasNumericIds,
  idColumnsOf,
  sameSheetName,
  temporarySheetName,
  withShownIds,
  type SheetGrid,
} from '../core/index.ts';
import { gridOf, zonedDateText, type DateText } from './read-grid.ts';
import { renderPlan } from './render-plan.ts';
import type { SheetApi, SpreadsheetApi, SpreadsheetAppApi, UtilitiesApi } from './sheets-api.ts';
import { applyConditionalFormats, applyValidations } from './sheet-rules.ts';
import { AUTOMATIC, writeBlock, type BlockContext } from './write-block.ts';
import { zonedDates } from './zoned-date.ts';

interface NamedSheet {
  readonly sheet: SheetApi;
  readonly name: string;
}

export class SheetsWorkbookPort implements WorkbookPort {
  /**
   * Custom functions recalculate only when their arguments change (formulas pass the Scoring
   * range), and each cell calling one is an execution of its own (one formula per column).
   */
  readonly capabilities = { functionsRecalculateOnArgumentsOnly: true, formulasPerColumn: true } as const;
  /** Calls made through the port (SpreadsheetApp calls are counted by the tests' fake). */
  readonly calls = { read: 0, writeSheets: 0, writeCells: 0, applyRules: 0 };
  private zone: string | undefined;
  private dateTextCache: DateText | undefined;
  private blockContextCache: BlockContext | undefined;

  constructor(
    private readonly spreadsheet: SpreadsheetApi,
    private readonly app: SpreadsheetAppApi,
    private readonly utilities: UtilitiesApi,
  ) {}

  async read(requests: readonly ReadRequest[]): Promise<readonly (SheetBlock | undefined)[]> {
    this.calls.read++;
    const sheets = this.sheets();
    return requests.map((request) => {
      const found = sheets.find((s) => sameSheetName(s.name, request.sheet));
      return found ? this.readBlock(found, request) : undefined;
    });
  }

  async writeSheets(plans: readonly SheetPlan[]): Promise<void> {
    this.calls.writeSheets++;
    if (plans.length === 0) return;
    const order = this.sheets();
    const built: { sheet: SheetApi; plan: SheetPlan }[] = [];
    try {
      for (const plan of plans) {
        // Built under a temporary name next to the sheet it replaces (or at the end).
        const name = temporarySheetName(
          plan.name,
          order.map((s) => s.name),
        );
        const at = order.findIndex((s) => sameSheetName(s.name, plan.name));
        const index = at >= 0 ? at : order.length;
        const sheet = this.spreadsheet.insertSheet(name, index);
        order.splice(index, 0, { sheet, name });
        built.push({ sheet, plan });
        renderPlan(sheet, plan, this.app, this.blockContext());
      }
    } catch (error) {
      // Nothing half-built stays behind, and the old sheets were not touched.
      for (const { sheet } of built) this.spreadsheet.deleteSheet(sheet);
      throw error;
    }
    for (const { sheet, plan } of built) {
      const old = order.find((s) => s.sheet !== sheet && sameSheetName(s.name, plan.name));
      if (old) {
        this.spreadsheet.deleteSheet(old.sheet);
        order.splice(order.indexOf(old), 1);
      }
      sheet.setName(plan.name);
    }
  }

  async writeCells(sheetName: string, blocks: readonly CellBlock[]): Promise<void> {
    this.calls.writeCells++;
    const { sheet } = this.existing(sheetName);
    const rows = Math.max(0, ...blocks.map((b) => b.top + b.cells.length));
    const columns = Math.max(
      0,
      ...blocks.map((b) => b.left + Math.max(0, ...b.cells.map((row) => row.length))),
    );
    grow(sheet, rows, columns);
    for (const block of blocks) {
      if (isFormulaRow(block)) writeFormulas(sheet, block);
      else writeBlock(sheet, block.top, block.left, block.cells, this.blockContext());
    }
  }

  async applyRules(sheetName: string, rules: SheetRules): Promise<void> {
    this.calls.applyRules++;
    const { sheet } = this.existing(sheetName);
    const ranges = [
      ...rules.validations.map((v) => v.range),
      ...rules.conditionalFormats.map((f) => f.range),
    ];
    grow(
      sheet,
      Math.max(0, ...ranges.map((r) => r.bottom + 1)),
      Math.max(0, ...ranges.map((r) => r.right + 1)),
    );
    applyValidations(sheet, this.app, rules.validations);
    if (rules.conditionalFormats.length > 0)
      applyConditionalFormats(sheet, this.app, rules.conditionalFormats);
  }

  /** Every sheet with its name: one call for the list and one per sheet, never per row. */
  private sheets(): NamedSheet[] {
    return this.spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
  }

  private existing(name: string): NamedSheet {
    const found = this.sheets().find((s) => sameSheetName(s.name, name));
    if (!found) throw new Error(`There is no sheet called ${name}.`);
    return found;
  }

  private readBlock({ sheet, name }: NamedSheet, request: ReadRequest): SheetBlock {
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const range = request.range ?? { top: 0, left: 0, bottom: lastRow - 1, right: lastColumn - 1 };
    // Cells past the used range are empty: clip to it rather than read them.
    const bottom = Math.min(range.bottom, lastRow - 1);
    const right = Math.min(range.right, lastColumn - 1);
    if (bottom < range.top || right < range.left) return { name, rows: [], top: range.top, left: range.left };
    const values = sheet
      .getRange(range.top + 1, range.left + 1, bottom - range.top + 1, right - range.left + 1)
      .getValues();
    const rows = gridOf(values, this.dateText());
    if (request.range) return { name, rows, top: range.top, left: range.left };
    return { ...this.withShownIds(sheet, { name, rows }, bottom), top: 0, left: 0 };
  }

  /**
   * IDs as shown (a 7 formatted `000` shows 007): only when an ID column holds numbers, one
   * getDisplayValues of that column, so a register of text IDs costs no extra call.
   */
  private withShownIds(sheet: SheetApi, grid: SheetGrid, bottom: number): SheetGrid {
    if (!hasNumericIds(grid)) return grid;
    const shown = new Map<number, string[][]>();
    for (const column of idColumnsOf(grid).columns)
      shown.set(column, sheet.getRange(1, column + 1, bottom + 1, 1).getDisplayValues());
    return withShownIds(grid, (row, column) => shown.get(column)?.[row]?.[0]);
  }

  private timeZone(): string {
    return (this.zone ??= this.spreadsheet.getSpreadsheetTimeZone());
  }

  private dateText(): DateText {
    return (this.dateTextCache ??= zonedDateText(
      () => this.timeZone(),
      (date, zone, format) => this.utilities.formatDate(date, zone, format),
    ));
  }

  private blockContext(): BlockContext {
    if (!this.blockContextCache) {
      let dateOf: ((iso: string) => Date) | undefined;
      this.blockContextCache = {
        dateOf: (iso) => (dateOf ??= zonedDates(this.timeZone(), this.utilities))(iso),
      };
    }
    return this.blockContextCache;
  }
}

/** A row of unstyled formulas: Set up's column formulas, written into header cells the user styled. */
function isFormulaRow(block: CellBlock): boolean {
  return (
    block.cells.length === 1 &&
    block.cells[0]!.every(
      (cell) =>
        cell.style === undefined &&
        typeof cell.value === 'object' &&
        cell.value !== null &&
        'formula' in cell.value,
    )
  );
}

/** The formulas alone, with the number format a result needs: the cells' look stays the user's. */
function writeFormulas(sheet: SheetApi, block: CellBlock): void {
  const row = block.cells[0]!;
  const range = sheet.getRange(block.top + 1, block.left + 1, 1, row.length);
  range.setNumberFormats([row.map(() => AUTOMATIC)]);
  range.setFormulas([row.map((cell) => `=${(cell.value as { formula: string }).formula.replace(/^=/, '')}`)]);
}

/** Adds rows or columns when a write reaches past the sheet's grid (Sheets rejects such ranges). */
function grow(sheet: SheetApi, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}
