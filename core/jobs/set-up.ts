/**
 * The Set up job: makes a workbook a register workbook without disturbing what the user has.
 * It adds the data sheets that are missing, appends missing headers, fills empty Score and
 * Rating cells with formulas, applies the data-sheet rules to the used rows plus a margin, and
 * defines the RISKSCORE/RISKRATING/RISKTREND names where the host has names (the host builds them). It never changes a
 * non-empty cell, and running it twice changes nothing the second time.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { columnLetter, isBlank } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { isFunctionError, riskFunction, type FunctionResult } from '../functions/functions.ts';
import { hasErrors } from '../issues/issue.ts';
import type { SetUpReport } from '../issues/messages.ts';
import { issueCountText, setUpLines } from '../issues/messages.ts';
import {
  assessmentsSheetRules,
  dataRowSpan,
  riskIdRangeReference,
  risksSheetRules,
} from '../layout/data-sheet-rules.ts';
import type { DataSheetContent } from '../layout/data-sheets.ts';
import { assessmentsSheetPlan, levelFormulaCells, risksSheetPlan } from '../layout/data-sheets.ts';
import { scoringRangeReference } from '../layout/level-formulas.ts';
import { scoringSheetPlan } from '../layout/scoring-data-sheet.ts';
import type { PlanCell, SheetPlan } from '../layout/sheet-plan.ts';
import { isRatingsOnlyMatrix, type RiskMatrix } from '../matrix/matrix.ts';
import { SCORING_SHEET_NAME } from '../matrix/scoring-sheet.ts';
import type { HostUi, JobOutcome } from '../ports/host-ui.ts';
import type { CellBlock, SheetRules, WorkbookPort } from '../ports/workbook-port.ts';
import type { AssessmentColumnKey, ColumnLocation } from '../readers/headers.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENT_HEADERS,
  ASSESSMENTS_SHEET_NAME,
  RISK_COLUMNS,
  RISK_HEADERS,
  locateColumns,
} from '../readers/headers.ts';

import { actionsDataSheetPlan, actionsSheetRules } from '../layout/actions-data-sheet.ts';
import { ACTION_COLUMNS, ACTION_HEADERS } from '../readers/read-actions.ts';
import { completeHeaders, type CompletedHeaders } from '../layout/complete-headers.ts';
import type { JobSettings } from './job-settings.ts';
import { matrixFromWorkbook } from '../matrix/matrix-from-workbook.ts';
import { readDataSheets } from '../ports/read-data-sheets.ts';

export interface SetUpSettings extends Pick<JobSettings, 'matrix'> {
  /** What new data sheets hold (header row first); the canonical headers alone when absent. */
  readonly seed?: DataSheetContent;
  /**
   * Add an Actions sheet (PRODUCT §8) when the workbook has none. An existing one is always
   * kept set up; without this (or seed actions) a workbook that does not track actions gets none.
   */
  readonly actions?: boolean;
}

export interface SetUpResult {
  readonly report: SetUpReport;
  readonly outcome: JobOutcome;
}

const HEADERS_ONLY: DataSheetContent = { risks: [[...RISK_HEADERS]], assessments: [[...ASSESSMENT_HEADERS]] };

/** Edits to one existing data sheet. */
interface SheetEdits {
  readonly sheet: string;
  readonly blocks: CellBlock[];
  readonly rules: SheetRules;
  readonly headersAdded: readonly string[];
  readonly formulasAdded: number;
  readonly columnFormulas: readonly string[];
  readonly columnsLeftAlone: readonly string[];
}

