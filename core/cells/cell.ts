/**
 * What every host hands the core: one sheet as a 2-D array of plain values.
 * Dates are calendar dates, never instants — each host converts its own date form once
 * (see dates.ts) so that no time zone can move a date across a quarter boundary.
 */

/** A calendar date as ISO text, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A cell that holds a date (a host saw a date cell, not a number or text). */
export interface DateCell {
  readonly kind: 'date';
  readonly iso: IsoDate;
}

/** A cell that holds a spreadsheet error such as `#N/A` or `#VALUE!`. */
export interface ErrorCell {
  readonly kind: 'error';
  readonly code: string;
}

export type CellValue = string | number | boolean | null | DateCell | ErrorCell;

/** A merged area of a sheet, 0-based and inclusive: its value sits in the top-left cell. */
export interface MergedArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One sheet as read by a host: `rows[0]` is sheet row 1, `rows[r][0]` is column A. */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** The sheet's merged areas, when the host reads them (the .xlsx reader does). */
  readonly merges?: readonly MergedArea[];
}

export function dateCell(iso: IsoDate): DateCell {
  return { kind: 'date', iso };
}

/**
 * The error code a host gives a formula cell whose file holds no calculated result (openpyxl,
 * SheetJS and our own writer save formulas without one): not blank, and not a value either.
 */
export const UNCALCULATED = '#UNCALCULATED';

export function errorCell(code: string): ErrorCell {
  return { kind: 'error', code };
}

export function isDateCell(value: unknown): value is DateCell {
  return typeof value === 'object' && value !== null && (value as DateCell).kind === 'date';
}

export function isErrorCell(value: unknown): value is ErrorCell {
  return typeof value === 'object' && value !== null && (value as ErrorCell).kind === 'error';
}

/** True for a cell a user would call empty: nothing, or only white space. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Column letters for a 0-based column index.
 * @example columnLetter(0) // 'A'
 * @example columnLetter(27) // 'AB'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A1 address for 0-based row and column indexes.
 * @example a1(6, 3) // 'D7'
 */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** A1 range for 0-based corners, inclusive. @example a1Range(1, 0, 9, 2) // 'A2:C10' */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/**
 * 0-based row and column of an A1 address; undefined for anything else.
 * @example parseA1('D7') // { row: 6, column: 3 }
 */
export function parseA1(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$/.exec(address.trim().toUpperCase());
  if (!match) return undefined;
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]!) };
}

/**
 * 0-based column index for column letters, the inverse of columnLetter.
 * @example columnIndex('AB') // 27
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n - 1;
}
