/**
 * The whole job in one pure step: data sheets in, checked register model and every issue out.
 * Hosts read the sheets, call this, and render what it returns; none of them decides anything.
 */
import type { WorkbookSheets } from '../ports/read-data-sheets.ts';
import { ASSESSMENTS_SHEET_NAME, RISKS_SHEET_NAME } from '../readers/headers.ts';
import type { Issue } from '../issues/issue.ts';
import { hasErrors, issueError } from '../issues/issue.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { Quarter } from '../quarters/quarter.ts';
import { compareQuarters } from '../quarters/quarter.ts';
import { checkReassessed, readRegisterSheets } from '../readers/read-register.ts';
import type { RegisterModel } from '../register/register-model.ts';
import { buildRegister } from '../register/register-model.ts';
import type { Assessment, Risk } from '../readers/risk.ts';
import type { JobSettings } from './job-settings.ts';
import type { Action } from '../readers/action.ts';
import type { RiskColumnKey } from '../readers/headers.ts';
import type { ActionColumnKey } from '../readers/read-actions.ts';
import { ACTIONS_SHEET_NAME } from '../readers/read-actions.ts';
import { checkOverdue } from '../readers/check-overdue.ts';
import { matrixFromWorkbook } from '../matrix/matrix-from-workbook.ts';

/**
 * The data sheets read and checked: first as read (what offering a quarter needs), then for the
 * quarter chosen, which adds `quarter` and that quarter's issues.
 */
export interface WorkbookAnalysis {
  readonly matrix: RiskMatrix;
  readonly risks: readonly Risk[];
  readonly assessments: readonly Assessment[];
  /** The latest quarter assessed, strays left out unless there is nothing else. */
  readonly latestQuarter?: Quarter;
  /** The quarter reported (or validated against); absent before one is chosen, or when there is no assessment at all. */
  readonly quarter?: Quarter;
  readonly issues: readonly Issue[];
  /** Where the Risks IDs are, for the issues of one quarter. */
  readonly riskIdColumn?: number;
  /** The columns the Risks sheet has. */
  readonly riskColumns: ReadonlyMap<RiskColumnKey, number>;
  /** Absent when the workbook has no Actions sheet. */
  readonly actions?: readonly Action[];
  readonly actionColumns?: ReadonlyMap<ActionColumnKey, number>;
  /** The data sheets' names as the workbook spells them, for the issues of one quarter; `assessments` absent when there is no such sheet. */
  readonly sheetNames: SheetNames;
}

interface SheetNames {
  readonly risks: string;
  readonly assessments?: string;
  readonly actions: string;
}

/** Reads the data sheets once, with the matrix they are scored by. */
export function readWorkbook(
  sheets: WorkbookSheets,
  settings: Pick<JobSettings, 'matrix' | 'calendar'>,
): WorkbookAnalysis {
  const { matrix, issues: matrixIssues } = matrixFromWorkbook(sheets.scoring, settings.matrix);
  const read = readRegisterSheets(
    { risks: sheets.risks, assessments: sheets.assessments, actions: sheets.actions },
    { matrix, calendar: settings.calendar },
  );
  const latest = latestQuarter(read.assessments);
  return {
    matrix,
    risks: read.risks,
    assessments: read.assessments,
    ...(latest ? { latestQuarter: latest } : {}),
    issues: [...matrixIssues, ...read.issues],
    ...(read.riskIdColumn !== undefined ? { riskIdColumn: read.riskIdColumn } : {}),
    riskColumns: read.riskColumns,
    ...(read.actions ? { actions: read.actions } : {}),
    ...(read.actionColumns ? { actionColumns: read.actionColumns } : {}),
    sheetNames: {
      risks: sheets.risks?.name ?? RISKS_SHEET_NAME,
      ...(sheets.assessments ? { assessments: sheets.assessments.name } : {}),
      actions: sheets.actions?.name ?? ACTIONS_SHEET_NAME,
    },
  };
}

/**
 * A read workbook checked for one quarter (the latest when absent): its issues then. Needs no
 * grid, so a host can let go of the grids once they are read (at 100,000 risks they are hundreds
 * of megabytes).
 */
export function analysisFor(
  read: WorkbookAnalysis,
  settings: Pick<JobSettings, 'calendar' | 'quarter'>,
): WorkbookAnalysis {
  const issues: Issue[] = [...read.issues];
  const quarter = settings.quarter ?? read.latestQuarter;
  const names = read.sheetNames;
  if (quarter) {
    issues.push(
      ...checkReassessed(read.risks, read.assessments, quarter, settings.calendar, {
        risks: names.risks,
        assessments: names.assessments ?? ASSESSMENTS_SHEET_NAME,
        ...(read.riskIdColumn !== undefined ? { riskIdColumn: read.riskIdColumn } : {}),
      }),
      ...checkOverdue(read, quarter, settings.calendar, { risks: names.risks, actions: names.actions }),
    );
  } else if (names.assessments !== undefined && !hasErrors(issues)) {
    issues.push(
      issueError(names.assessments, 'A2', 'there are no assessments, so there is no quarter to report'),
    );
  }
  return { ...read, ...(quarter ? { quarter } : {}), issues };
}

/** Reads and checks the data sheets; what `validate` reports. */
export function analyseWorkbook(sheets: WorkbookSheets, settings: JobSettings): WorkbookAnalysis {
  return analysisFor(readWorkbook(sheets, settings), settings);
}

export interface GeneratedRegister extends WorkbookAnalysis {
  /** Absent when the workbook has errors: nothing is generated from a workbook that has them. */
  readonly model?: RegisterModel;
}

/** Reads, checks and, when the workbook has no errors, builds the quarter's register. */
export function generateRegister(sheets: WorkbookSheets, settings: JobSettings): GeneratedRegister {
  return registerFor(readWorkbook(sheets, settings), settings);
}

/** The quarter's register from a workbook already read (generate reads it first, to offer a quarter). */
export function registerFor(read: WorkbookAnalysis, settings: JobSettings): GeneratedRegister {
  const analysis = analysisFor(read, settings);
  if (hasErrors(analysis.issues) || !analysis.quarter) return analysis;
  const model = buildRegister({
    risks: analysis.risks,
    assessments: analysis.assessments,
    matrix: analysis.matrix,
    calendar: settings.calendar,
    quarter: analysis.quarter,
    quarterCount: settings.quarterCount,
    riskColumns: read.riskColumns,
    ...(read.actions ? { actions: read.actions } : {}),
    ...(settings.historyCount !== undefined ? { historyCount: settings.historyCount } : {}),
  });
  return { ...analysis, model };
}

/** The latest quarter assessed, leaving out strays (after a risk closed or before it was raised) unless there is nothing else. */
function latestQuarter(assessments: readonly Assessment[]): Quarter | undefined {
  let latest: Quarter | undefined;
  const kept = assessments.filter((a) => !a.stray);
  for (const a of kept.length ? kept : assessments)
    if (!latest || compareQuarters(a.quarter, latest) > 0) latest = a.quarter;
  return latest;
}
