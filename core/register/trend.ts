/**
 * Trend arrows (PRODUCT §4). A risk's score in a quarter is its latest assessment at or before
 * that quarter (a score stands until re-assessed); the arrow compares it with the previous
 * quarter's standing score. Arrows are Unicode characters, never a symbol font.
 */
import type { Quarter } from '../quarters/quarter.ts';
import { quarterIndex } from '../quarters/quarter.ts';

export type Trend = 'N/A' | 'New' | '↑' | '↓' | '↔';

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
 * The trend between two standings compared by `compare` (negative: `current` is better).
 * @example trendOf({ severity: 1 }, { severity: 2 }, compareStandings) // '↑'
 */
export function trendOf<T>(
  previous: T | undefined,
  current: T | undefined,
  compare: (a: T, b: T) => number,
): Trend {
  if (current === undefined) return 'N/A';
  if (previous === undefined) return 'New';
  const order = compare(current, previous);
  return order > 0 ? '↑' : order < 0 ? '↓' : '↔';
}

/** Where a risk stands in a quarter: its levels when it has them, and its rating's severity (an assessment is one). */
export interface Standing {
  readonly impact?: number;
  readonly probability?: number;
  readonly severity: number;
}

/**
 * PRODUCT §8: scores are compared when both quarters have one, otherwise the rating order
 * (more severe ↑, less severe ↓, same ↔).
 * @example compareStandings({ impact: 4, probability: 3, severity: 2 }, { severity: 2 }) // 0
 */
export function compareStandings(a: Standing, b: Standing): number {
  if (
    a.impact !== undefined &&
    a.probability !== undefined &&
    b.impact !== undefined &&
    b.probability !== undefined
  )
    return a.impact * a.probability - b.impact * b.probability;
  return a.severity - b.severity;
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
 * The trend in each quarter of a window (any quarters, usually `quarterWindow(end, 4)`), each
 * against the quarter just before it, whether or not that one is in the window.
 * @example
 * // First assessed in Q1 2022/23, at 12, and not re-assessed since:
 * trendsForWindow(new Map([[quarterIndex({ fiscalYear: 2022, quarter: 1 }), 12]]), quarterWindow({ fiscalYear: 2022, quarter: 2 }, 4))
 * // ['N/A', 'N/A', 'New', '↔']
 */
export function trendsForWindow(history: ScoreHistory, quarters: readonly Quarter[]): Trend[] {
  return trendsOver(history, quarters, (a, b) => a - b);
}

/**
 * `trendsForWindow` over any standing: the trend in each quarter of the window, each against
 * the quarter just before it, the standings compared by `compare`.
 */
export function trendsOver<T>(
  history: ReadonlyMap<number, T>,
  quarters: readonly Quarter[],
  compare: (a: T, b: T) => number,
): Trend[] {
  const indexes = [...history.keys()].sort((a, b) => a - b);
  return trendsOverSorted(
    indexes,
    indexes.map((index) => history.get(index)!),
    quarters,
    compare,
  );
}

/**
 * `trendsOver` a history already sorted: ascending quarter `indexes`, each once, and the standing
 * of each (what the register builds for every risk, with no Map and no sort).
 */
export function trendsOverSorted<T>(
  indexes: readonly number[],
  standings: readonly T[],
  quarters: readonly Quarter[],
  compare: (a: T, b: T) => number,
): Trend[] {
  const first = indexes[0];
  const scoreAt = (index: number): T | undefined => {
    const at = lastAtOrBefore(indexes, index);
    return at < 0 ? undefined : standings[at];
  };
  return quarters.map((quarter) => {
    const index = quarterIndex(quarter);
    if (first === undefined || index < first) return 'N/A';
    if (index === first) return 'New';
    return trendOf(scoreAt(index - 1), scoreAt(index), compare);
  });
}