export async function setUp(
  port: WorkbookPort,
  settings: SetUpSettings = {},
  ui?: HostUi,
): Promise<SetUpResult> {
  ui?.progress('Setting up the register sheets…');
  const sheets = await readDataSheets(port);
  const { matrix, issues } = matrixFromWorkbook(sheets.scoring, settings.matrix);
  if (hasErrors(issues)) {
    const report: SetUpReport = {
      sheetsAdded: [],
      headersAdded: [],
      formulasAdded: 0,
      columnFormulas: [],
      columnsLeftAlone: [],
      rulesApplied: [],
      namesDefined: [],
    };
    const outcome = {
      headline: `Nothing was set up: the Scoring sheet has ${issueCountText(issues)}.`,
      details: [],
      issues,
      failed: true,
    };
    ui?.showOutcome(outcome);
    return { report, outcome };
  }

  const seed = settings.seed ?? HEADERS_ONLY;
  const scoringPlan = sheets.scoring ? undefined : scoringSheetPlan(matrix.spec);
  const perColumn = port.capabilities.formulasPerColumn;
  const scoringRange = port.capabilities.functionsRecalculateOnArgumentsOnly
    ? scoringRangeOf(sheets.scoring, scoringPlan)
    : undefined;
  // The Risks IDs as they will be: an existing sheet's once Set up has completed its headers,
  // else the new sheet's. The Assessments' Risk ID rule points there, new sheet or not.
  const risksEdits = sheets.risks ? risksSheetEdits(sheets.risks, matrix) : undefined;
  const newRisks = sheets.risks ? undefined : risksSheetPlan(seed.risks, matrix);
  const riskIdRange = risksEdits?.riskIdRange ?? newRisks?.idRange;
  const newPlans = [
    newRisks?.plan,
    sheets.assessments
      ? undefined
      : assessmentsSheetPlan(matrix, seed.assessments, {
          ...(scoringRange ? { scoringRange } : {}),
          ...(riskIdRange ? { riskIdRange } : {}),
          ...(perColumn ? { formulasPerColumn: true } : {}),
        }),
    scoringPlan,
    sheets.actions ? undefined : newActionsPlan(settings, seed, riskIdRange),
  ].filter((plan): plan is SheetPlan => plan !== undefined);

  const assessmentEdits = sheets.assessments
    ? assessmentsSheetEdits(sheets.assessments, matrix, riskIdRange, scoringRange, perColumn)
    : undefined;
  const actionEdits = sheets.actions ? actionsSheetEdits(sheets.actions, riskIdRange) : undefined;
  const edits = [risksEdits?.edits, assessmentEdits, actionEdits].filter(
    (e): e is SheetEdits => e !== undefined,
  );

  if (newPlans.length > 0) await port.writeSheets(newPlans);
  for (const edit of edits) if (edit.blocks.length > 0) await port.writeCells(edit.sheet, edit.blocks);
  for (const edit of edits) await port.applyRules(edit.sheet, edit.rules);
  const names = port.defineNames ? await port.defineNames(matrix) : [];

  const report: SetUpReport = {
    sheetsAdded: newPlans.map((plan) => plan.name),
    headersAdded: edits
      .filter((e) => e.headersAdded.length > 0)
      .map((e) => ({ sheet: e.sheet, headers: e.headersAdded })),
    formulasAdded: edits.reduce((sum, e) => sum + e.formulasAdded, 0),
    columnFormulas: [
      ...(perColumn && !sheets.assessments ? newSheetColumnFormulas(seed.assessments) : []),
      ...edits.flatMap((e) => e.columnFormulas),
    ],
    columnsLeftAlone: edits.flatMap((e) => e.columnsLeftAlone),
    rulesApplied: edits.map((e) => e.sheet),
    namesDefined: [...names],
  };
  const outcome: JobOutcome = { ...setUpLines(report), issues, failed: false };
  ui?.showOutcome(outcome);
  return { report, outcome };
}

function risksSheetEdits(grid: SheetGrid, matrix: RiskMatrix): { edits: SheetEdits; riskIdRange?: string } {
  const headers = completeHeaders(grid, RISK_COLUMNS);
  const span = dataRowSpan(headers.located.headerRow, grid.rows.length);
  const rules = risksSheetRules({
    located: headers.located,
    width: headers.width,
    span,
    idSpan: span,
    matrix,
  });
  const id = headers.located.columns.get('id');
  return {
    edits: headerAndRuleEdits(grid, headers, rules),
    ...(id !== undefined ? { riskIdRange: riskIdRangeReference(id, span) } : {}),
  };
}

