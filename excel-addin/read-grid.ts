/// <reference types="office-js" />
// Office.js values + number formats → core cells and blocks: serials in date formats become calendar dates.
import {
  dateCell,
  errorCell,
  isDateFormat,
  isoDateFromExcelSerial,
  type CellValue,
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
  return trimBlock({ name, top, left, rows });
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
