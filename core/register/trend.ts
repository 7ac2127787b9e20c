/**
 * Trend arrows (PRODUCT §4). A risk's score in a quarter is its latest assessment at or before
 * that quarter (a score stands until re-assessed); the arrow compares it with the previous
 * quarter's standing score. Arrows are Unicode characters, never a symbol font.
 */
import type { Quarter } from '../quarters/quarter.ts';
import { quarterIndex } from '../quarters/quarter.ts';
import type { Assessment } from '../readers/risk.ts';
import { riskIdKeyer } from '../readers/risk-id.ts';
import { scoreOf } from '../matrix/matrix.ts';

export type Trend = 'N/A' | 'New' | '↑' | '↓' | '↔';

/** Every trend, in the order the trend key explains them. */
export const TRENDS: readonly Trend[] = ['↑', '↓', '↔', 'New', 'N/A'];

/**
 * The trend from one quarter's score to the next. No score yet gives `N/A`; a first score
 * gives `New`; otherwise ↑ when the score rose (worsened), ↓ when it fell, ↔ when equal.
 * @example trendBetween(8, 12) // '↑'
 * @example trendBetween(undefined, 12) // 'New'
 * @example trendBetween(undefined, undefined) // 'N/A'
 */
export function trendBetween(previous: number | undefined, current: number | undefined): Trend {
  if (current === undefined) return 'N/A';
  if (previous === undefined) return 'New';
  return current > previous ? '↑' : current < previous ? '↓' : '↔';
}

/** One risk's scores as entered: quarter index (see `quarterIndex`) → score. */
export type ScoreHistory = ReadonlyMap<number, number>;

/**
 * Each risk's score history, keyed by risk ID (trimmed, upper case, as IDs are matched).
 * Score is impact × probability. A second score for one risk and quarter is ignored (the
 * reader already reports it as an error).
 * @example scoreHistoriesByRisk([{ riskId: 'CRR05', quarter: { fiscalYear: 2022, quarter: 1 }, impact: 4, probability: 3, commentary: '', row: 1 }])
 * // Map { 'CRR05' => Map { 8088 => 12 } }
 */
export function scoreHistoriesByRisk(assessments: readonly Assessment[]): Map<string, Map<number, number>> {
  const histories = new Map<string, Map<number, number>>();
  const keyOf = riskIdKeyer();
  for (const assessment of assessments) {
    const key = keyOf(assessment.riskId);
    let history = histories.get(key);
    if (!history) {
      history = new Map();
      histories.set(key, history);
    }
    const index = quarterIndex(assessment.quarter);
    if (!history.has(index)) history.set(index, scoreOf(assessment.impact, assessment.probability));
  }
  return histories;
}

// Quarter indexes that carry a score, ascending. Histories are a handful of entries, so a sort
// per call costs less than any cache would.
function sortedIndexes(history: ScoreHistory): number[] {
  return [...history.keys()].sort((a, b) => a - b);
}

/**
 * Position of the last index at or before `target` in ascending `indexes`, or -1: the
 * assessment that stands in a quarter.
 * @example lastAtOrBefore([8084, 8088], 8087) // 0
 */
export function lastAtOrBefore(indexes: readonly number[], target: number): number {
  let lo = 0;
  let hi = indexes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (indexes[mid]! <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The score that stands in a quarter: the latest one at or before it, or undefined before
 * the first.
 * @example scoreAtQuarter(new Map([[quarterIndex({ fiscalYear: 2022, quarter: 1 }), 12]]), { fiscalYear: 2022, quarter: 3 }) // 12
 */
export function scoreAtQuarter(history: ScoreHistory, quarter: Quarter): number | undefined {
  const indexes = sortedIndexes(history);
  const at = lastAtOrBefore(indexes, quarterIndex(quarter));
  return at < 0 ? undefined : history.get(indexes[at]!);
}

/**
 * The trend in each quarter of a window (any quarters, usually `quarterWindow(end, 4)`), each
 * against the quarter just before it, whether or not that one is in the window.
 * @example
 * // First assessed in Q1 2022/23, at 12, and not re-assessed since:
 * trendsForWindow(new Map([[quarterIndex({ fiscalYear: 2022, quarter: 1 }), 12]]), quarterWindow({ fiscalYear: 2022, quarter: 2 }, 4))
 * // ['N/A', 'N/A', 'New', '↔']
 */
export function trendsForWindow(history: ScoreHistory, quarters: readonly Quarter[]): Trend[] {
  const indexes = sortedIndexes(history);
  const first = indexes[0];
  const scoreAt = (index: number): number | undefined => {
    const at = lastAtOrBefore(indexes, index);
    return at < 0 ? undefined : history.get(indexes[at]!);
  };
  return quarters.map((quarter) => {
    const index = quarterIndex(quarter);
    if (first === undefined || index < first) return 'N/A';
    if (index === first) return 'New';
    return trendBetween(scoreAt(index - 1), scoreAt(index));
  });
}
