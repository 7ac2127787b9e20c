/** Every sheet of a quarter's report, in the order a committee reads them. */
import type { RegisterModel } from '../register/register-model.ts';
import type { SheetPlan } from './sheet-plan.ts';
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
    heatMapSheetPlan(model, options),
    historySheetPlan(model, options),
    trendKeySheetPlan(),
    scoringGuidanceSheetPlan(options.matrix),
  ];
}