/** A sheet Set up gives missing headers and rules, and no formulas (Risks, Actions). */
function headerAndRuleEdits<K extends string>(
  grid: SheetGrid,
  headers: CompletedHeaders<K>,
  rules: SheetRules,
): SheetEdits {
  return {
    sheet: grid.name,
    blocks: headers.block ? [headers.block] : [],
    rules,
    headersAdded: headers.added,
    formulasAdded: 0,
    columnFormulas: [],
    columnsLeftAlone: [],
  };
}

function assessmentsSheetEdits(
  grid: SheetGrid,
  matrix: RiskMatrix,
  riskIdRange: string | undefined,
  scoringRange: string | undefined,
  perColumn: boolean,
): SheetEdits {
  const headers = completeHeaders(grid, ASSESSMENT_COLUMNS);
  const span = dataRowSpan(headers.located.headerRow, grid.rows.length);
  const rules = assessmentsSheetRules({
    located: headers.located,
    span,
    matrix,
    ...(riskIdRange ? { riskIdRange } : {}),
  });
  // A ratings-only matrix has no levels to score: its Rating cells are typed, never formulas.
  const formulas = isRatingsOnlyMatrix(matrix)
    ? { blocks: [], count: 0, columnFormulas: [], columnsLeftAlone: [] }
    : perColumn
      ? columnFormulaBlocks(grid, headers.located, matrix, scoringRange)
      : { ...formulaBlocks(grid, headers.located, scoringRange), columnFormulas: [], columnsLeftAlone: [] };
  return {
    sheet: grid.name,
    // The header block first: a column formula written into a new header cell replaces its text.
    blocks: [...(headers.block ? [headers.block] : []), ...formulas.blocks],
    rules,
    headersAdded: headers.added,
    formulasAdded: formulas.count,
    columnFormulas: formulas.columnFormulas,
    columnsLeftAlone: formulas.columnsLeftAlone,
  };
}

/**
 * Score and Rating as one formula per column, in the header cell (its formats kept), where the column's data cells
 * are all empty. A column already showing what the formula gives (Set up ran before) is left as
 * it is; so is one holding values typed in — an array formula cannot spill over them (Sheets shows
 * #REF! for the whole column), and Set up never overwrites a user's value: the outcome says so.
 */
function columnFormulaBlocks(
  grid: SheetGrid,
  located: ColumnLocation<AssessmentColumnKey>,
  matrix: RiskMatrix,
  scoringRange: string | undefined,
): { blocks: CellBlock[]; count: number; columnFormulas: string[]; columnsLeftAlone: string[] } {
  const blocks: CellBlock[] = [];
  const columnFormulas: string[] = [];
  const columnsLeftAlone: string[] = [];
  const impact = located.columns.get('impact')!;
  const probability = located.columns.get('probability')!;
  const first = located.headerRow + 1;
  for (const level of levelFormulaCells(located, scoringRange)) {
    const header =
      cellText(grid.rows[located.headerRow]?.[level.column]) ||
      ASSESSMENT_COLUMNS.find((spec) => spec.key === (level.fn === 'RISKSCORE' ? 'score' : 'rating'))!.header;
    const evaluate = riskFunction(level.fn)!.implementation(matrix);
    let empty = true;
    let other = false;
    for (let r = first; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      const value = row?.[level.column] ?? null;
      const result = evaluate(row?.[impact] ?? null, row?.[probability] ?? null);
      empty &&= isBlank(value);
      other ||= !showsFormulaResult(value, result);
    }
    const typed = !empty && other;
    const column = columnLetter(level.column);
    if (typed) {
      columnsLeftAlone.push(`${grid.name}!${column}${first + 1}:${column} (${header})`);
      continue;
    }
    columnFormulas.push(`${grid.name}!${column}${located.headerRow + 1} (${header})`);
    // Already showing the formula's results: nothing to write.
    if (!empty) continue;
    // Score and Rating side by side are one block: one write for both header cells. No style:
    // the header keeps the look the user gave it.
    const formula: PlanCell = { value: level.columnFormula(header) };
    const previous = blocks[blocks.length - 1];
    if (previous && previous.left + previous.cells[0]!.length === level.column)
      blocks[blocks.length - 1] = { ...previous, cells: [[...previous.cells[0]!, formula]] };
    else blocks.push({ top: located.headerRow, left: level.column, cells: [[formula]] });
  }
  return { blocks, count: 0, columnFormulas, columnsLeftAlone };
}

