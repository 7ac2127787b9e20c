// The CLI's WorkbookPort: reads data sheets from the input .xlsx and renders report plans into a new workbook.
import type ExcelJS from 'exceljs';
import type { SheetGrid } from '../core/cells/cell.ts';
import type { SheetPlan } from '../core/layout/sheet-plan.ts';
import type { WorkbookPort } from '../core/ports/workbook-port.ts';
import { newWorkbook } from './report-workbook.ts';
import { findWorksheet, readSheetGrid } from './xlsx-read.ts';
import { renderSheetPlan } from './xlsx-render.ts';

export class XlsxWorkbookPort implements WorkbookPort {
  /** The report workbook; the input workbook is only ever read. */
  readonly output = newWorkbook();
  /** Calls made through the port, so tests can prove one read per sheet and one write per plan. */
  readonly calls = { readSheet: 0, writeSheet: 0 };

  constructor(private readonly input: ExcelJS.Workbook) {}

  async readSheet(name: string): Promise<SheetGrid | undefined> {
    this.calls.readSheet++;
    const sheet = findWorksheet(this.input, name);
    return sheet ? readSheetGrid(sheet) : undefined;
  }

  async writeSheets(plans: readonly SheetPlan[]): Promise<void> {
    for (const plan of plans) {
      this.calls.writeSheet++;
      const existing = findWorksheet(this.output, plan.name);
      if (existing) this.output.removeWorksheet(existing.id);
      renderSheetPlan(this.output, plan);
    }
  }

  async outputBuffer(): Promise<Buffer> {
    return Buffer.from(await this.output.xlsx.writeBuffer());
  }
}
