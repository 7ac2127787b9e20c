/**
 * The one small port every host implements (exceljs in the CLI, SpreadsheetApp in Sheets,
 * Office.js in Excel): read a sheet as a 2-D array, write sheet plans. Hosts move whole
 * blocks through it — one read per sheet, one write per plan — so round trips do not grow
 * with the number of risks.
 */
import type { SheetGrid } from '../cells/cell.ts';
import type { SheetPlan } from '../layout/sheet-plan.ts';

export interface WorkbookPort {
  /** The sheet's used range from A1, or undefined when the workbook has no sheet of that name (case and spaces ignored). */
  readSheet(name: string): Promise<SheetGrid | undefined>;
  /** Writes the report sheets, replacing any sheet of the same name and touching no other sheet. */
  writeSheets(plans: readonly SheetPlan[]): Promise<void>;
}
