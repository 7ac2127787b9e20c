/** Writes real .xlsx files from plain grids, as a user's own workbook would hold them (via exceljs, not our renderer). */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/cells/cell.ts';

export interface FixtureSheet {
  readonly name: string;
  readonly rows: readonly (readonly (CellValue | { formula: string; result?: number | string })[])[];
}

export async function fixtureWorkbookBuffer(sheets: readonly FixtureSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const target = worksheet.getCell(r + 1, c + 1);
        if (typeof value === 'object' && 'formula' in value) target.value = value as ExcelJS.CellFormulaValue;
        else if (typeof value === 'object' && value.kind === 'date') {
          target.value = new Date(`${value.iso}T00:00:00Z`);
          target.numFmt = 'dd/mm/yyyy';
        } else if (typeof value === 'object' && value.kind === 'error')
          target.value = { error: value.code as ExcelJS.CellErrorValue['error'] };
        else target.value = value;
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
