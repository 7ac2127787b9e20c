/**
 * New data sheets an analyst edits (Risks, Assessments): headers, widths, a frozen header, and
 * the rules of data-sheet-rules.ts. Set up writes these for a workbook that lacks the sheets.
 */
import type { CellValue } from '../cells/cell.ts';
import { a1, isErrorCell } from '../cells/cell.ts';
import type {
  AssessmentColumnKey,
  ColumnLocation,
  ColumnSpec,
  GroupColumnKey,
  RiskColumnKey,
} from '../readers/headers.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENTS_SHEET_NAME,
  RISK_COLUMNS,
  RISKS_SHEET_NAME,
  locateColumns,
} from '../readers/headers.ts';
import { isRatingsOnlyMatrix, type RiskMatrix } from '../matrix/matrix.ts';
import { cellText } from '../cells/cell-text.ts';
import type { SheetRules } from '../ports/workbook-port.ts';
import {
  assessmentsSheetRules,
  dataRowSpan,
  riskIdRangeReference,
  risksSheetRules,
} from './data-sheet-rules.ts';
import { levelColumnFormula, levelFormula, type LevelFunction } from './level-formulas.ts';
import type { FormulaValue, PlanCell, PlanValue, SheetPlan } from './sheet-plan.ts';
import { DATA, HEADER, cell } from './styles.ts';

/** The optional inherent and target columns (PRODUCT §8), the same width on either sheet. */
function groupWidths(): Record<GroupColumnKey, number> {
  const level = { impact: 9, probability: 11, score: 8, rating: 11 } as const;
  return {
    inherentImpact: level.impact,
    inherentProbability: level.probability,
    inherentScore: level.score,
    inherentRating: level.rating,
    targetImpact: level.impact,
    targetProbability: level.probability,
    targetScore: level.score,
    targetRating: level.rating,
    targetDate: 12,
  };
}

const RISK_WIDTHS: Record<RiskColumnKey, number> = {
  id: 9,
  name: 28,
  description: 50,
  impactNarrative: 45,
  controls: 60,
  owner: 20,
  status: 10,
  dateRaised: 12,
  dateClosed: 12,
  closureRationale: 40,
  closureReported: 14,
  nextReview: 12,
  reviewFrequency: 12,
  transferredTo: 20,
  register: 16,
  ...groupWidths(),
  appetite: 10,
  category: 14,
};
const ASSESSMENT_WIDTHS: Record<AssessmentColumnKey, number> = {
  riskId: 10,
  quarter: 14,
  impact: 9,
  probability: 11,
  score: 8,
  rating: 11,
  commentary: 60,
  ...groupWidths(),
};

export interface DataSheetContent {
  /** Header row first; may be just the header row for a new workbook. */
  readonly risks: readonly (readonly CellValue[])[];
  readonly assessments: readonly (readonly CellValue[])[];
  /** An Actions sheet to add (PRODUCT §8), header row first; none when absent. */
  readonly actions?: readonly (readonly CellValue[])[];
}

export interface DataSheetOptions {
  /**
   * Passed to the Score and Rating formulas (see level-formulas.ts); absent where the host's
   * functions follow the Scoring sheet by themselves.
   */
  readonly scoringRange?: string;
  /**
   * Score and Rating as one formula per column, in the header cell, rather than one per row: the
   * host's custom functions run once per cell that calls them (PortCapabilities.formulasPerColumn).
   */
  readonly formulasPerColumn?: boolean;
  /** The Risks IDs the Risk ID rule checks against (`Risks!$A$2:$A$501`); none, no rule. */
  readonly riskIdRange?: string;
}

/**
 * Plans for new Risks and Assessments sheets holding `content`. Score and Rating cells of
 * Assessments rows get the `RISKSCORE`/`RISKRATING` formulas, so the workbook calculates them itself.
 */
export function dataSheetPlans(
  matrix: RiskMatrix,
  content: DataSheetContent,
  options: DataSheetOptions = {},
): SheetPlan[] {
  const risks = risksSheetPlan(content.risks, matrix);
  return [
    risks.plan,
    assessmentsSheetPlan(matrix, content.assessments, {
      ...options,
      ...(risks.idRange ? { riskIdRange: risks.idRange } : {}),
    }),
  ];
}

/** A plan for a new Risks sheet holding `rows`, and the range of its IDs (when it has an ID column). */
export function risksSheetPlan(
  rows: readonly (readonly CellValue[])[],
  matrix?: RiskMatrix,
): {
  plan: SheetPlan;
  idRange?: string;
} {
  const located = locateColumns({ name: RISKS_SHEET_NAME, rows }, RISK_COLUMNS);
  const span = dataRowSpan(located.headerRow, rows.length);
  const rules = risksSheetRules({
    located,
    width: (rows[located.headerRow] ?? []).length,
    span,
    idSpan: span,
    ...(matrix ? { matrix } : {}),
  });
  const plan = dataSheetPlan(
    RISKS_SHEET_NAME,
    rows.map((row) => row.map(asPlanValue)),
    located.headerRow,
    widthByHeader(RISK_COLUMNS, RISK_WIDTHS),
    rules,
  );
  const id = located.columns.get('id');
  return { plan, ...(id !== undefined ? { idRange: riskIdRangeReference(id, span) } : {}) };
}

