/** The reference WorkbookPort: sheets held as plain grids in memory, plans kept as written. */
import type { SheetGrid } from '../../core/cells/cell.ts';
import { normaliseHeader } from '../../core/readers/headers.ts';
import type { SheetPlan } from '../../core/layout/sheet-plan.ts';
import type { WorkbookPort } from '../../core/ports/workbook-port.ts';

export class MemoryWorkbookPort implements WorkbookPort {
  readonly written = new Map<string, SheetPlan>();
  readonly calls = { readSheet: 0, writeSheet: 0 };

  constructor(private readonly sheets: readonly SheetGrid[]) {}

  async readSheet(name: string): Promise<SheetGrid | undefined> {
    this.calls.readSheet++;
    return this.sheets.find((sheet) => normaliseHeader(sheet.name) === normaliseHeader(name));
  }

  async writeSheets(plans: readonly SheetPlan[]): Promise<void> {
    for (const plan of plans) {
      this.calls.writeSheet++;
      this.written.set(plan.name, plan);
    }
  }
}
