/**
 * Which matrix a workbook is scored with, decided in one place for the jobs and the custom
 * functions alike: a matrix given outside the workbook (CLI `--matrix`) wins, then the
 * workbook's Scoring sheet, then the default matrix.
 */
import type { SheetGrid } from '../cells/cell.ts';
import type { Issue } from '../issues/issue.ts';
import { DEFAULT_MATRIX } from './default-matrix.ts';
import type { RiskMatrix } from './matrix.ts';
import { readScoringSheet } from './scoring-sheet.ts';

export interface WorkbookMatrix {
  readonly matrix: RiskMatrix;
  /** What is wrong with the Scoring sheet; the default matrix stands in while any is an error. */
  readonly issues: readonly Issue[];
}

/**
 * @example matrixFromWorkbook(undefined).matrix === DEFAULT_MATRIX // true
 * @example matrixFromWorkbook({ name: 'Scoring', rows: scoringSheetRows(spec) }).matrix.spec // deep-equals spec
 */
export function matrixFromWorkbook(scoring: SheetGrid | undefined, override?: RiskMatrix): WorkbookMatrix {
  if (override) return { matrix: override, issues: [] };
  if (!scoring) return { matrix: DEFAULT_MATRIX, issues: [] };
  const read = readScoringSheet(scoring);
  // A broken Scoring sheet is reported; reading goes on against the default so every other
  // problem is listed too, and the errors stop generation.
  return { matrix: read.matrix ?? DEFAULT_MATRIX, issues: read.issues };
}
