// A sheet plan for renderer tests: an empty portrait sheet called Plan, with what a test sets.
import type { SheetPlan } from '../../core/index.ts';
import { sheetPlan } from '../../core/layout/sheet-plan-defaults.ts';

export function testPlan(overrides: Partial<SheetPlan> = {}): SheetPlan {
  return sheetPlan({
    name: 'Plan',
    cells: [],
    columnWidths: [],
    print: { orientation: 'portrait', fitToWidth: false, repeatRows: 0 },
    ...overrides,
  });
}
