import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { lastAssessedBy } from '../../../core/readers/last-assessed.ts';
import type { Assessment } from '../../../core/readers/risk.ts';
import { quarterFromIndex, quarterIndex } from '../../../core/quarters/quarter.ts';
import { riskIdKey } from '../../../core/readers/risk-id.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

const FIRST = quarterIndex({ fiscalYear: 2020, quarter: 1 });

/** What lastAssessedBy answers, worked out the plain way: one Map lookup and compare per row. */
function latestByKey(assessments: readonly Assessment[], target: number): Map<string, number> {
  const latest = new Map<string, number>();
  for (const { riskId, quarter } of assessments) {
    const index = quarterIndex(quarter);
    const key = riskIdKey(riskId);
    if (index <= target && index > (latest.get(key) ?? -Infinity)) latest.set(key, index);
  }
  return latest;
}

test.prop(
  [
    // Runs of rows naming one risk, in any spelling of its ID, in any quarter order, as sheets
    // list them: mostly together, sometimes apart.
    fc.array(
      fc.record({
        id: fc.constantFrom('CRR1', 'crr1', ' CRR1 ', 'CRR2', 'R10', 'r10'),
        quarters: fc.array(fc.nat(11), { minLength: 1, maxLength: 6 }),
      }),
      { maxLength: 40 },
    ),
    fc.nat(13),
  ],
  { ...FC_SEED },
)(
  'each risk’s latest quarter at or before the target, however its rows are spelled and ordered',
  (runs, offset) => {
    const assessments = runs.flatMap(({ id, quarters }) =>
      quarters.map((q, row): Assessment => ({
        riskId: id,
        quarter: quarterFromIndex(FIRST + q),
        impact: 1,
        probability: 1,
        severity: 0,
        commentary: '',
        row,
      })),
    );
    const target = FIRST + offset;
    expect(lastAssessedBy(assessments, target)).toEqual(latestByKey(assessments, target));
  },
);
