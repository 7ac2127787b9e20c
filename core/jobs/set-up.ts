/**
 * The Set up job: makes a workbook a register workbook without disturbing what the user has.
 * It adds the data sheets that are missing, appends missing headers, fills empty Score and
 * Rating cells with formulas, applies the data-sheet rules to the used rows plus a margin, and
 * defines the RISKSCORE/RISKRATING/RISKTREND names where the host has names (the host builds them). It never changes a
 * non-empty cell, and running it twice changes nothing the second time.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { isBlank } from '../cells/cell.ts';
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
import type { RiskMatrix } from '../matrix/matrix.ts';
import { SCORING_SHEET_NAME } from '../matrix/scoring-sheet.ts';
import type { HostUi, JobOutcome } from '../ports/host-ui.ts';
import type { CellBlock, SheetRules, WorkbookPort } from '../ports/workbook-port.ts';
import type { AssessmentColumnKey, ColumnLocation } from '../readers/headers.ts';
import { ASSESSMENT_COLUMNS, ASSESSMENT_HEADERS, RISK_COLUMNS, RISK_HEADERS } from '../readers/headers.ts';
import { completeHeaders } from '../layout/complete-headers.ts';
import type { JobSettings } from './job-settings.ts';
import { matrixFromWorkbook } from '../matrix/matrix-from-workbook.ts';
import { readDataSheets } from '../ports/read-data-sheets.ts';

export interface SetUpSettings extends Pick<JobSettings, 'matrix'> {
  /** What new data sheets hold (header row first); the canonical headers alone when absent. */
  readonly seed?: DataSheetContent;
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
  const scoringRange = port.capabilities.functionsRecalculateOnArgumentsOnly
    ? scoringRangeOf(sheets.scoring, scoringPlan)
    : undefined;
  // The Risks IDs as they will be: an existing sheet's once Set up has completed its headers,
  // else the new sheet's. The Assessments' Risk ID rule points there, new sheet or not.
  const risksEdits = sheets.risks ? risksSheetEdits(sheets.risks) : undefined;
  const newRisks = sheets.risks ? undefined : risksSheetPlan(seed.risks);
  const riskIdRange = risksEdits?.riskIdRange ?? newRisks?.idRange;
  const newPlans = [
    newRisks?.plan,
    sheets.assessments
      ? undefined
      : assessmentsSheetPlan(matrix, seed.assessments, {
          ...(scoringRange ? { scoringRange } : {}),
          ...(riskIdRange ? { riskIdRange } : {}),
        }),
    scoringPlan,
  ].filter((plan): plan is SheetPlan => plan !== undefined);

  const assessmentEdits = sheets.assessments
    ? assessmentsSheetEdits(sheets.assessments, matrix, riskIdRange, scoringRange)
    : undefined;
  const edits = [risksEdits?.edits, assessmentEdits].filter((e): e is SheetEdits => e !== undefined);

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
    rulesApplied: edits.map((e) => e.sheet),
    namesDefined: [...names],
  };
  const outcome: JobOutcome = { ...setUpLines(report), issues, failed: false };
  ui?.showOutcome(outcome);
  return { report, outcome };
}

function risksSheetEdits(grid: SheetGrid): { edits: SheetEdits; riskIdRange?: string } {
  const headers = completeHeaders(grid, RISK_COLUMNS);
  const span = dataRowSpan(headers.located.headerRow, grid.rows.length);
  const rules = risksSheetRules({ located: headers.located, width: headers.width, span, idSpan: span });
  const id = headers.located.columns.get('id');
  return {
    edits: {
      sheet: grid.name,
      blocks: headers.block ? [headers.block] : [],
      rules,
      headersAdded: headers.added,
      formulasAdded: 0,
    },
    ...(id !== undefined ? { riskIdRange: riskIdRangeReference(id, span) } : {}),
  };
}

function assessmentsSheetEdits(
  grid: SheetGrid,
  matrix: RiskMatrix,
  riskIdRange: string | undefined,
  scoringRange: string | undefined,
): SheetEdits {
  const headers = completeHeaders(grid, ASSESSMENT_COLUMNS);
  const span = dataRowSpan(headers.located.headerRow, grid.rows.length);
  const rules = assessmentsSheetRules({
    located: headers.located,
    span,
    matrix,
    ...(riskIdRange ? { riskIdRange } : {}),
  });
  const formulas = formulaBlocks(grid, headers.located, scoringRange);
  return {
    sheet: grid.name,
    blocks: [...(headers.block ? [headers.block] : []), ...formulas.blocks],
    rules,
    headersAdded: headers.added,
    formulasAdded: formulas.count,
  };
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

function scoringRangeOf(scoring: SheetGrid | undefined, plan: SheetPlan | undefined): string {
  const rows = scoring?.rows ?? plan?.cells ?? [];
  const columns = rows.reduce((widest, row) => Math.max(widest, row?.length ?? 0), 0);
  return scoringRangeReference(scoring?.name ?? SCORING_SHEET_NAME, rows.length, columns);
}
