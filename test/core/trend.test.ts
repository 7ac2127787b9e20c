import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Quarter } from '../../core/quarters/quarter.ts';
import { quarterIndex, quarterWindow } from '../../core/quarters/quarter.ts';
import type { Assessment } from '../../core/readers/risk.ts';
import type { Trend } from '../../core/register/trend.ts';
import {
  scoreAtQuarter,
  scoreHistoriesByRisk,
  trendBetween,
  trendsForWindow,
} from '../../core/register/trend.ts';

const q = (fiscalYear: number, quarter: 1 | 2 | 3 | 4): Quarter => ({ fiscalYear, quarter });
const history = (entries: [Quarter, number][]) =>
  new Map(entries.map(([quarter, score]) => [quarterIndex(quarter), score]));
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
            : trendBetween(
                scoreAtQuarter(scores, {
                  fiscalYear: Math.floor((index - 1) / 4),
                  quarter: (((index - 1) % 4) + 1) as 1 | 2 | 3 | 4,
                }),
                scoreAtQuarter(scores, quarter),
              );
      expect(trends[i]).toBe(expected);
    });
  });
});

describe('scoreAtQuarter', () => {
  const scores = history([
    [q(2021, 4), 6],
    [q(2022, 2), 12],
  ]);

  it('is the latest score at or before the quarter', () => {
    expect(scoreAtQuarter(scores, q(2021, 4))).toBe(6);
    expect(scoreAtQuarter(scores, q(2022, 1))).toBe(6);
    expect(scoreAtQuarter(scores, q(2022, 2))).toBe(12);
    expect(scoreAtQuarter(scores, q(2030, 1))).toBe(12);
  });

  it('is undefined before the first score', () => {
    expect(scoreAtQuarter(scores, q(2021, 3))).toBeUndefined();
    expect(scoreAtQuarter(new Map(), q(2021, 3))).toBeUndefined();
  });
});

describe('scoreHistoriesByRisk', () => {
  const assessment = (
    riskId: string,
    quarter: Quarter,
    impact: number,
    probability: number,
    row: number,
  ): Assessment => ({
    riskId,
    quarter,
    impact,
    probability,
    commentary: '',
    row,
  });

  it('groups scores (impact × probability) by risk, matching IDs as the reader does', () => {
    const histories = scoreHistoriesByRisk([
      assessment('CRR05', q(2022, 1), 4, 3, 1),
      assessment(' crr05 ', q(2022, 2), 4, 4, 2),
      assessment('CRR06', q(2022, 1), 1, 1, 3),
    ]);
    expect(histories.get('CRR05')).toEqual(
      history([
        [q(2022, 1), 12],
        [q(2022, 2), 16],
      ]),
    );
    expect(histories.get('CRR06')).toEqual(history([[q(2022, 1), 1]]));
  });

  it('keeps the first of two scores for one quarter', () => {
    const histories = scoreHistoriesByRisk([
      assessment('A', q(2022, 1), 2, 2, 1),
      assessment('A', q(2022, 1), 5, 5, 2),
    ]);
    expect(histories.get('A')).toEqual(history([[q(2022, 1), 4]]));
  });
});
