/** Every sheet of a quarter's report, in the order a committee reads them. */
import type { RegisterModel } from '../register/register-model.ts';
import type { SheetPlan } from './sheet-plan.ts';
import { actionsSheetPlan } from './actions-sheet.ts';
import { closedSheetPlan } from './closed-sheet.ts';
import { heatMapSheetPlan } from './heat-map-sheet.ts';
import { historySheetPlan } from './history-sheet.ts';
import { movementSheetPlan } from './movement-sheet.ts';
import type { ReportOptions } from './register-sheet.ts';
import { registerSheetPlan } from './register-sheet.ts';
import { scoringGuidanceSheetPlan } from './scoring-guidance-sheet.ts';
import { trendKeySheetPlan } from './trend-key-sheet.ts';

export function quarterlyReportPlans(model: RegisterModel, options: ReportOptions): SheetPlan[] {
  return [
    registerSheetPlan(model, options),
    closedSheetPlan(model, options),
    movementSheetPlan(model, options),
    // Only for a workbook that tracks actions: an analyst who does not sees no new sheet.
    ...(model.management.actions ? [actionsSheetPlan(model, options)] : []),
    heatMapSheetPlan(model, options),
    historySheetPlan(model, options),
    trendKeySheetPlan(),
    scoringGuidanceSheetPlan(options.matrix),
  ];
}
