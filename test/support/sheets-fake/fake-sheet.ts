// Sheet: the grid of cells, its size, frozen panes, sizes, merges and conditional-format rules.
import { FakeConditionalFormatRule } from './builders.ts';
import { calculateSheet, type Calculation } from './calculation.ts';
import { valueOf, type FakeCell } from './fake-cell.ts';
import { count, parseA1, type FakeEnv } from './fake-env.ts';
import { FakeRange, FakeRangeList } from './fake-range.ts';
import type { FakeSpreadsheet } from './fake-spreadsheet.ts';

/** A new sheet in Sheets has 1,000 rows and 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export class FakeSheet {
  /** `cells[row][column]`, 0-based, created on first write. */
  readonly cells: (FakeCell | undefined)[][] = [];
  readonly merges: FakeRange[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    public maxRows = NEW_SHEET_ROWS,
    public maxColumns = NEW_SHEET_COLUMNS,
  ) {}

  get env(): FakeEnv {
    return this.spreadsheet.env;
  }

  private count(method: string): void {
    count(this.env, `Sheet.${method}`);
  }

  /** Not counted: the cell at 0-based (row, column), created when missing. */
  cellAt(row: number, column: number): FakeCell {
    const cells = (this.cells[row] ??= []);
    return (cells[column] ??= {});
  }

  /** Not counted: the cell at 0-based (row, column) if it was ever written. */
  peek(row: number, column: number): FakeCell | undefined {
    return this.cells[row]?.[column];
  }

  getName(): string {
    this.count('getName');
    return this.name;
  }
  setName(name: string): this {
    this.count('setName');
    this.spreadsheet.checkName(name, this);
    this.name = name;
    return this;
  }
  getIndex(): number {
    this.count('getIndex');
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent(): FakeSpreadsheet {
    this.count('getParent');
    return this.spreadsheet;
  }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.count('getRange');
    if (typeof rowOrA1 === 'string') {
      const a = parseA1(rowOrA1);
      return this.range(a.row, a.column, a.numRows, a.numColumns);
    }
    if (column === undefined) throw new Error('fake: getRange(row) needs a column');
    return this.range(rowOrA1, column, numRows, numColumns);
  }

  /** Not counted: a range checked against the sheet's size, as Sheets checks it. */
  range(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    for (const [what, n] of [
      ['row', row],
      ['column', column],
      ['number of rows', numRows],
      ['number of columns', numColumns],
    ] as const) {
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`The ${what} in the range must be at least 1 (got ${n}).`);
    }
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  getRangeList(a1s: string[]): FakeRangeList {
    this.count('getRangeList');
    return new FakeRangeList(
      this,
      a1s.map((a1) => {
        const a = parseA1(a1);
        return this.range(a.row, a.column, a.numRows, a.numColumns);
      }),
    );
  }

  getDataRange(): FakeRange {
    this.count('getDataRange');
    return this.range(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  /**
   * Not counted: what Sheets shows in each cell, as a function of 0-based (row, column): stored
   * values, custom-function formulas calculated and their arrays spilled (calculation.ts).
   */
  shownValues(): (row: number, column: number) => unknown {
    const calculation = this.calculation();
    return (row, column) => {
      const key = `${row},${column}`;
      if (calculation?.shown.has(key)) return calculation.shown.get(key);
      return valueOf(this.peek(row, column)?.content, this.env);
    };
  }

  /** The sheet's custom-function formulas calculated; undefined when there are none to calculate. */
  calculation(): Calculation | undefined {
    const env = this.env;
    if (env.customFunctions.size === 0 || env.calculating.has(this)) return undefined;
    env.calculating.add(this);
    try {
      const shown = new Map<FakeSheet, (row: number, column: number) => unknown>();
      return calculateSheet(
        this,
        env.customFunctions,
        (name) => this.spreadsheet.sheets.find((sheet) => sheet.name === name),
        (sheet, row, column) => {
          const of = shown.get(sheet as FakeSheet) ?? (sheet as FakeSheet).shownValues();
          shown.set(sheet as FakeSheet, of);
          return of(row, column);
        },
      );
    } finally {
      env.calculating.delete(this);
    }
  }

  /** Not counted: the last row (1-based) holding content or a spilled value, 0 when none. */
  lastRow(): number {
    const spilled = this.calculation()?.lastSpilledRow ?? 0;
    for (let r = this.cells.length - 1; r >= spilled; r--)
      if (this.cells[r]?.some((cell) => cell?.content)) return r + 1;
    return spilled;
  }
  lastColumn(): number {
    let last = this.calculation()?.lastSpilledColumn ?? 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c]?.content) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }
  getLastRow(): number {
    this.count('getLastRow');
    return this.lastRow();
  }
  getLastColumn(): number {
    this.count('getLastColumn');
    return this.lastColumn();
  }
  getMaxRows(): number {
    this.count('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.count('getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(after: number, howMany: number): this {
    this.count('insertRowsAfter');
    if (after !== this.maxRows) throw new Error('fake: only inserting rows at the end is modelled');
    if (!(howMany >= 1)) throw new Error('fake: insertRowsAfter needs howMany ≥ 1');
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    this.count('insertColumnsAfter');
    if (after !== this.maxColumns) throw new Error('fake: only inserting columns at the end is modelled');
    if (!(howMany >= 1)) throw new Error('fake: insertColumnsAfter needs howMany ≥ 1');
    this.maxColumns += howMany;
    return this;
  }
  deleteRows(position: number, howMany: number): void {
    this.count('deleteRows');
    if (position + howMany - 1 !== this.maxRows)
      throw new Error('fake: only deleting rows at the end is modelled');
    if (position <= this.frozenRows + 1)
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    if (this.lastRow() >= position) throw new Error('fake: deleting rows that hold content is not modelled');
    this.maxRows -= howMany;
  }
  deleteColumns(position: number, howMany: number): void {
    this.count('deleteColumns');
    if (position + howMany - 1 !== this.maxColumns)
      throw new Error('fake: only deleting columns at the end is modelled');
    if (position <= this.frozenColumns + 1)
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    if (this.lastColumn() >= position)
      throw new Error('fake: deleting columns that hold content is not modelled');
    this.maxColumns -= howMany;
  }

  setFrozenRows(rows: number): void {
    this.count('setFrozenRows');
    if (rows >= this.maxRows) throw new Error('fake: cannot freeze every row');
    this.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.count('setFrozenColumns');
    if (columns >= this.maxColumns) throw new Error('fake: cannot freeze every column');
    this.frozenColumns = columns;
  }
  getFrozenRows(): number {
    this.count('getFrozenRows');
    return this.frozenRows;
  }
  getFrozenColumns(): number {
    this.count('getFrozenColumns');
    return this.frozenColumns;
  }

  setColumnWidth(column: number, width: number): this {
    this.count('setColumnWidth');
    this.columnWidths.set(column, width);
    return this;
  }
  setColumnWidths(start: number, numColumns: number, width: number): this {
    this.count('setColumnWidths');
    if (start + numColumns - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    for (let c = start; c < start + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  setRowHeight(row: number, height: number): this {
    this.count('setRowHeight');
    this.rowHeights.set(row, height);
    return this;
  }
  setRowHeights(start: number, numRows: number, height: number): this {
    this.count('setRowHeights');
    if (start + numRows - 1 > this.maxRows)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    for (let r = start; r < start + numRows; r++) this.rowHeights.set(r, height);
    return this;
  }
  setTabColor(color: string | null): this {
    this.count('setTabColor');
    if (color !== null && !/^#[0-9a-fA-F]{6}$/.test(color)) throw new Error(`fake: ${color} is not #RRGGBB`);
    this.tabColor = color;
    return this;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.count('getConditionalFormatRules');
    return [...this.conditionalFormatRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.count('setConditionalFormatRules');
    for (const rule of rules) {
      if (!(rule instanceof FakeConditionalFormatRule))
        throw new Error('fake: not a built conditional format rule');
      if (rule.ranges.some((range) => range.getSheetUncounted() !== this)) {
        throw new Error("fake: a conditional format rule's ranges must be on its sheet");
      }
    }
    this.conditionalFormatRules = [...rules];
  }

  /** Not counted: records a merge, rejecting one that overlaps another as Sheets does. */
  addMerge(range: FakeRange): void {
    const overlaps = (a: FakeRange, b: FakeRange) =>
      a.row <= b.row + b.numRows - 1 &&
      b.row <= a.row + a.numRows - 1 &&
      a.column <= b.column + b.numColumns - 1 &&
      b.column <= a.column + a.numColumns - 1;
    if (this.merges.some((m) => overlaps(m, range))) {
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    }
    if (range.numRows * range.numColumns === 1) return;
    // Merging keeps the top-left value only.
    for (let r = range.row - 1; r < range.row - 1 + range.numRows; r++) {
      for (let c = range.column - 1; c < range.column - 1 + range.numColumns; c++) {
        if (r === range.row - 1 && c === range.column - 1) continue;
        const cell = this.peek(r, c);
        if (cell) delete cell.content;
      }
    }
    this.merges.push(range);
  }
}
