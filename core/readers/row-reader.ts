/** Reading the data rows of a located table, one row at a time, with the checks every row gets. */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { UNCALCULATED, isDateCell, isErrorCell } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import type { ColumnSpec } from './headers.ts';
import type { IssueList } from './issue-list.ts';

/** Reads data rows of a grid through the located columns, treating anything odd as blank. One per sheet. */
export class RowReader<K extends string> {
  private row: readonly CellValue[] | undefined;

  constructor(readonly columns: ReadonlyMap<K, number>) {}

  /** Moves to another row of the grid. */
  read(row: readonly CellValue[] | undefined): this {
    this.row = row;
    return this;
  }

  column(key: K): number | undefined {
    return this.columns.get(key);
  }

  value(key: K): CellValue {
    const column = this.columns.get(key);
    if (column === undefined || !Array.isArray(this.row)) return null;
    const value: unknown = this.row[column];
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return value;
    if (isDateCell(value) || isErrorCell(value)) return value;
    return null;
  }

  text(key: K): string {
    return cellText(this.value(key));
  }

  blank(key: K): boolean {
    return cellText(this.value(key)) === '';
  }

  error(key: K): boolean {
    return isErrorCell(this.value(key));
  }

  /** True when every located column of the row is blank. */
  allBlank(): boolean {
    for (const key of this.columns.keys()) if (!this.blank(key)) return false;
    return true;
  }
}

/** One row being checked: its issues go to the sheet's list, and any error keeps the row out. */
export class RowCheck<K extends string> {
  ok = true;

  constructor(
    readonly reader: RowReader<K>,
    readonly row: number,
    private readonly issues: IssueList,
  ) {}

  error(column: number, message: string): void {
    this.issues.error(this.row, column, message);
    this.ok = false;
  }

  warning(column: number, message: string): void {
    this.issues.warning(this.row, column, message);
  }
}

/** Each column's label for messages, from its spec. */
export function labelsOf<K extends string>(specs: readonly ColumnSpec<K>[]): Readonly<Record<K, string>> {
  return Object.fromEntries(specs.map((spec) => [spec.key, spec.label])) as Record<K, string>;
}

/** Columns whose values the register does not use (it computes them), so their errors only warn. */
const DERIVED_COLUMNS: ReadonlySet<string> = new Set(['score', 'rating']);

/** Reports every error cell in the row's known columns; an error cell blocks the row unless its column is derived. */
export function reportErrorCells<K extends string>(check: RowCheck<K>, labels: Readonly<Record<K, string>>): void {
  for (const [key, column] of check.reader.columns) {
    const value = check.reader.value(key);
    if (!isErrorCell(value)) continue;
    if (value.code === UNCALCULATED) {
      // Score and Rating are computed anyway; elsewhere the value the formula stands for is unknown.
      if (DERIVED_COLUMNS.has(key)) continue;
      check.error(
        column,
        `${labels[key]} is a formula with no calculated value; open and save the workbook in Excel or LibreOffice to calculate it`,
      );
    } else if (DERIVED_COLUMNS.has(key)) {
      check.warning(column, `${labels[key]} is the error ${cellText(value)}; the computed ${labels[key]} is used`);
    } else {
      check.error(column, `${labels[key]} is the error ${cellText(value)}`);
    }
  }
}

export function safeRows(grid: SheetGrid): readonly (readonly CellValue[])[] {
  return Array.isArray(grid.rows) ? grid.rows : [];
}

export function hasMissingRequired<K extends string>(
  columns: ReadonlyMap<K, number>,
  specs: readonly ColumnSpec<K>[],
): boolean {
  return specs.some((spec) => spec.required && !columns.has(spec.key));
}
