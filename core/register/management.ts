/**
 * The management side of a quarter's register (PRODUCT §8): for each open risk its status
 * (Open or Proposed for closure), whether its review is overdue and its open and overdue actions;
 * the risks transferred to other registers in the quarter; and the open actions the `Actions`
 * report sheet lists, overdue first. Each part is null or absent when its columns are.
 */
import type { IsoDate } from '../cells/cell.ts';
import { compareIsoDates } from '../dates/dates.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { quarterEndDate } from '../quarters/quarter.ts';
import type { Action, ActionStatus } from '../readers/action.ts';
import type { RiskColumnKey } from '../readers/headers.ts';
import type { Risk } from '../readers/risk.ts';
import type { OpenStatus } from '../readers/risk-status.ts';
import { riskIdKey, riskIdKeyer } from '../readers/risk-id.ts';
import type { ActionCounts } from './action-due.ts';
import { countActionsAt, isActionOpenAt } from './action-due.ts';
import { isReviewOverdueAt, nextReviewDueDate } from './review-due.ts';

/** What the register shows of one open risk's management. */
export interface RiskManagement {
  readonly status: OpenStatus;
  /** Null when Risks has neither `Next review` nor `Review frequency`. */
  readonly reviewOverdue: boolean | null;
  /** When the next review is due, when anything says. */
  readonly reviewDue?: IsoDate;
  /** Null when the workbook has no Actions sheet. */
  readonly actions: ActionCounts | null;
}

export interface TransferredRow {
  readonly id: string;
  readonly name: string;
  /** The register it went to. */
  readonly to: string;
  readonly date: IsoDate;
  readonly rationale: string;
  /** The rating in force when it left, when it had been assessed. */
  readonly lastRating?: string;
}

/** An open action of an open risk, as the Actions report lists it. */
export interface ActionRow {
  readonly riskId: string;
  readonly riskName: string;
  readonly action: string;
  readonly owner: string;
  readonly due?: IsoDate;
  readonly status: ActionStatus;
  readonly overdue: boolean;
}

/** Which optional management columns the register shows: those whose data the workbook has. */
export interface ManagementColumns {
  readonly reviews: boolean;
  readonly actions: boolean;
}

export interface ManagementInput {
  readonly quarter: Quarter;
  readonly calendar: FiscalCalendar;
  /** The Risks columns found; reviews show only where Next review or Review frequency is one. */
  readonly riskColumns?: ReadonlyMap<RiskColumnKey, number>;
  /** Absent when the workbook has no Actions sheet. */
  readonly actions?: readonly Action[];
}

/** Management facts of a quarter, computed once and asked per risk. */
export class QuarterManagement {
  readonly columns: ManagementColumns;
  readonly quarterEnd: IsoDate;
  private readonly actionsByRisk = new Map<string, Action[]>();

  constructor(private readonly input: ManagementInput) {
    const found = input.riskColumns ?? new Map<RiskColumnKey, number>();
    this.columns = {
      reviews: found.has('nextReview') || found.has('reviewFrequency'),
      actions: input.actions !== undefined,
    };
    this.quarterEnd = quarterEndDate(input.quarter, input.calendar);
    const keyOf = riskIdKeyer();
    for (const action of input.actions ?? []) {
      const key = keyOf(action.riskId);
      let list = this.actionsByRisk.get(key);
      if (!list) this.actionsByRisk.set(key, (list = []));
      list.push(action);
    }
  }

  /** One open risk's status, review and action counts; `lastAssessed` is the quarter of the assessment in force. */
  of(risk: Risk, lastAssessed: Quarter | undefined): RiskManagement {
    const reviewDue = this.columns.reviews
      ? nextReviewDueDate(risk, lastAssessed, this.input.calendar)
      : undefined;
    return {
      status: risk.status === 'Proposed for closure' ? 'Proposed for closure' : 'Open',
      reviewOverdue: this.columns.reviews
        ? isReviewOverdueAt(reviewDue, this.input.quarter, this.input.calendar)
        : null,
      ...(reviewDue !== undefined ? { reviewDue } : {}),
      actions: this.columns.actions
        ? countActionsAt(this.actionsByRisk.get(riskIdKey(risk.id)) ?? [], this.quarterEnd)
        : null,
    };
  }

  /**
   * The open actions of the register's open risks, given in register order: overdue first, then
   * by due date (undated last), then in register order.
   */
  openActions(openRisks: readonly { readonly id: string; readonly name: string }[]): ActionRow[] {
    if (!this.columns.actions) return [];
    const rows: { row: ActionRow; order: number }[] = [];
    openRisks.forEach((risk, order) => {
      for (const action of this.actionsByRisk.get(riskIdKey(risk.id)) ?? []) {
        if (!isActionOpenAt(action, this.quarterEnd)) continue;
        const overdue = action.due !== undefined && compareIsoDates(action.due, this.quarterEnd) < 0;
        rows.push({
          order,
          row: {
            riskId: risk.id,
            riskName: risk.name,
            action: action.action,
            owner: action.owner,
            ...(action.due !== undefined ? { due: action.due } : {}),
            status: action.status,
            overdue,
          },
        });
      }
    });
    rows.sort(
      (a, b) =>
        Number(b.row.overdue) - Number(a.row.overdue) ||
        compareDue(a.row.due, b.row.due) ||
        a.order - b.order,
    );
    return rows.map((item) => item.row);
  }
}

/** Earlier due dates first; an action with no due date after every dated one. */
function compareDue(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return compareIsoDates(a, b);
}

/** A risk transferred in the quarter, as the Closed sheet's Transferred section and the JSON list it. */
export function transferredRow(
  risk: Risk & { readonly dateClosed: IsoDate },
  lastRating: string | undefined,
): TransferredRow {
  return {
    id: risk.id,
    name: risk.name,
    to: risk.transferredTo ?? '',
    date: risk.dateClosed,
    rationale: risk.closureRationale,
    ...(lastRating !== undefined ? { lastRating } : {}),
  };
}
