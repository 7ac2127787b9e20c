/**
 * Warnings for what is overdue at the end of the quarter reported (PRODUCT §8): reviews of open
 * risks, at the risk's Next review (or Review frequency) cell, and open actions of open risks,
 * at the action's Due date cell. Quarter-dependent, so they are checked once a quarter is chosen.
 */
import { a1 } from '../cells/cell.ts';
import { formatDateForReport } from '../dates/dates.ts';
import type { Issue } from '../issues/issue.ts';
import { issueWarning } from '../issues/issue.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { formatQuarter, quarterEndDate, quarterFromIndex, quarterIndex } from '../quarters/quarter.ts';
import { isActionOverdueAt } from '../register/action-due.ts';
import { isOpenInQuarter } from '../register/open-in-quarter.ts';
import { isReviewOverdueAt, nextReviewDueDate } from '../register/review-due.ts';
import type { Action } from './action.ts';
import type { RiskColumnKey } from './headers.ts';
import type { ActionColumnKey } from './read-actions.ts';
import type { Assessment, Risk } from './risk.ts';
import { lastAssessedBy } from './last-assessed.ts';
import { riskIdKey, riskIdKeyer, shownId } from './risk-id.ts';

export interface OverdueInput {
  readonly risks: readonly Risk[];
  readonly assessments: readonly Assessment[];
  readonly riskColumns: ReadonlyMap<RiskColumnKey, number>;
  readonly riskIdColumn?: number;
  readonly actions?: readonly Action[];
  readonly actionColumns?: ReadonlyMap<ActionColumnKey, number>;
}

/**
 * @example checkOverdue(read, { fiscalYear: 2022, quarter: 2 }, APRIL_FISCAL_YEAR, { risks: 'Risks', actions: 'Actions' })
 * // [{ severity: 'warning', sheet: 'Risks', cell: 'M4', message: 'CRR3 was due for review on 15/08/2022, before the end of Q2 2022/23' }]
 */
export function checkOverdue(
  input: OverdueInput,
  quarter: Quarter,
  calendar: FiscalCalendar,
  sheets: { readonly risks: string; readonly actions: string },
): Issue[] {
  const end = quarterEndDate(quarter, calendar);
  const label = formatQuarter(quarter, calendar);
  const lastAssessed = lastAssessedBy(input.assessments, quarterIndex(quarter));
  const { riskColumns } = input;
  const reviewColumn = riskColumns.get('nextReview') ?? riskColumns.get('reviewFrequency');
  const issues: Issue[] = [];
  const openIds = new Set<string>();
  for (const risk of input.risks) {
    if (!isOpenInQuarter(risk, quarter, calendar)) continue;
    const key = riskIdKey(risk.id);
    const lastIndex = lastAssessed.get(key);
    // A risk with no score is not on the register (checkReassessed says so); nothing of it is overdue there.
    if (lastIndex === undefined) continue;
    const last = quarterFromIndex(lastIndex);
    openIds.add(key);
    if (reviewColumn === undefined) continue;
    const due = nextReviewDueDate(risk, last, calendar);
    if (due === undefined || !isReviewOverdueAt(due, quarter, calendar)) continue;
    const column =
      risk.nextReview !== undefined
        ? riskColumns.get('nextReview')!
        : (riskColumns.get('reviewFrequency') ?? reviewColumn);
    const why =
      risk.nextReview !== undefined
        ? ''
        : ` (${risk.reviewFrequency!} from its ${formatQuarter(last, calendar)} assessment)`;
    issues.push(
      issueWarning(
        sheets.risks,
        a1(risk.row, column),
        `${shownId(risk.id)} was due for review on ${formatDateForReport(due)}${why}, before the end of ${label}`,
      ),
    );
  }
  const dueColumn = input.actionColumns?.get('due');
  const keyOf = riskIdKeyer();
  for (const action of input.actions ?? []) {
    if (dueColumn === undefined || !openIds.has(keyOf(action.riskId)) || !isActionOverdueAt(action, end))
      continue;
    issues.push(
      issueWarning(
        sheets.actions,
        a1(action.row, dueColumn),
        `action for ${shownId(action.riskId)} was due on ${formatDateForReport(action.due!)} and is not complete at the end of ${label}`,
      ),
    );
  }
  return issues;
}
