/**
 * The assessments a row gives — residual, inherent, target — are shared objects, one per impact ×
 * probability and per rating given alone (core/readers/read-rated.ts). Sharing must never hand a
 * row another row's levels, on any shape of matrix.
 */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CellValue } from '../../../core/cells/cell.ts';
import { ratingIndexOf } from '../../../core/matrix/matrix-lookup.ts';
import type { RiskMatrix } from '../../../core/matrix/matrix.ts';
import { APRIL_FISCAL_YEAR } from '../../../core/quarters/quarter.ts';
import { readRegisterSheets } from '../../../core/readers/read-register.ts';
import type { Rated } from '../../../core/readers/risk.ts';
import { DEFAULT_MATRIX } from '../../../core/matrix/default-matrix.ts';
import { FOUR_BY_SIX_BANDS } from '../../support/matrices.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

const ASSESSMENTS_HEAD = [
  'Risk ID',
  'Quarter',
  'Impact',
  'Probability',
  'Inherent impact',
  'Inherent probability',
  'Target rating',
];

function readLevels(
  matrix: RiskMatrix,
  rows: readonly (readonly [number, number, number, number, number])[],
) {
  const ids = rows.map((_, i) => `CRR${i + 1}`);
  const ratings = matrix.spec.ratings;
  return readRegisterSheets(
    {
      risks: {
        name: 'Risks',
        rows: [['ID', 'Risk name', 'Status'], ...ids.map((id): CellValue[] => [id, `Risk ${id}`, 'Open'])],
      },
      assessments: {
        name: 'Assessments',
        rows: [
          ASSESSMENTS_HEAD,
          ...rows.map(([i, p, ii, ip, target], n): CellValue[] => [
            ids[n]!,
            'Q2 2022/23',
            i,
            p,
            ii,
            ip,
            ratings[target % ratings.length]!.name,
          ]),
        ],
      },
    },
    { matrix, calendar: APRIL_FISCAL_YEAR },
  );
}

const levelsOf = (matrix: RiskMatrix) =>
  fc.tuple(
    fc.integer({ min: 1, max: matrix.impactLevels }),
    fc.integer({ min: 1, max: matrix.probabilityLevels }),
    fc.integer({ min: 1, max: matrix.impactLevels }),
    fc.integer({ min: 1, max: matrix.probabilityLevels }),
    fc.nat(),
  );

for (const [name, matrix] of [
  ['the default 5×5 matrix', DEFAULT_MATRIX],
  ['a 4×6 matrix', FOUR_BY_SIX_BANDS],
] as const) {
  test.prop([fc.array(levelsOf(matrix), { minLength: 1, maxLength: 60 })], { ...FC_SEED })(
    `each row keeps its own levels and rating, however many rows share them (${name})`,
    (rows) => {
      const read = readLevels(matrix, rows);
      const rated = (impact: number, probability: number): Rated => ({
        impact,
        probability,
        severity: ratingIndexOf(matrix, impact, probability),
      });
      expect(read.assessments).toHaveLength(rows.length);
      read.assessments.forEach((assessment, n) => {
        const [i, p, ii, ip, target] = rows[n]!;
        expect({
          impact: assessment.impact,
          probability: assessment.probability,
          severity: assessment.severity,
        }).toEqual(rated(i, p));
        expect(assessment.inherent).toEqual(rated(ii, ip));
        expect(assessment.target).toEqual({ severity: target % matrix.spec.ratings.length });
        // Shared, so never changed: a change to one row's would be every row's.
        expect(Object.isFrozen(assessment.inherent) && Object.isFrozen(assessment.target)).toBe(true);
      });
    },
  );
}
