/**
 * Reads the Risks and Assessments sheets into typed rows, with an issue addressed to the cell
 * for every problem. A row with an error is left out of the typed rows, so nothing built from
 * them can be silently wrong; warnings keep the row. Any grid at all is read without throwing.
 */
import type { SheetGrid } from '../cells/cell.ts';
import { a1 } from '../cells/cell.ts';
import type { Issue } from '../issues/issue.ts';
import { issueWarning } from '../issues/issue.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { formatQuarter, quarterFromIndex, quarterIndex } from '../quarters/quarter.ts';
import { isOpenInQuarter } from '../register/open-in-quarter.ts';
import type { RiskColumnKey } from './headers.ts';
import { ASSESSMENT_COLUMNS, ASSESSMENTS_SHEET_NAME, RISK_COLUMNS, RISKS_SHEET_NAME } from './headers.ts';
import { fillMergedKeys } from './merged-keys.ts';
import type { Action } from './action.ts';
import type { ActionColumnKey } from './read-actions.ts';
import { ACTIONS_SHEET_NAME, readActions } from './read-actions.ts';
import { IssueList, sortedIssues } from './issue-list.ts';
import { readAssessments } from './read-assessments.ts';
import type { RisksRead } from './read-risks.ts';
import { readRisks } from './read-risks.ts';
import type { Assessment, Risk } from './risk.ts';
import { lastAssessedBy } from './last-assessed.ts';
import { riskIdKey, shownId } from './risk-id.ts';

export interface RegisterSheets {
  readonly risks?: SheetGrid;
  readonly assessments?: SheetGrid;
  /** The optional Actions sheet (PRODUCT §8). */
  readonly actions?: SheetGrid;
}

export interface ReadOptions {
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
}

export interface RegisterRead {
  readonly risks: Risk[];
  readonly assessments: Assessment[];
  /** Sorted by sheet (Risks first), then row, then column. */
  readonly issues: Issue[];
  /** 0-based column of the ID on Risks, so later checks can address a risk's ID cell. */
  readonly riskIdColumn?: number;
  /** The columns the Risks sheet has: the register shows optional ones only where they exist. */
  readonly riskColumns: ReadonlyMap<RiskColumnKey, number>;
  /** The actions, when the workbook has an Actions sheet. */
  readonly actions?: Action[];
  /** Where the Actions sheet's columns are, when it has them. */
  readonly actionColumns?: ReadonlyMap<ActionColumnKey, number>;
}

function sheetName(grid: SheetGrid, fallback: string): string {
  return typeof grid.name === 'string' ? grid.name : fallback;
}

/**
 * Reads the Risks and Assessments sheets, and the Actions sheet when there is one. Every problem is an issue addressed to a cell on the
 * sheet it was found on; rows with errors are left out of `risks` and `assessments`. Assessment
 * risk IDs are given as the Risks sheet writes them.
 * @example
 * readRegisterSheets({ risks, assessments }, { matrix, calendar: APRIL_FISCAL_YEAR }).issues
 * // [{ severity: 'error', sheet: 'Assessments', cell: 'C7', message: 'impact 6 is outside 1-5' }]
 */
export function readRegisterSheets(input: RegisterSheets, options: ReadOptions): RegisterRead {
  const risksSheet = input.risks ? sheetName(input.risks, RISKS_SHEET_NAME) : RISKS_SHEET_NAME;
  const riskIssues = new IssueList(risksSheet, 0);
  let risksRead: RisksRead | undefined;
  if (input.risks)
    risksRead = readRisks(
      fillMergedKeys(input.risks, RISK_COLUMNS, ['id'], riskIssues),
      riskIssues,
      options.matrix,
    );
  else riskIssues.error(0, 0, `the workbook has no ${RISKS_SHEET_NAME} sheet`);

  const assessmentsSheet = input.assessments
    ? sheetName(input.assessments, ASSESSMENTS_SHEET_NAME)
    : ASSESSMENTS_SHEET_NAME;
  const assessmentIssues = new IssueList(assessmentsSheet, 1);
  let assessments: Assessment[] = [];
  if (input.assessments)
    assessments = readAssessments(
      fillMergedKeys(input.assessments, ASSESSMENT_COLUMNS, ['riskId', 'quarter'], assessmentIssues),
      assessmentIssues,
      options,
      risksRead,
      risksSheet,
    );
  else assessmentIssues.error(0, 0, `the workbook has no ${ASSESSMENTS_SHEET_NAME} sheet`);

  const actionIssues = new IssueList(input.actions ? sheetName(input.actions, ACTIONS_SHEET_NAME) : '', 2);
  const actionsRead = input.actions
    ? readActions(input.actions, actionIssues, risksRead, risksSheet)
    : undefined;

  return {
    risks: risksRead?.risks ?? [],
    assessments,
    issues: sortedIssues([riskIssues, assessmentIssues, actionIssues]),
    ...(risksRead?.idColumn !== undefined ? { riskIdColumn: risksRead.idColumn } : {}),
    riskColumns: risksRead?.columnsFound ?? new Map(),
    ...(actionsRead ? { actions: actionsRead.actions, actionColumns: actionsRead.columns } : {}),
  };
}

export interface ReassessmentSheets {
  readonly risks: string;
  readonly assessments?: string;
  /** 0-based column of the ID on Risks (`RegisterRead.riskIdColumn`); A when absent. */
  readonly riskIdColumn?: number;
}

/**
 * Warnings, addressed at each risk's ID cell on Risks, for the risks open in `quarter` whose
 * score was not renewed in it: re-assessed earlier (its last score stands) or never assessed
 * by then (it has no score, so the register leaves it out). A risk is open in a quarter when
 * it was raised by the quarter's end (or has no date raised) and is Open, or closed after it.
 * @example
 * checkReassessed(risks, assessments, { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR, { risks: 'Risks' })
 * // [{ severity: 'warning', sheet: 'Risks', cell: 'A6', message: 'CRR05 was not re-assessed in Q2 2022/23; its Q1 2022/23 score stands' }]
 */
export function checkReassessed(
  risks: readonly Risk[],
  assessments: readonly Assessment[],
  quarter: Quarter,
  calendar: FiscalCalendar,
  sheets: ReassessmentSheets,
): Issue[] {
  const target = quarterIndex(quarter);
  const label = formatQuarter(quarter, calendar);
  const latest = lastAssessedBy(assessments, target);

  const located: { row: number; issue: Issue }[] = [];
  for (const risk of risks) {
    if (!isOpenInQuarter(risk, quarter, calendar)) continue;
    const column = sheets.riskIdColumn ?? 0;
    const cell = a1(risk.row, column);
    const last = latest.get(riskIdKey(risk.id));
    if (last === undefined) {
      located.push({
        row: risk.row,
        issue: issueWarning(
          sheets.risks,
          cell,
          `${shownId(risk.id)} has no assessment in or before ${label}, so it has no score for the register`,
        ),
      });
    } else if (last < target) {
      const stands = formatQuarter(quarterFromIndex(last), calendar);
      located.push({
        row: risk.row,
        issue: issueWarning(
          sheets.risks,
          cell,
          `${shownId(risk.id)} was not re-assessed in ${label}; its ${stands} score stands`,
        ),
      });
    }
  }
  located.sort((a, b) => a.row - b.row);
  return located.map((item) => item.issue);
}
