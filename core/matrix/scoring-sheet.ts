/**
 * The Scoring sheet: the risk matrix in spreadsheet form (PRODUCT §2), written and read back
 * without loss. Sections are found by their title ("Impact", "Probability", "Ratings", "Bands",
 * "Grid", and a "Matrix" row naming it), so users may move, space or reorder them; each section
 * is a title row, a header row and data rows up to the next blank row or title. The layout is
 * in scoring-sheet-layout.ts, the writer in scoring-sheet-rows.ts.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { UNCALCULATED, a1, isErrorCell } from '../cells/cell.ts';
import type { Issue } from '../issues/issue.ts';
import { issueError } from '../issues/issue.ts';
import { uncalculatedText } from '../issues/messages.ts';
import { checkMatrixSpec } from './check-matrix.ts';
import type { MatrixSpec, RiskMatrix } from './matrix.ts';
import { ScoringSheetSections } from './scoring-sheet-sections.ts';

export interface ScoringSheetRead {
  /** The matrix as read, present exactly when there are no errors. */
  readonly spec?: MatrixSpec;
  /** The same matrix checked, for callers that compute with it straight away. */
  readonly matrix?: RiskMatrix;
  readonly issues: Issue[];
}

/** The sheet's name in a register workbook. */
export const SCORING_SHEET_NAME = 'Scoring';

/**
 * Reads a Scoring sheet into a matrix, with each problem addressed to its cell. Never throws.
 * @example readScoringSheet({ name: 'Scoring', rows: scoringSheetRows(spec) }).spec // deep-equals spec
 */
export function readScoringSheet(grid: SheetGrid): ScoringSheetRead {
  // Hosts hand over rows of cells; anything else is read as empty rather than thrown over.
  const rows: readonly (readonly CellValue[])[] = Array.isArray(grid.rows)
    ? grid.rows.map((row: unknown) => (Array.isArray(row) ? (row as CellValue[]) : []))
    : [];
  const sheet = new ScoringSheetSections(grid.name, rows);
  sheet.findSections();
  if (sheet.isEmpty) {
    const message =
      'the Scoring sheet has no Impact, Probability or Ratings section; ' +
      'rename the sheet if it is not the risk matrix, or give the matrix another way';
    return { issues: [issueError(grid.name, 'A1', message)] };
  }
  sheet.readName();
  // A sheet with Ratings alone is a ratings-only matrix (R/A/G; PRODUCT §8).
  const ratingsOnly =
    sheet.has('ratings') &&
    !(['impact', 'probability', 'bands', 'grid'] as const).some((name) => sheet.has(name));
  if (!ratingsOnly) {
    sheet.readLevels('impact');
    sheet.readLevels('probability');
  }
  sheet.readRatings();
  sheet.readBands();
  sheet.readGrid();
  sheet.readAppetite();
  const { matrix, faults } = checkMatrixSpec(sheet.spec);
  sheet.reportFaults(faults);
  // A formula saved with no result is said at its cell, instead of whatever its code made of the matrix there.
  const issues: Issue[] = [];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (isErrorCell(value) && value.code === UNCALCULATED)
        issues.push(issueError(grid.name, a1(r, c), uncalculatedText('this cell')));
    }),
  );
  issues.push(...sheet.issues.filter((issue) => !issues.some((u) => u.cell === issue.cell)));
  if (!matrix || issues.some((issue) => issue.severity === 'error')) return { issues };
  return { spec: matrix.spec, matrix, issues };
}
