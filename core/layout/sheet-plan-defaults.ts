/** A sheet plan with the parts most sheets leave empty filled in, so each layout states only what it sets. */
import type { SheetPlan } from './sheet-plan.ts';

type Defaulted = 'merges' | 'frozenRows' | 'frozenColumns' | 'conditionalFormats' | 'validations';

export function sheetPlan(plan: Omit<SheetPlan, Defaulted> & Partial<Pick<SheetPlan, Defaulted>>): SheetPlan {
  return { merges: [], frozenRows: 0, frozenColumns: 0, conditionalFormats: [], validations: [], ...plan };
}
