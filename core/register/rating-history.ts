/**
 * The rating history (PRODUCT §8): one row per risk open in any of the last N quarters, each
 * quarter's cell the rating then in force — blank before the risk's first assessment and after
 * its closure (the quarter it closed in still shows the rating it closed with).
 */
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { quarterIndex, quarterOfDate, quarterWindow } from '../quarters/quarter.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { Assessment, Risk } from '../readers/risk.ts';
import { sortByRiskId } from '../readers/risk-id.ts';

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

/**
 * The quarter indexes a risk was open in at any time: from the quarter it was raised in (or
 * always) to the quarter it closed in (or always); a Closed risk with no date closed never was.
 */
function liveQuarters(risk: Risk, calendar: FiscalCalendar): { from: number; to: number } {
  const from = risk.dateRaised ? quarterIndex(quarterOfDate(risk.dateRaised, calendar)) : -Infinity;
  if (risk.status === 'Open') return { from, to: Infinity };
  return { from, to: risk.dateClosed ? quarterIndex(quarterOfDate(risk.dateClosed, calendar)) : -Infinity };
}

export interface HistoryInput {
  readonly risks: readonly Risk[];
  readonly matrix: RiskMatrix;
  readonly calendar: FiscalCalendar;
  readonly quarter: Quarter;
  readonly historyCount: number;
}

/**
 * The history over the `historyCount` quarters ending with `quarter`. `historyOf` gives the
 * assessments of the risk at an index of `input.risks`, and `inForce` the one standing in a
 * quarter (by quarter index).
 */
export function ratingHistory<H>(
  input: HistoryInput,
  historyOf: (riskIndex: number) => H | undefined,
  inForce: (history: H, index: number) => Assessment | undefined,
): RatingHistory {
  const { calendar } = input;
  const quarters = quarterWindow(input.quarter, input.historyCount);
  const rows: RatingHistoryRow[] = [];
  const indexes = quarters.map(quarterIndex);
  for (let i = 0; i < input.risks.length; i++) {
    const risk = input.risks[i]!;
    const history = historyOf(i);
    if (!history) continue;
    const { from, to } = liveQuarters(risk, calendar);
    const severities = indexes.map((index) =>
      index >= from && index <= to ? inForce(history, index)?.severity : undefined,
    );
    if (severities.some((severity) => severity !== undefined))
      rows.push({ id: risk.id, name: risk.name, severities });
  }
  // Most severe latest rating first, then by ID; each row's latest worked out once, beside it.
  const ranked = rows.map((row) => ({ row, latest: lastSeverity(row.severities) }));
  sortByRiskId(
    ranked,
    ({ row }) => row.id,
    (a, b) => b.latest - a.latest,
  );
  return { quarters, rows: ranked.map(({ row }) => row) };
}

function lastSeverity(severities: readonly (number | undefined)[]): number {
  for (let i = severities.length - 1; i >= 0; i--) if (severities[i] !== undefined) return severities[i]!;
  return -1;
}
