// Where the CLI's port reads sheets from: an input file through the purpose-built .xlsx reader,
// or a workbook the CLI is building with exceljs (init reads back what it wrote).
import type ExcelJS from 'exceljs';
import type { SheetGrid } from '../core/index.ts';
import type { XlsxWorkbook } from './xlsx-reader/index.ts';
import { asFileError } from './xlsx-reader/read-file.ts';
import { findWorksheet, readSheetGrid } from './xlsx-read.ts';

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
        return names.map((name) => source.readSheet(name));
      } catch (error) {
        throw asFileError(path, error);
      }
    },
  };
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
