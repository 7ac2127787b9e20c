// Office.js values + number formats → core cells: serials in date formats become calendar dates.
import { dateCell, errorCell, isoDateFromExcelSerial, type CellValue } from '../core/index.ts';

/** The error values Excel hands over as text in `range.values`. */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
]);

const dateFormats = new Map<string, boolean>();

/**
 * True for a number format that shows a date: it has a day, month or year code outside quoted
 * text, escapes and `[…]` sections (colours, locales, elapsed time). Cached: a sheet has few.
 * @example isDateFormat('dd/mm/yyyy') // true
 * @example isDateFormat('[$-en-GB]d mmm yyyy;@') // true
 * @example isDateFormat('0.00 "days"') // false
 */
export function isDateFormat(format: string): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    const codes = format
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/_.|\*./g, '');
    // Time-only formats (h:mm) pass too; their serials are below 1, which is no date, so they stay numbers.
    known = /[dmy]/i.test(codes.replace(/general/gi, ''));
    dateFormats.set(format, known);
  }
  return known;
}

/**
 * The text Excel shows for a number in a zeros-only format (`000` shows 7 as 007), or undefined
 * for any other format. The number format is loaded with the values anyway, so ID columns read
 * as shown (the core decides which columns those are) with no `text` load and no extra sync.
 * @example zeroPaddedText('000', 7) // '007'
 */
export function zeroPaddedText(numberFormat: unknown, value: unknown): string | undefined {
  if (typeof value !== 'number' || typeof numberFormat !== 'string' || !/^0{2,}$/.test(numberFormat))
    return undefined;
  const digits = String(Math.round(Math.abs(value)));
  return `${value < 0 ? '-' : ''}${digits.padStart(numberFormat.length, '0')}`;
}

/** One cell as the core reads it. Excel gives '' for an empty cell. */
export function cellFromOffice(value: unknown, numberFormat: unknown): CellValue {
  if (typeof value === 'number') {
    if (typeof numberFormat === 'string' && isDateFormat(numberFormat)) {
      const iso = isoDateFromExcelSerial(value);
      if (iso !== undefined) return dateCell(iso);
    }
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value === '') return null;
    return ERROR_VALUES.has(value) ? errorCell(value) : value;
  }
  return null;
}

/**
 * A block read with `values` and `numberFormat` in the same sync, as core rows; trailing empty
 * cells and rows are dropped so a large formatted-but-empty used range costs nothing downstream.
 */
export function gridFromOffice(
  values: readonly (readonly unknown[])[],
  numberFormats: readonly (readonly unknown[])[],
): CellValue[][] {
  const rows = values.map((row, r) => {
    const cells = row.map((value, c) => cellFromOffice(value, numberFormats[r]?.[c]));
    let end = cells.length;
    while (end > 0 && cells[end - 1] === null) end--;
    cells.length = end;
    return cells;
  });
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.length === 0) end--;
  rows.length = end;
  return rows;
}
