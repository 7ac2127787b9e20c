/**
 * The Score and Rating formulas of an Assessments row: `RISKSCORE(C2,D2)`, or of a whole column
 * (`{"Score";RISKSCORE(C2:C,D2:D)}` in its header cell) on a host where every cell calling a
 * custom function is an execution of its own. A host whose custom functions recalculate only
 * when their arguments change gets the Scoring sheet's range as a last argument, so a rating
 * follows edits of the matrix.
 */
import { columnLetter } from '../cells/cell.ts';
import type { FormulaValue } from './sheet-plan.ts';
import { formulaString, quotedSheetName } from '../functions/formula-text.ts';

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

/**
 * The formula of a whole Score or Rating column, for its header cell: an array of the header text
 * over the function of the open-ended impact and probability columns, so one cell (one custom
 * function execution) serves every row, rows added later too. `firstDataRow` is 0-based.
 * @example levelColumnFormula('RISKSCORE', 'Score', 2, 3, 1).formula // '{"Score";RISKSCORE(C2:C,D2:D)}'
 */
export function levelColumnFormula(
  fn: LevelFunction,
  header: string,
  impactColumn: number,
  probabilityColumn: number,
  firstDataRow: number,
  scoringRange?: string,
): FormulaValue {
  const column = (c: number) => `${columnLetter(c)}${firstDataRow + 1}:${columnLetter(c)}`;
  const call = levelFormula(fn, column(impactColumn), column(probabilityColumn), scoringRange).formula;
  return { formula: `{${formulaString(header)};${call}}` };
}

/** `Scoring!$A$1:$K$48`: the whole used Scoring sheet, as a custom function's argument. */
export function scoringRangeReference(sheet: string, rows: number, columns: number): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : quotedSheetName(sheet);
  return `${quoted}!$A$1:$${columnLetter(Math.max(columns, 1) - 1)}$${Math.max(rows, 1)}`;
}
