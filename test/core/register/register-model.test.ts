import { describe, expect, it } from 'vitest';
import { test as propertyTest, fc } from '@fast-check/vitest';
import { buildRegister, registerRowComparator } from '../../../core/register/register-model.ts';
import { compareRiskIds } from '../../../core/readers/risk-id.ts';
import type { Assessment, Risk } from '../../../core/readers/risk.ts';
import type { Quarter } from '../../../core/quarters/quarter.ts';
import { APRIL_FISCAL_YEAR } from '../../../core/quarters/quarter.ts';
import { bandMatrix } from '../../support/band-matrix.ts';
import { typedRisk } from '../../support/typed-risk.ts';
import { ratingIndexOf } from '../../../core/matrix/matrix-lookup.ts';

const matrix = bandMatrix();
const q = (fiscalYear: number, quarter: 1 | 2 | 3 | 4): Quarter => ({ fiscalYear, quarter });
const Q2_2022 = q(2022, 2);

let row = 1;
/** Each risk on the next row down. */
const risk = (id: string, extra: Partial<Risk> = {}): Risk => typedRisk(id, { row: row++, ...extra });
function assess(riskId: string, quarter: Quarter, impact: number, probability: number): Assessment {
  return {
    riskId,
    quarter,
    impact,
    probability,
    severity: ratingIndexOf(matrix, impact, probability),
    commentary: '',
    row: row++,
  };
}
function build(risks: Risk[], assessments: Assessment[], quarter = Q2_2022, quarterCount = 4) {
  return buildRegister({ risks, assessments, matrix, calendar: APRIL_FISCAL_YEAR, quarter, quarterCount });
}

