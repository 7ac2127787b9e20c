// Where the CLI's ports read grids from: an input file through the purpose-built reader in
// xlsx-reader/, or an exceljs worksheet the CLI is building (init reads back what it wrote),
// both as the core's plain SheetGrid, cut into the blocks a port's read asks for.
import type ExcelJS from 'exceljs';
import type { ReadRequest, SheetBlock } from '../core/index.ts';
import type { XlsxWorkbook } from './xlsx-reader/index.ts';
import { asFileError } from './xlsx-reader/read-file.ts';
import {
  TOP_ROWS_KEPT,
  UNCALCULATED,
  columnsToRead,
  withShownIds,
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

export interface GridSource {
  /** The named sheets as grids, undefined where there is no such sheet. */
  readSheets(names: readonly string[]): Promise<readonly (SheetGrid | undefined)[]>;
}

/**
 * Sheets of an input file, read once: the commands read all the sheets they need in one call, so
 * the workbook (its bytes and tables) is let go as soon as that read is done, before the register
 * is built and written. A part found malformed only now is a FileError for that file.
 */
export function fileGrids(workbook: XlsxWorkbook, path: string): GridSource {
  let held: XlsxWorkbook | undefined = workbook;
  return {
    readSheets: async (names) => {
      const source = held;
      if (!source) throw new Error(`${path} was already read and let go; read every sheet in one call`);
      held = undefined;
      try {
        return await Promise.all(names.map((name) => readFileSheet(source, name)));
      } catch (error) {
        throw asFileError(path, error);
      } finally {
        source.close();
      }
    },
  };
}

/**
 * One sheet of an input file as the core reads it: below its top rows only the columns the core
 * reads are kept (columnsToRead), and IDs read as shown (a 7 formatted `000` is 007).
 */
async function readFileSheet(workbook: XlsxWorkbook, name: string): Promise<SheetGrid | undefined> {
  const sheet = await workbook.readSheet(name, {
    columns: { topRows: TOP_ROWS_KEPT, choose: (top) => columnsToRead({ ...top, name }) },
  });
  if (!sheet) return undefined;
  const grid = { name: sheet.name, rows: sheet.rows, merges: sheet.merges };
  return withShownIds(grid, (row, column) => sheet.shownText(row, column));
}

/** Sheets of a workbook held by exceljs. */
export function workbookGrids(workbook: ExcelJS.Workbook): GridSource {
  return {
    readSheets: async (names) =>
      names.map((name) => {
        const sheet = findWorksheet(workbook, name);
        return sheet ? readSheetGrid(sheet) : undefined;
      }),
  };
}

/** What a port's read gives for `requests`, from the requested sheets' grids. */
export function blocksOf(
  requests: readonly ReadRequest[],
  grids: readonly (SheetGrid | undefined)[],
): (SheetBlock | undefined)[] {
  return requests.map((request, i) => {
    const grid = grids[i];
    if (!grid) return undefined;
    if (!request.range) return { ...grid, top: 0, left: 0 };
    const { top, left, bottom, right } = request.range;
    const rows = grid.rows.slice(top, bottom + 1).map((row) => (row ?? []).slice(left, right + 1));
    return { name: grid.name, rows, top, left };
  });
}
