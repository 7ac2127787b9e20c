/// <reference types="office-js" />
// Office.js values + number formats → core cells and blocks: serials in date formats become calendar dates.
import {
  dateCell,
  errorCell,
  isDateFormat,
  isoDateFromExcelSerial,
  type CellValue,
  withShownIds,
  type SheetBlock,
} from '../core/index.ts';

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

/** A loaded range (values, numberFormat, valueTypes, rowIndex, columnIndex) as a block from (top, left). */
export function blockFromRange(name: string, top: number, left: number, range: Excel.Range): SheetBlock {
  if (range.isNullObject) return { name, top, left, rows: [] };
  const rows: SheetBlock['rows'][number][] = [];
  const types = range.valueTypes;
  const formats = range.numberFormat;
  range.values.forEach((row, r) => {
    const cells = row.map((value, c) =>
      // Error cells come as text ("#N/A"); valueTypes tells them from text that looks the same.
      types[r]?.[c] === 'Error' ? errorCell(String(value)) : cellFromOffice(value, formats[r]?.[c]),
    );
    const padded = [...new Array<null>(range.columnIndex - left).fill(null), ...cells];
    rows[range.rowIndex - top + r] = padded;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const block = trimBlock({ name, top, left, rows });
  if (top !== 0 || left !== 0) return block;
  // A sheet from A1: its ID columns as shown (a 7 formatted 000 is 007).
  const shown = withShownIds(block, (r, c) =>
    zeroPaddedText(formats[r - range.rowIndex]?.[c - range.columnIndex], block.rows[r]?.[c]),
  );
  return { ...block, rows: shown.rows };
}

/** Trailing empty cells and rows dropped, as the other ports give them. */
export function trimBlock(block: SheetBlock): SheetBlock {
  const rows = block.rows.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
    return row.slice(0, end);
  });
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.length === 0) end--;
  return { ...block, rows: rows.slice(0, end) };
}
