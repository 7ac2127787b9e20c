/**
 * The data sheets an analyst edits (Risks, Assessments): headers, widths, a frozen header, and
 * the validation rules and conditional formats that guide editing. Columns are found by header,
 * so the same rules fit a user's own column order. Rules cover the used rows plus a margin,
 * never whole columns (whole-column rules are slow to read back in exceljs and Office.js).
 */
import type { CellValue } from '../cells/cell.ts';
import { columnLetter } from '../cells/cell.ts';
import type { AssessmentColumnKey, RiskColumnKey } from '../readers/headers.ts';
import { ASSESSMENT_COLUMNS, ASSESSMENTS_SHEET_NAME, RISK_COLUMNS, RISKS_SHEET_NAME, locateColumns } from '../readers/headers.ts';
import type { MatrixLevel, RiskMatrix } from '../matrix/matrix.ts';
import type { CellRange, ConditionalFormat, DataValidation, PlanCell, PlanValue, SheetPlan } from './sheet-plan.ts';
import { DATA, HEADER, cell, ratingStyle } from './styles.ts';

/** Empty rows below the data that still get the rules, so new risks are checked as they are typed. */
export const VALIDATION_MARGIN = 500;

/** Excel caps validation prompt text at 255 characters and titles at 32. */
const PROMPT_MAX = 255;

const RISK_WIDTHS: Record<RiskColumnKey, number> = {
  id: 9, name: 28, description: 50, impactNarrative: 45, controls: 60, owner: 20, status: 10,
  dateRaised: 12, dateClosed: 12, closureRationale: 40, closureReported: 14,
};
const ASSESSMENT_WIDTHS: Record<AssessmentColumnKey, number> = {
  riskId: 10, quarter: 14, impact: 9, probability: 11, score: 8, rating: 11, commentary: 60,
};

export interface DataSheetContent {
  /** Header row first; may be just the header row for a new workbook. */
  readonly risks: readonly (readonly CellValue[])[];
  readonly assessments: readonly (readonly CellValue[])[];
}

/**
 * Plans for the Risks and Assessments sheets. Score and Rating cells of Assessments rows get the
 * `RISKSCORE`/`RISKRATING` formulas, so the workbook calculates them itself.
 */
export function dataSheetPlans(matrix: RiskMatrix, content: DataSheetContent): SheetPlan[] {
  const risks = risksSheetPlan(content.risks);
  return [risks.plan, assessmentsSheetPlan(matrix, content.assessments, risks.idRange)];
}

/** `$A$2:$A$523`: the rows a rule covers in one column, absolute so it holds for every cell. */
function columnRange(column: number, top: number, bottom: number): string {
  const letter = columnLetter(column);
  return `$${letter}$${top + 1}:$${letter}$${bottom + 1}`;
}

function risksSheetPlan(rows: readonly (readonly CellValue[])[]): { plan: SheetPlan; idRange?: string } {
  const located = locateColumns({ name: RISKS_SHEET_NAME, rows }, RISK_COLUMNS);
  const col = (key: RiskColumnKey) => located.columns.get(key);
  const last = located.headerRow + Math.max(rows.length - located.headerRow - 1, 0) + VALIDATION_MARGIN;
  const range = (column: number): CellRange => ({ top: located.headerRow + 1, left: column, bottom: last, right: column });
  const ref = (column: number) => `${columnLetter(column)}${located.headerRow + 2}`;
  const validations: DataValidation[] = [];
  const formats: ConditionalFormat[] = [];

  const id = col('id');
  const ids = id === undefined ? undefined : columnRange(id, located.headerRow + 1, last);
  if (id !== undefined && ids !== undefined) {
    validations.push({
      range: range(id),
      rule: { kind: 'custom', formula: `COUNTIF(${ids},${ref(id)})=1` },
      allowBlank: true,
      prompt: { title: 'Risk ID', text: 'A unique reference such as CRR20.' },
      error: { title: 'Duplicate ID', text: 'Another risk already has this ID. Each risk needs its own.' },
    });
  }
  const status = col('status');
  if (status !== undefined) {
    validations.push({
      range: range(status),
      rule: { kind: 'list', values: ['Open', 'Closed'] },
      allowBlank: true,
      prompt: { title: 'Status', text: 'Open or Closed (blank means Open). A closed risk needs its date closed and closure rationale.' },
      error: { title: 'Status', text: 'Choose Open or Closed.' },
    });
    // Closed risks fade, so the open ones stand out while editing.
    const statusRef = `$${columnLetter(status)}${located.headerRow + 2}`;
    formats.push({
      range: { top: located.headerRow + 1, left: 0, bottom: last, right: Math.max((rows[located.headerRow] ?? []).length - 1, status) },
      formula: `${statusRef}="Closed"`,
      style: { fontColour: '#808080', italic: true },
    });
  }
  for (const key of ['dateRaised', 'dateClosed', 'closureReported'] as const) {
    const column = col(key);
    if (column === undefined) continue;
    validations.push({
      range: range(column),
      rule: { kind: 'date' },
      allowBlank: true,
      prompt: { title: RISK_COLUMNS.find((c) => c.key === key)!.header, text: 'A date, e.g. 15/08/2022.' },
      error: { title: 'Not a date', text: 'Enter a date, e.g. 15/08/2022.' },
    });
  }
  const plan = dataSheetPlan(RISKS_SHEET_NAME, rows.map((row) => row.map(asPlanValue)), located.headerRow, (header) => {
    const key = RISK_COLUMNS.find((c) => c.header === header)?.key;
    return key ? RISK_WIDTHS[key] : 16;
  }, validations, formats);
  return { plan, ...(ids !== undefined ? { idRange: `${RISKS_SHEET_NAME}!${ids}` } : {}) };
}