/** A plan for a new Assessments sheet holding `rows`, Score and Rating as formulas. */
export function assessmentsSheetPlan(
  matrix: RiskMatrix,
  rows: readonly (readonly CellValue[])[],
  options: DataSheetOptions = {},
): SheetPlan {
  const { riskIdRange } = options;
  const located = locateColumns({ name: ASSESSMENTS_SHEET_NAME, rows }, ASSESSMENT_COLUMNS);
  const span = dataRowSpan(located.headerRow, rows.length);
  const rules = assessmentsSheetRules({ located, span, matrix, ...(riskIdRange ? { riskIdRange } : {}) });
  const formulas = isRatingsOnlyMatrix(matrix) ? [] : levelFormulaCells(located, options.scoringRange);
  const impact = located.columns.get('impact');
  const probability = located.columns.get('probability');
  const withFormulas = rows.map((row, r) => {
    const out: PlanValue[] = row.map(asPlanValue);
    if (r < located.headerRow || (r === located.headerRow && !options.formulasPerColumn)) return out;
    if (r > located.headerRow && options.formulasPerColumn) return out;
    // A rating typed with no levels (a ratings-only row) is the assessment itself: it stays.
    const levelsBlank = [impact, probability].every((c) => c === undefined || cellText(row[c]) === '');
    for (const { column, formulaAt, columnFormula } of formulas) {
      while (out.length <= column) out.push(null);
      if (r === located.headerRow) {
        out[column] = columnFormula(cellText(row[column]));
        continue;
      }
      if (levelsBlank && cellText(row[column]) !== '') continue;
      out[column] = formulaAt(r);
    }
    return out;
  });
  return dataSheetPlan(
    ASSESSMENTS_SHEET_NAME,
    withFormulas,
    located.headerRow,
    widthByHeader(ASSESSMENT_COLUMNS, ASSESSMENT_WIDTHS),
    rules,
  );
}

/** A Score or Rating column of an Assessments sheet, with its formula for a row and for the whole column. */
export interface LevelFormulaColumn {
  readonly column: number;
  readonly fn: LevelFunction;
  readonly formulaAt: (row: number) => FormulaValue;
  /** The column's one formula, for its header cell, reading as `header`. */
  readonly columnFormula: (header: string) => FormulaValue;
}

/** The Score and Rating columns of an Assessments sheet, each with its formulas. */
export function levelFormulaCells(
  located: ColumnLocation<AssessmentColumnKey>,
  scoringRange: string | undefined,
): LevelFormulaColumn[] {
  const impact = located.columns.get('impact');
  const probability = located.columns.get('probability');
  if (impact === undefined || probability === undefined) return [];
  const out: LevelFormulaColumn[] = [];
  for (const [key, fn] of [
    ['score', 'RISKSCORE'],
    ['rating', 'RISKRATING'],
  ] as const) {
    const column = located.columns.get(key);
    if (column === undefined) continue;
    out.push({
      column,
      fn,
      formulaAt: (row) => levelFormula(fn, a1(row, impact), a1(row, probability), scoringRange),
      columnFormula: (header) =>
        levelColumnFormula(fn, header, impact, probability, located.headerRow + 1, scoringRange),
    });
  }
  return out;
}

/** A column's width found by its header; a column the sheet does not know gets a middling width. */
export function widthByHeader<K extends string>(
  columns: readonly ColumnSpec<K>[],
  widths: Record<K, number>,
): (header: string) => number {
  return (header) => {
    const key = columns.find((c) => c.header === header)?.key;
    return key ? widths[key] : 16;
  };
}

/** A data sheet for editing: the header row styled and frozen, with the sheet's rules. */
export function dataSheetPlan(
  name: string,
  rows: readonly (readonly PlanValue[])[],
  headerRow: number,
  widthOf: (header: string) => number,
  rules: SheetRules,
): SheetPlan {
  const headers = (rows[headerRow] ?? []).map((value) => (typeof value === 'string' ? value : ''));
  const cells: PlanCell[][] = rows.map((row, r) =>
    row.map((value) => cell(value, r === headerRow ? HEADER : r > headerRow ? DATA : undefined)),
  );
  return {
    name,
    cells,
    columnWidths: headers.map(widthOf),
    merges: [],
    frozenRows: headerRow + 1,
    frozenColumns: 1,
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: headerRow + 1 },
    conditionalFormats: rules.conditionalFormats,
    validations: rules.validations,
  };
}

export function asPlanValue(value: CellValue | PlanValue): PlanValue {
  // An error read from a sheet is written back as its text rather than lost.
  if (isErrorCell(value)) return value.code;
  return value as PlanValue;
}
