/**
 * The Score and Rating formulas of an Assessments row: `RISKSCORE(C2,D2)`. A host whose custom
 * functions recalculate only when their arguments change gets the Scoring sheet's range as a
 * last argument, so a rating follows edits of the matrix.
 */
import { columnLetter } from '../cells/cell.ts';
import type { FormulaValue } from './sheet-plan.ts';
import { quotedSheetName } from '../functions/formula-text.ts';

export type LevelFunction = 'RISKSCORE' | 'RISKRATING';

export function levelFormula(
  fn: LevelFunction,
  impactRef: string,
  probabilityRef: string,
  scoringRange?: string,
): FormulaValue {
  const args = [impactRef, probabilityRef, ...(scoringRange ? [scoringRange] : [])];
  return { formula: `${fn}(${args.join(',')})` };
}

/** `Scoring!$A$1:$K$48`: the whole used Scoring sheet, as a custom function's argument. */
export function scoringRangeReference(sheet: string, rows: number, columns: number): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : quotedSheetName(sheet);
  return `${quoted}!$A$1:$${columnLetter(Math.max(columns, 1) - 1)}$${Math.max(rows, 1)}`;
}