/**
 * @param riskIdRange where the Risks sheet keeps its IDs (`Risks!$A$2:$A$523`), found by header
 *   like every other column; without it the Risk ID rule is left out rather than guessed.
 */
function assessmentsSheetPlan(matrix: RiskMatrix, rows: readonly (readonly CellValue[])[], riskIdRange: string | undefined): SheetPlan {
  const located = locateColumns({ name: ASSESSMENTS_SHEET_NAME, rows }, ASSESSMENT_COLUMNS);
  const col = (key: AssessmentColumnKey) => located.columns.get(key);
  const dataRows = Math.max(rows.length - located.headerRow - 1, 0);
  const last = located.headerRow + dataRows + VALIDATION_MARGIN;
  const range = (column: number): CellRange => ({ top: located.headerRow + 1, left: column, bottom: last, right: column });
  const ref = (column: number, row = located.headerRow + 1) => `${columnLetter(column)}${row + 1}`;
  const validations: DataValidation[] = [];
  const formats: ConditionalFormat[] = [];

  const riskId = col('riskId');
  if (riskId !== undefined && riskIdRange !== undefined) {
    validations.push({
      range: range(riskId),
      rule: { kind: 'custom', formula: `COUNTIF(${riskIdRange},${ref(riskId)})>0` },
      allowBlank: true,
      prompt: { title: 'Risk ID', text: 'The ID of a risk on the Risks sheet.' },
      error: { title: 'Unknown risk', text: 'No risk on the Risks sheet has this ID.' },
    });
  }
  const quarter = col('quarter');
  if (quarter !== undefined) {
    validations.push({
      range: range(quarter),
      // A date is a number; every quarter label the readers accept contains a Q (Q2, FY22/23 Q2, Quarter 2).
      rule: { kind: 'custom', formula: `OR(ISNUMBER(${ref(quarter)}),ISNUMBER(SEARCH("Q",${ref(quarter)})))` },
      allowBlank: true,
      prompt: { title: 'Quarter', text: 'A quarter such as Q2 2022/23, or any date inside the quarter.' },
      error: { title: 'Quarter', text: 'Enter a quarter such as Q2 2022/23.' },
    });
  }
  const levelRule = (key: 'impact' | 'probability', levels: readonly MatrixLevel[], count: number) => {
    const column = col(key);
    if (column === undefined) return;
    const title = key === 'impact' ? 'Impact' : 'Probability';
    validations.push({
      range: range(column),
      rule: { kind: 'wholeNumber', min: 1, max: count },
      allowBlank: true,
      prompt: { title: `${title} (1-${count})`, text: levelPrompt(levels) },
      error: { title, text: `${title} is a whole number from 1 to ${count}. See the Scoring sheet.` },
    });
  };
  levelRule('impact', matrix.spec.impact, matrix.impactLevels);
  levelRule('probability', matrix.spec.probability, matrix.probabilityLevels);

  const rating = col('rating');
  if (rating !== undefined) {
    for (const r of matrix.spec.ratings) {
      formats.push({ range: range(rating), formula: `${ref(rating)}="${r.name.replace(/"/g, '""')}"`, style: ratingStyle(r) });
    }
  }

  // Score and Rating calculate from the row's own impact and probability.
  const impact = col('impact');
  const probability = col('probability');
  const score = col('score');
  const formulaFor = (key: 'score' | 'rating', row: number): PlanValue | undefined => {
    if (impact === undefined || probability === undefined) return undefined;
    const fn = key === 'score' ? 'RISKSCORE' : 'RISKRATING';
    return { formula: `${fn}(${ref(impact, row)},${ref(probability, row)})` };
  };
  const withFormulas = rows.map((row, r) => {
    const out: PlanValue[] = row.map(asPlanValue);
    if (r <= located.headerRow) return out;
    for (const [key, column] of [['score', score], ['rating', rating]] as const) {
      const formula = column !== undefined ? formulaFor(key, r) : undefined;
      if (formula && column !== undefined) {
        while (out.length <= column) out.push(null);
        out[column] = formula;
      }
    }
    return out;
  });

  return dataSheetPlan(ASSESSMENTS_SHEET_NAME, withFormulas, located.headerRow, (header) => {
    const key = ASSESSMENT_COLUMNS.find((c) => c.header === header)?.key;
    return key ? ASSESSMENT_WIDTHS[key] : 16;
  }, validations, formats);
}

function dataSheetPlan(
  name: string,
  rows: readonly (readonly PlanValue[])[],
  headerRow: number,
  widthOf: (header: string) => number,
  validations: DataValidation[],
  conditionalFormats: ConditionalFormat[],
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
    conditionalFormats,
    validations,
  };
}

function asPlanValue(value: CellValue | PlanValue): PlanValue {
  // An error read from a sheet is written back as its text rather than lost.
  if (typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'error') return value.code;
  return value as PlanValue;
}

/** `1 Minimal, 2 Minor, …` — the scoring guidance in the space Excel allows a prompt. */
function levelPrompt(levels: readonly MatrixLevel[]): string {
  const text = `${levels.map((level) => `${level.value} ${level.label}`).join(', ')}. Descriptions are on the Scoring sheet.`;
  return text.length <= PROMPT_MAX ? text : `${text.slice(0, PROMPT_MAX - 1)}…`;
}
