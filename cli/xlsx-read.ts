// Reads .xlsx workbooks with exceljs and turns a worksheet into the core's plain SheetGrid.
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { UNCALCULATED, dateCell, errorCell, sameSheetName, type CellValue, type SheetGrid } from '../core/index.ts';

export type FileErrorKind = 'missing' | 'not-a-file' | 'unreadable' | 'not-xlsx';

/** A file the CLI cannot use; the CLI maps it to exit code 2. */
export class FileError extends Error {
  override readonly name = 'FileError';
  readonly kind: FileErrorKind;
  readonly path: string;

  constructor(kind: FileErrorKind, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.path = path;
  }
}

/** A zip archive (every .xlsx is one) starts with a local file header. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: legacy .xls, and also password-protected .xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Reads a workbook; every failure is a FileError that says what is wrong with which file. */
export async function readWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileError('not-a-file', path, `${path} is not a file.`);
    data = await readFile(path);
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new FileError('missing', path, `${path} does not exist.`, { cause: error });
    }
    throw new FileError('unreadable', path, `${path} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const notXlsx = (why: string, cause?: unknown) =>
    new FileError('not-xlsx', path, `${path} is not an .xlsx workbook: ${why}`, { cause });
  if (startsWith(data, CFB_MAGIC)) {
    throw notXlsx(
      'it looks like a legacy .xls file or a password-protected workbook. Save it as an unprotected .xlsx.',
    );
  }
  if (!startsWith(data, ZIP_MAGIC)) {
    throw notXlsx(
      data.length === 0
        ? 'the file is empty.'
        : 'the file is not a zip archive. Save it as an .xlsx workbook.',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own typing of load() wants its older Buffer type.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw notXlsx(`the zip does not hold a readable workbook (${(error as Error).message}).`, error);
  }
  // exceljs loads any zip (a .docx, a renamed archive) as a workbook without sheets.
  if (workbook.worksheets.length === 0) throw notXlsx('it holds no worksheets.');
  return workbook;
}

/** The worksheet named `name`, ignoring case and surrounding spaces (users retype tab names). */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => sameSheetName(sheet.name, name));
}

/** ISO calendar date from a Date's UTC parts: exceljs puts a date cell at UTC midnight. */
function isoFromDate(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return null;
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return dateCell(
    `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
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
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? errorCell(UNCALCULATED) : toCellValue(v.result);
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
      if (cell.type === ExcelJS.ValueType.Merge) return;
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
