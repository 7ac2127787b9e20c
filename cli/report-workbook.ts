// New workbooks the CLI writes: one set of workbook properties, and plans written to a file with LAMBDA names.
import ExcelJS from 'exceljs';
import type { SheetPlan } from '../core/layout/sheet-plan.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { DefinedName } from './lambda-names.ts';
import { addDefinedNames } from './lambda-names.ts';
import { renderSheetPlan } from './xlsx-render.ts';

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'risk-register';
  // Ask every client to recalculate on open: formulas are written without cached results.
  workbook.calcProperties.fullCalcOnLoad = true;
  return workbook;
}

/** Renders the plans and writes all-or-nothing: a reader never sees half a workbook. */
export async function writeWorkbook(path: string, plans: readonly SheetPlan[], names: readonly DefinedName[] = []): Promise<void> {
  const workbook = newWorkbook();
  for (const plan of plans) renderSheetPlan(workbook, plan);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFileAtomic(path, names.length > 0 ? await addDefinedNames(buffer, names) : buffer);
}
