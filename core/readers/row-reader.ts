/** Reading the data rows of a located table, one row at a time, with the checks every row gets. */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { UNCALCULATED, isDateCell, isErrorCell } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import type { ColumnSpec } from './headers.ts';
import { isMissing } from './headers.ts';
import type { IssueList } from './issue-list.ts';
import { uncalculatedText } from '../issues/messages.ts';

const NOT_BLANK = /\S/;

/**
 * Whether a cell as RowReader reads it has empty text, found without building the text (numbers
 * are never blank): every check of every row asks.
 */
export function isBlankValue(value: CellValue): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return !NOT_BLANK.test(value);
  if (typeof value === 'number' || typeof value === 'boolean') return false;
  return cellText(value) === '';
}

/** A cell with a value that is not an error cell; a column the sheet lacks reads as blank. */
export function isPresent(value: CellValue): boolean {
  return !isBlankValue(value) && !isErrorCell(value);
}

/** Reads data rows of a grid through the located columns, treating anything odd as blank. One per sheet. */
export class RowReader<K extends string> {
  private row: readonly CellValue[] | undefined;
  /** The located columns as a list: every row walks them, so no Map iteration per row. */
  private readonly located: readonly (readonly [K, number])[];

  /** Error cells met so far in each derived column: the first one's place, and each one's code. */
  readonly derivedErrors = new Map<K, { row: number; column: number; codes: string[] }>();

  /** The located columns by key as a plain object: every check of every row looks one up, and this is faster than the Map. */
  private readonly indexOf: Partial<Record<K, number>>;

  constructor(readonly columns: ReadonlyMap<K, number>) {
    this.located = [...columns];
    this.indexOf = Object.fromEntries(columns) as Partial<Record<K, number>>;
  }

  /** Moves to another row of the grid; anything but an array reads as an empty row. */
  read(row: readonly CellValue[] | undefined): this {
    this.row = Array.isArray(row) ? row : undefined;
    return this;
  }

  /** The located columns and their indexes. */
  entries(): readonly (readonly [K, number])[] {
    return this.located;
  }

  column(key: K): number | undefined {
    return this.indexOf[key];
  }

  value(key: K): CellValue {
    return this.valueAt(this.indexOf[key]);
  }

  /** The cell of the row in a column (by index, for loops over `entries()`); anything odd reads as blank. */
  valueAt(column: number | undefined): CellValue {
    if (column === undefined || this.row === undefined) return null;
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
    return isBlankValue(this.value(key));
  }

  error(key: K): boolean {
    return isErrorCell(this.value(key));
  }

  /** True when every located column of the row is blank (checked without building any text: it runs on every row). */
  allBlank(): boolean {
    if (this.row === undefined) return true;
    // Indexed loops over the located columns, here and in reportErrorCells: they run on every
    // row, and destructuring each entry in a for-of allocated on every row.
    const located = this.located;
    for (let i = 0; i < located.length; i++) if (!isBlankValue(this.valueAt(located[i]![1]))) return false;
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

/** Columns whose values the register does not use (it computes them), so their errors only warn: each with the function that fills it. */
const DERIVED_FUNCTIONS: Readonly<Record<string, string>> = {
  score: 'RISKSCORE',
  rating: 'RISKRATING',
  inherentScore: 'RISKSCORE',
  inherentRating: 'RISKRATING',
  targetScore: 'RISKSCORE',
  targetRating: 'RISKRATING',
};

/**
 * Reports every error cell in the row's known columns; an error cell blocks the row unless its column is derived.
 * Errors in a derived column are only counted, for `reportDerivedErrors`.
 */
export function reportErrorCells<K extends string>(
  check: RowCheck<K>,
  labels: Readonly<Record<K, string>>,
): void {
  const { reader } = check;
  const entries = reader.entries();
  for (let i = 0; i < entries.length; i++) {
    const [key, column] = entries[i]!;
    const value = reader.valueAt(column);
    if (!isErrorCell(value)) continue;
    // Score and Rating are computed anyway, so a formula with no value there says nothing.
    if (Object.prototype.hasOwnProperty.call(DERIVED_FUNCTIONS, key)) {
      if (value.code === UNCALCULATED) continue;
      const seen = reader.derivedErrors.get(key) ?? { row: check.row, column, codes: [] };
      seen.codes.push(cellText(value));
      reader.derivedErrors.set(key, seen);
    } else {
      check.error(
        column,
        value.code === UNCALCULATED
          ? uncalculatedText(labels[key])
          : `${labels[key]} is the error ${cellText(value)}`,
      );
    }
  }
}

/**
 * One warning per derived column with error cells, at the first: a client that cannot run the
 * workbook's function (LibreOffice and LAMBDA) shows an error in every cell, and that is one fact.
 * @example '232 Score cells show #VALUE!, so the workbook's RISKSCORE could not be calculated there; the computed scores are used'
 */
export function reportDerivedErrors<K extends string>(
  reader: RowReader<K>,
  issues: IssueList,
  labels: Readonly<Record<K, string>>,
): void {
  for (const [key, { row, column, codes }] of reader.derivedErrors) {
    const label = labels[key];
    const many = codes.length > 1;
    issues.warning(
      row,
      column,
      `${codes.length} ${label[0]!.toUpperCase()}${label.slice(1)} cell${many ? 's show' : ' shows'} ${[...new Set(codes)].join(' or ')}, ` +
        `so the workbook's ${DERIVED_FUNCTIONS[key]} could not be calculated there; the computed ${label}${many ? 's are' : ' is'} used`,
    );
  }
}

export function safeRows(grid: SheetGrid): readonly (readonly CellValue[])[] {
  return Array.isArray(grid.rows) ? grid.rows : [];
}

export function hasMissingRequired<K extends string>(
  columns: ReadonlyMap<K, number>,
  specs: readonly ColumnSpec<K>[],
): boolean {
  return specs.some((spec) => isMissing(spec, columns));
}
