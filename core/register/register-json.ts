/** The `generate --json` document of PRODUCT §6: a fixed shape that tests outside this repository read. */
import type { Issue } from '../issues/issue.ts';
import type { FiscalCalendar } from '../quarters/quarter.ts';
import { formatQuarter } from '../quarters/quarter.ts';
import type { RegisterModel } from './register-model.ts';
import type { Trend } from './trend.ts';

export interface RegisterJson {
  readonly quarter: string;
  readonly quarters: string[];
  readonly open: {
    id: string;
    name: string;
    impact: number;
    probability: number;
    score: number;
    rating: string;
    trend: Trend[];
  }[];
  readonly closed: {
    id: string;
    name: string;
    dateClosed: string;
    closureReported: string | null;
    rationale: string;
  }[];
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
    open: model.open.map((row) => ({
      id: row.risk.id,
      name: row.risk.name,
      impact: row.impact,
      probability: row.probability,
      score: row.score,
      rating: row.rating,
      trend: [...row.trend],
    })),
    closed: model.closed.map((row) => ({
      id: row.id,
      name: row.name,
      dateClosed: row.dateClosed,
      closureReported: row.closureReported ?? null,
      rationale: row.rationale,
    })),
    issues: issues.map((issue) => ({ ...issue })),
  };
}