/** Whether a cell shows what the column's formula gives for its row (a range's error is its text). */
function showsFormulaResult(value: CellValue, result: FunctionResult): boolean {
  if (Array.isArray(result)) return false;
  if (isFunctionError(result)) return value === result.message;
  return result === '' ? isBlank(value) : value === result;
}

/** Where a new Assessments sheet holding `rows` has its column formulas (its header cells). */
function newSheetColumnFormulas(rows: readonly (readonly CellValue[])[]): string[] {
  const located = locateColumns({ name: ASSESSMENTS_SHEET_NAME, rows }, ASSESSMENT_COLUMNS);
  return levelFormulaCells(located, undefined).map(
    ({ column }) =>
      `${ASSESSMENTS_SHEET_NAME}!${columnLetter(column)}${located.headerRow + 1} (${cellText(rows[located.headerRow]?.[column])})`,
  );
}

/**
 * Score and Rating formulas for the assessment rows whose cell is empty, as one block per run
 * of empty cells in a column: a user's own value or formula is never overwritten.
 */
function formulaBlocks(
  grid: SheetGrid,
  located: ColumnLocation<AssessmentColumnKey>,
  scoringRange: string | undefined,
): { blocks: CellBlock[]; count: number } {
  const assessed = (row: readonly CellValue[] | undefined) =>
    (['riskId', 'quarter', 'impact', 'probability'] as const).some((key) => {
      const column = located.columns.get(key);
      return column !== undefined && !isBlank(row?.[column]);
    });
  const blocks: CellBlock[] = [];
  let count = 0;
  for (const { column, formulaAt } of levelFormulaCells(located, scoringRange)) {
    let run: { top: number; cells: PlanCell[][] } | undefined;
    const close = () => {
      if (run) blocks.push({ top: run.top, left: column, cells: run.cells });
      run = undefined;
    };
    for (let r = located.headerRow + 1; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      if (!assessed(row) || !isBlank(row?.[column])) {
        close();
        continue;
      }
      run ??= { top: r, cells: [] };
      run.cells.push([{ value: formulaAt(r) }]);
      count++;
    }
    close();
  }
  return { blocks, count };
}

/** A new Actions sheet when asked for (or seeded with actions); none otherwise. */
function newActionsPlan(
  settings: SetUpSettings,
  seed: DataSheetContent,
  riskIdRange: string | undefined,
): SheetPlan | undefined {
  if (!settings.actions && !seed.actions) return undefined;
  return actionsDataSheetPlan(seed.actions ?? [[...ACTION_HEADERS]], riskIdRange);
}

function actionsSheetEdits(grid: SheetGrid, riskIdRange: string | undefined): SheetEdits {
  const headers = completeHeaders(grid, ACTION_COLUMNS);
  const rules = actionsSheetRules({
    located: headers.located,
    width: headers.width,
    span: dataRowSpan(headers.located.headerRow, grid.rows.length),
    ...(riskIdRange ? { riskIdRange } : {}),
  });
  return headerAndRuleEdits(grid, headers, rules);
}

function scoringRangeOf(scoring: SheetGrid | undefined, plan: SheetPlan | undefined): string {
  const rows = scoring?.rows ?? plan?.cells ?? [];
  const columns = rows.reduce((widest, row) => Math.max(widest, row?.length ?? 0), 0);
  return scoringRangeReference(scoring?.name ?? SCORING_SHEET_NAME, rows.length, columns);
}
