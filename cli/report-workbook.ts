// Renders sheet plans into a new .xlsx file, optionally adding the workbook's LAMBDA names.
import ExcelJS from 'exceljs';
import type { SheetPlan } from '../core/sheet-plan.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { DefinedName } from './lambda-names.ts';
import { addDefinedNames } from './lambda-names.ts';
import { renderSheetPlan } from './xlsx-render.ts';

export async function workbookBuffer(plans: readonly SheetPlan[], names: readonly DefinedName[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'risk-register';
  // Ask every client to recalculate on open: formulas are written without cached results.
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const plan of plans) renderSheetPlan(workbook, plan);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return names.length > 0 ? addDefinedNames(buffer, names) : buffer;
}

/** Writes all-or-nothing: a reader never sees half a workbook. */
export async function writeWorkbook(path: string, plans: readonly SheetPlan[], names: readonly DefinedName[] = []): Promise<void> {
  await writeFileAtomic(path, await workbookBuffer(plans, names));
}
