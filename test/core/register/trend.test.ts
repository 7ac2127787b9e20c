import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Quarter } from '../../../core/quarters/quarter.ts';
import { quarterIndex, quarterWindow } from '../../../core/quarters/quarter.ts';
import type { Trend } from '../../../core/register/trend.ts';
import { trendBetween, trendsForWindow } from '../../../core/register/trend.ts';

const q = (fiscalYear: number, quarter: 1 | 2 | 3 | 4): Quarter => ({ fiscalYear, quarter });
const history = (entries: [Quarter, number][]) =>
  new Map(entries.map(([quarter, score]) => [quarterIndex(quarter), score]));
/** The score that stands at a quarter index, found the slow way: the latest entered at or before it. */
function standingScore(scores: ReadonlyMap<number, number>, index: number): number | undefined {
  const at = Math.max(-Infinity, ...[...scores.keys()].filter((k) => k <= index));
  return scores.get(at);
}
// The reference register's window: Q3 2021/22 .. Q2 2022/23.
const window = quarterWindow(q(2022, 2), 4);

describe('trendBetween', () => {
  it('compares two scores', () => {
    expect(trendBetween(8, 12)).toBe('↑');
    expect(trendBetween(12, 8)).toBe('↓');
    expect(trendBetween(12, 12)).toBe('↔');
  });

  it('is New for a first score and N/A for no score', () => {
    expect(trendBetween(undefined, 12)).toBe('New');
    expect(trendBetween(undefined, undefined)).toBe('N/A');
    expect(trendBetween(12, undefined)).toBe('N/A');
  });

  it('uses Unicode arrows', () => {
    expect([trendBetween(1, 2), trendBetween(2, 1), trendBetween(1, 1)]).toEqual([
      '\u2191',
      '\u2193',
      '\u2194',
    ]);
  });

  const mirror: Record<Trend, Trend> = { '↑': '↓', '↓': '↑', '↔': '↔', New: 'New', 'N/A': 'N/A' };
  test.prop([fc.integer({ min: 1, max: 36 }), fc.integer({ min: 1, max: 36 })])(
    'swapping the scores mirrors the arrow',
    (a, b) => {
      expect(trendBetween(b, a)).toBe(mirror[trendBetween(a, b)]);
    },
  );
});

describe('trendsForWindow', () => {
  it('shows N/A N/A New ↔ for a risk first assessed in Q1 of the window (the reference)', () => {
    expect(trendsForWindow(history([[q(2022, 1), 16]]), window)).toEqual(['N/A', 'N/A', 'New', '↔']);
  });

  it('shows New in the first quarter of the window for a risk first assessed then', () => {
    const scores = history([
      [q(2021, 3), 20],
      [q(2021, 4), 20],
      [q(2022, 1), 20],
      [q(2022, 2), 20],
    ]);
    expect(trendsForWindow(scores, window)).toEqual(['New', '↔', '↔', '↔']);
  });

  it('compares the first quarter of the window with the quarter before it', () => {
    const scores = history([
      [q(2021, 2), 12],
      [q(2021, 3), 12],
      [q(2021, 4), 8],
      [q(2022, 1), 8],
      [q(2022, 2), 12],
    ]);
    expect(trendsForWindow(scores, window)).toEqual(['↔', '↓', '↔', '↑']);
  });

  it('carries a score forward until the risk is re-assessed', () => {
    // Assessed in Q1 2021/22 and Q1 2022/23 only: Q3 and Q4 carry 9; Q1 compares with the carried 9.
    const scores = history([
      [q(2021, 1), 9],
      [q(2022, 1), 15],
    ]);
    expect(trendsForWindow(scores, window)).toEqual(['↔', '↔', '↑', '↔']);
  });

  it('is N/A everywhere for a risk never assessed, or first assessed after the window', () => {
    expect(trendsForWindow(new Map(), window)).toEqual(['N/A', 'N/A', 'N/A', 'N/A']);
    expect(trendsForWindow(history([[q(2022, 3), 4]]), window)).toEqual(['N/A', 'N/A', 'N/A', 'N/A']);
  });

  it('works for any quarters given, in any order', () => {
    const scores = history([
      [q(2021, 4), 4],
      [q(2022, 2), 6],
    ]);
    expect(trendsForWindow(scores, [q(2022, 2), q(2021, 3), q(2021, 4)])).toEqual(['↑', 'N/A', 'New']);
    expect(trendsForWindow(scores, [])).toEqual([]);
  });

  test.prop([
    fc.dictionary(fc.integer({ min: 8000, max: 8100 }).map(String), fc.integer({ min: 1, max: 25 })),
    fc.integer({ min: 8000, max: 8100 }),
    fc.integer({ min: 1, max: 12 }),
  ])('agrees with trendBetween on carried-forward scores', (entries, end, count) => {
    const scores = new Map(Object.entries(entries).map(([k, v]) => [Number(k), v]));
    const quarters = quarterWindow(
      { fiscalYear: Math.floor(end / 4), quarter: ((end % 4) + 1) as 1 | 2 | 3 | 4 },
      count,
    );
    const trends = trendsForWindow(scores, quarters);
    const first = Math.min(...scores.keys());
    quarters.forEach((quarter, i) => {
      const index = quarterIndex(quarter);
      const expected =
        index < first || scores.size === 0
          ? 'N/A'
          : index === first
            ? 'New'
            : trendBetween(standingScore(scores, index - 1), standingScore(scores, index));
      expect(trends[i]).toBe(expected);
    });
  });
});
