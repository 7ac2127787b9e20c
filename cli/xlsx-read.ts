// Turns an exceljs worksheet into the core's plain SheetGrid: how the CLI reads back a workbook it
// is building (init). Input files are read by the purpose-built reader in xlsx-reader/.
import type ExcelJS from 'exceljs';
import {
  UNCALCULATED,
  dateCell,
  errorCell,
  isoDateFromUtcMidnight,
  sameSheetName,
  type CellValue,
  type SheetGrid,
} from '../core/index.ts';

/** The worksheet named `name`, ignoring case and surrounding spaces (users retype tab names). */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => sameSheetName(sheet.name, name));
}

/** exceljs's ValueType.Merge, written out so that reading a type needs no exceljs at run time. */
const MERGE_VALUE = 1 as ExcelJS.ValueType.Merge;

/** A calendar date from exceljs, which puts a date cell at UTC midnight. */
function isoFromDate(date: Date): CellValue {
  const iso = isoDateFromUtcMidnight(date);
  return iso === undefined ? null : dateCell(iso);
}

function richTextOf(value: { richText: readonly { text?: unknown }[] }): string {
  let text = '';
  for (const run of value.richText) if (typeof run.text === 'string') text += run.text;
  return text;
}

/** One exceljs value (or a formula's cached result) as a CellValue. */
function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value === '' ? null : value;
    case 'number':
      return Number.isFinite(value) ? value : errorCell('#NUM!');
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return isoFromDate(value);
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return errorCell(v.error);
  // Formula and shared formula: the value is the result cached in the file (never recalculated here).
  if ('formula' in v || 'sharedFormula' in v)
    return v.result === undefined ? errorCell(UNCALCULATED) : toCellValue(v.result);
  if (Array.isArray(v.richText)) return toCellValue(richTextOf(v as { richText: { text?: unknown }[] }));
  // Hyperlink: its display text, which may itself be rich text.
  if ('hyperlink' in v) return toCellValue(v.text);
  if ('text' in v) return toCellValue(v.text);
  return null;
}

/**
 * The sheet as a rectangular grid of CellValues, in one pass over its stored rows and cells.
 * Merged ranges carry their value in the top-left cell only; trailing empty rows and columns
 * are dropped (an empty sheet gives no rows).
 */
export function readSheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  let width = 0;
  worksheet.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    let used = 0;
    row.eachCell((cell, colNumber) => {
      // A merged cell other than the master reports the master's value: count it once.
      if (cell.type === MERGE_VALUE) return;
      const value = toCellValue(cell.value);
      if (value === null) return;
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = value;
      used = colNumber;
    });
    if (used === 0) return;
    rows[rowNumber - 1] = cells;
    if (used > width) width = used;
  });
  // Pad to a rectangle; holes in `rows` are empty rows between used ones.
  const grid: CellValue[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    while (cells.length < width) cells.push(null);
    grid[r] = cells;
  }
  return { name: worksheet.name, rows: grid };
}