describe('buildRegister', () => {
  it('shows N/A N/A New ↔ for a risk first assessed in the window’s third quarter (reference CRR23)', () => {
    const model = build(
      [risk('CRR23')],
      [assess('CRR23', q(2022, 1), 4, 3), assess('CRR23', q(2022, 2), 4, 3)],
    );
    expect(model.quarters).toEqual([q(2021, 3), q(2021, 4), q(2022, 1), q(2022, 2)]);
    expect(model.open[0]!.trend).toEqual(['N/A', 'N/A', 'New', '↔']);
    expect(model.open[0]!.rating).toBe('High');
  });

  it('carries a score forward until the risk is re-assessed, and compares against the carried score', () => {
    const model = build(
      [risk('CRR10')],
      [assess('CRR10', q(2021, 1), 4, 4), assess('CRR10', q(2022, 2), 5, 5)],
    );
    expect(model.open[0]).toMatchObject({
      impact: 5,
      probability: 5,
      score: 25,
      rating: 'Critical',
      trend: ['↔', '↔', '↔', '↑'],
    });
    const earlier = build(
      [risk('CRR10')],
      [assess('CRR10', q(2021, 1), 4, 4), assess('CRR10', q(2022, 2), 5, 5)],
      q(2022, 1),
    );
    expect(earlier.open[0]).toMatchObject({ score: 16, rating: 'High', trend: ['↔', '↔', '↔', '↔'] });
  });

  it('marks falls and rises against the previous quarter', () => {
    const model = build(
      [risk('A')],
      [
        assess('A', q(2021, 3), 3, 3),
        assess('A', q(2021, 4), 2, 3),
        assess('A', q(2022, 1), 2, 3),
        assess('A', q(2022, 2), 4, 3),
      ],
    );
    expect(model.open[0]!.trend).toEqual(['New', '↓', '↔', '↑']);
  });

  it('sorts by rating, then score, then ID in natural order (CRR2 before CRR10)', () => {
    const model = build(
      [risk('CRR10'), risk('CRR2'), risk('CRR3'), risk('CRR1')],
      [
        assess('CRR10', Q2_2022, 3, 3),
        assess('CRR2', Q2_2022, 3, 3),
        assess('CRR3', Q2_2022, 5, 5),
        assess('CRR1', Q2_2022, 2, 5),
      ],
    );
    // CRR3 is Critical; the Mediums follow by score (CRR1 10) then natural ID (CRR2 before CRR10 at 9).
    expect(model.open.map((r) => r.risk.id)).toEqual(['CRR3', 'CRR1', 'CRR2', 'CRR10']);
  });

  it('lists risks closed in the quarter apart, and leaves out risks closed earlier or raised later', () => {
    const model = build(
      [
        risk('OPEN'),
        risk('CLOSED-NOW', {
          status: 'Closed',
          dateClosed: '2022-08-15',
          closureRationale: 'Done',
          closureReported: '2022-09-29',
        }),
        risk('CLOSED-BEFORE', {
          status: 'Closed',
          dateClosed: '2022-01-10',
          closureRationale: 'Done earlier',
        }),
        risk('CLOSED-LATER', { status: 'Closed', dateClosed: '2022-11-01', closureRationale: 'Later' }),
        risk('RAISED-LATER', { dateRaised: '2022-10-02' }),
      ],
      [
        assess('OPEN', Q2_2022, 2, 2),
        assess('CLOSED-NOW', q(2022, 1), 3, 3),
        assess('CLOSED-BEFORE', q(2021, 3), 3, 3),
        assess('CLOSED-LATER', q(2022, 1), 3, 4),
        assess('RAISED-LATER', q(2022, 3), 3, 4),
      ],
    );
    expect(model.open.map((r) => r.risk.id)).toEqual(['CLOSED-LATER', 'OPEN']);
    expect(model.closed).toEqual([
      {
        id: 'CLOSED-NOW',
        name: 'CLOSED-NOW name',
        impactNarrative: '',
        controls: '',
        rationale: 'Done',
        dateClosed: '2022-08-15',
        closureReported: '2022-09-29',
        lastRating: 'Medium',
      },
    ]);
    expect(model.movement.closed).toEqual([{ id: 'CLOSED-NOW', name: 'CLOSED-NOW name' }]);
  });

  it('summarises movement: new, escalated and de-escalated by rating, not by score', () => {
    const model = build(
      [risk('NEW'), risk('UP'), risk('DOWN'), risk('SAME-RATING')],
      [
        assess('NEW', Q2_2022, 1, 1),
        assess('UP', q(2022, 1), 2, 2),
        assess('UP', Q2_2022, 4, 4),
        assess('DOWN', q(2022, 1), 5, 5),
        assess('DOWN', Q2_2022, 3, 3),
        assess('SAME-RATING', q(2022, 1), 3, 4),
        assess('SAME-RATING', Q2_2022, 4, 4),
      ],
    );
    expect(model.movement.new).toEqual([{ id: 'NEW', name: 'NEW name', rating: 'Low' }]);
    expect(model.movement.escalated).toEqual([{ id: 'UP', name: 'UP name', from: 'Low', to: 'High' }]);
    expect(model.movement.deEscalated).toEqual([
      { id: 'DOWN', name: 'DOWN name', from: 'Critical', to: 'Medium' },
    ]);
  });

  it('places each open risk in its heat-map cell', () => {
    const model = build(
      [risk('A'), risk('B'), risk('C')],
      [assess('A', Q2_2022, 4, 3), assess('B', Q2_2022, 4, 3), assess('C', Q2_2022, 1, 5)],
    );
    expect(model.heatMap[2]![3]).toEqual(['A', 'B']);
    expect(model.heatMap[4]![0]).toEqual(['C']);
    expect(model.heatMap.flat(2)).toHaveLength(3);
  });

  it('matches assessments to risks whatever the case and spacing of the ID', () => {
    const model = build([risk('CRR05')], [assess(' crr05 ', Q2_2022, 2, 2)]);
    expect(model.open.map((r) => r.risk.id)).toEqual(['CRR05']);
  });

  propertyTest.prop([
    fc.array(
      fc.record({
        impact: fc.integer({ min: 1, max: 5 }),
        probability: fc.integer({ min: 1, max: 5 }),
        quarterOffset: fc.integer({ min: 0, max: 9 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  ])('register rows are sorted and every trend agrees with the carried-forward scores', (entries) => {
    const assessments = entries.map((e) =>
      assess(
        'R1',
        {
          fiscalYear: 2020 + Math.floor(e.quarterOffset / 4),
          quarter: ((e.quarterOffset % 4) + 1) as 1 | 2 | 3 | 4,
        },
        e.impact,
        e.probability,
      ),
    );
    const model = build(
      [risk('R1'), risk('R2')],
      [...assessments, assess('R2', q(2020, 1), 3, 3)],
      q(2022, 2),
      8,
    );
    for (let i = 1; i < model.open.length; i++)
      expect(registerRowComparator(compareRiskIds)(model.open[i - 1]!, model.open[i]!)).toBeLessThanOrEqual(
        0,
      );
    const row = model.open.find((r) => r.risk.id === 'R1')!;
    expect(row.trend).toHaveLength(8);
    expect(row.score).toBe(row.impact! * row.probability!);
    // After the first non-N/A entry there is never another N/A or New.
    const firstSeen = row.trend.findIndex((t) => t !== 'N/A');
    if (firstSeen >= 0)
      expect(row.trend.slice(firstSeen + 1).every((t) => t !== 'N/A' && t !== 'New')).toBe(true);
  });
});
