// Sheets values (getValues, custom-function arguments) → the core's CellValue, dates in the sheet's zone.
import { dateCell, errorCell, type CellValue } from '../core/index.ts';

/** Formats a Date as `YYYY-MM-DD` in the spreadsheet's zone (Utilities.formatDate). */
export type DateText = (date: Date) => string;

/** The error codes Sheets shows; getValues() hands an error cell over as its code. */
const ERROR_CODES: ReadonlySet<string> = new Set([
  '#N/A',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
]);

function isDate(value: unknown): value is Date {
  // Not instanceof: a Date may come from another realm (a test's vm context).
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * One value as the core reads it. Sheets gives a date cell as the Date of local midnight in the
 * spreadsheet's zone (2022-07-01 in London is 2022-06-30T23:00Z), so the calendar date is taken
 * in that zone, never in UTC.
 */
export function cellValueOf(value: unknown, dateText: DateText): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return ERROR_CODES.has(value) ? errorCell(value) : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : errorCell('#NUM!');
  if (typeof value === 'boolean') return value;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : dateCell(dateText(value));
  return null;
}

/** A 2-D block of values; trailing empty cells of each row are dropped, so rows may be short. */
export function gridOf(values: readonly (readonly unknown[])[], dateText: DateText): CellValue[][] {
  const rows: CellValue[][] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const source = values[r]!;
    const row: CellValue[] = [];
    let used = 0;
    for (let c = 0; c < source.length; c++) {
      const value = cellValueOf(source[c], dateText);
      row.push(value);
      if (value !== null) used = c + 1;
    }
    row.length = used;
    rows[r] = row;
  }
  let last = rows.length;
  while (last > 0 && rows[last - 1]!.length === 0) last--;
  rows.length = last;
  return rows;
}

/**
 * A DateText for a spreadsheet, asking for its zone only when a date turns up. formatDate is a
 * service call, so each instant is formatted once: a register's dates fall on far fewer days
 * than it has date cells.
 */
export function zonedDateText(
  zone: () => string,
  formatDate: (date: Date, zone: string, format: string) => string,
): DateText {
  let cachedZone: string | undefined;
  const texts = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = texts.get(time);
    if (text === undefined) texts.set(time, (text = formatDate(date, (cachedZone ??= zone()), 'yyyy-MM-dd')));
    return text;
  };
}
