/** The `generate --json` document of PRODUCT §6 and §8: a fixed shape that tests outside this repository read. */
import type { Issue } from '../issues/issue.ts';
import { appetiteValue } from '../matrix/appetite.ts';
import type { FiscalCalendar } from '../quarters/quarter.ts';
import { formatQuarter } from '../quarters/quarter.ts';
import type { RatedView, RegisterModel, RegisterRow } from './register-model.ts';
import type { Trend } from './trend.ts';

/** An inherent assessment in the JSON; null parts where a rating was given alone. */
export interface RatedJson {
  impact: number | null;
  probability: number | null;
  score: number | null;
  rating: string | null;
}

export interface OpenRiskJson {
  id: string;
  name: string;
  /** Null when the rating was given alone (PRODUCT §8). */
  impact: number | null;
  probability: number | null;
  score: number | null;
  rating: string;
  trend: Trend[];
  /** Aligned with `quarters`; null where no rating was in force. */
  ratings: (string | null)[];
  inherent: RatedJson | null;
  target: (RatedJson & { date: string | null }) | null;
  appetite: number | string | null;
  aboveAppetite: boolean | null;
  status: 'Open' | 'Proposed for closure';
  reviewOverdue: boolean | null;
  actions: { open: number; overdue: number } | null;
}

export interface TransferredJson {
  id: string;
  name: string;
  to: string;
  date: string;
  rationale: string;
}

export interface RegisterJson {
  readonly quarter: string;
  readonly quarters: string[];
  readonly open: OpenRiskJson[];
  readonly closed: {
    id: string;
    name: string;
    dateClosed: string;
    closureReported: string | null;
    rationale: string;
  }[];
  /** Risks that left this register in the quarter for another, by ID. */
  readonly transferred: TransferredJson[];
  /** The History sheet's quarters, oldest first. */
  readonly history: string[];
  readonly issues: Issue[];
}

export function registerJson(
  model: RegisterModel,
  calendar: FiscalCalendar,
  issues: readonly Issue[],
): RegisterJson {
  return {
    quarter: formatQuarter(model.quarter, calendar),
    quarters: model.quarters.map((q) => formatQuarter(q, calendar)),
    open: model.open.map(openRiskJson),
    closed: model.closed.map((row) => ({
      id: row.id,
      name: row.name,
      dateClosed: row.dateClosed,
      closureReported: row.closureReported ?? null,
      rationale: row.rationale,
    })),
    transferred: model.transferred.map((row) => ({
      id: row.id,
      name: row.name,
      to: row.to,
      date: row.date,
      rationale: row.rationale,
    })),
    history: model.history.quarters.map((q) => formatQuarter(q, calendar)),
    issues: issues.map((issue) => ({ ...issue })),
  };
}

function openRiskJson(row: RegisterRow): OpenRiskJson {
  const target =
    row.target || row.targetDate !== undefined
      ? { ...ratedJson(row.target), date: row.targetDate ?? null }
      : null;
  return {
    id: row.risk.id,
    name: row.risk.name,
    impact: row.impact ?? null,
    probability: row.probability ?? null,
    score: row.score ?? null,
    rating: row.rating,
    trend: [...row.trend],
    ratings: row.ratings.map((rating) => rating ?? null),
    inherent: row.inherent ? ratedJson(row.inherent) : null,
    target,
    appetite: row.appetite ? appetiteValue(row.appetite) : null,
    aboveAppetite: row.aboveAppetite ?? null,
    status: row.status,
    reviewOverdue: row.reviewOverdue,
    actions: row.actions ? { open: row.actions.open, overdue: row.actions.overdue } : null,
  };
}

function ratedJson(rated: RatedView | undefined): RatedJson {
  return {
    impact: rated?.impact ?? null,
    probability: rated?.probability ?? null,
    score: rated?.score ?? null,
    rating: rated?.rating ?? null,
  };
}
