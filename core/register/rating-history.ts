/**
 * The rating history (PRODUCT §8): one row per risk open in any of the last N quarters, each
 * quarter's cell the rating then in force — blank before the risk's first assessment and after
 * its closure (the quarter it closed in still shows the rating it closed with).
 */
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { quarterIndex, quarterWindow } from '../quarters/quarter.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { Assessment, Risk } from '../readers/risk.ts';
import { riskIdComparator } from '../readers/risk-id.ts';
import { isClosedInQuarter, isOpenInQuarter } from './open-in-quarter.ts';

export interface RatingHistoryRow {
  readonly id: string;
  readonly name: string;
  /** Aligned with `RatingHistory.quarters`: the severity in force (index into the matrix's ratings), undefined for a blank cell. */
  readonly severities: readonly (number | undefined)[];
}

export interface RatingHistory {
  /** Oldest first, ending with the reported quarter. */
  readonly quarters: readonly Quarter[];
  /** Most severe latest rating first, then ID in natural order. */
  readonly rows: readonly RatingHistoryRow[];
}

export interface HistoryInput {
  readonly risks: readonly Risk[];
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
  readonly quarter: Quarter;
  readonly historyCount: number;
}

/**
 * The history over the `historyCount` quarters ending with `quarter`. `historyOf` gives a risk's
 * assessments, and `inForce` the one standing in a quarter (by quarter index).
 */
export function ratingHistory<H>(
  input: HistoryInput,
  historyOf: (risk: Risk) => H | undefined,
  inForce: (history: H, index: number) => Assessment | undefined,
): RatingHistory {
  const { calendar } = input;
  const quarters = quarterWindow(input.quarter, input.historyCount);
  const rows: RatingHistoryRow[] = [];
  for (const risk of input.risks) {
    const history = historyOf(risk);
    if (!history) continue;
    const severities = quarters.map((q) => {
      const live = isOpenInQuarter(risk, q, calendar) || isClosedInQuarter(risk, q, calendar);
      return live ? inForce(history, quarterIndex(q))?.severity : undefined;
    });
    if (severities.some((severity) => severity !== undefined))
      rows.push({ id: risk.id, name: risk.name, severities });
  }
  const byId = riskIdComparator();
  const latest = (row: RatingHistoryRow) => [...row.severities].reverse().find((s) => s !== undefined) ?? -1;
  rows.sort((a, b) => latest(b) - latest(a) || byId(a.id, b.id));
  return { quarters, rows };
}
