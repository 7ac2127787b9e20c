import { describe, expect, it } from 'vitest';
import { test as propertyTest, fc } from '@fast-check/vitest';
import { compareRiskIds, riskIdKey, shownId, sortByRiskId } from '../../../core/readers/risk-id.ts';
import { readOneRiskRegister } from '../../support/one-risk-register.ts';

describe('risk IDs', () => {
  it('sorts naturally: CRR2 before CRR10, CRR03 between them', () => {
    expect(['CRR10', 'CRR2', 'CRR03', 'ABC1', 'crr1'].sort(compareRiskIds)).toEqual([
      'ABC1',
      'crr1',
      'CRR2',
      'CRR03',
      'CRR10',
    ]);
  });
  it('matches IDs ignoring case and surrounding spaces', () => {
    expect(riskIdKey('  crr20 ')).toBe('CRR20');
  });
  propertyTest.prop([fc.string(), fc.string()])('is antisymmetric', (a, b) => {
    expect(Math.sign(compareRiskIds(a, b))).toBe(-Math.sign(compareRiskIds(b, a)) || 0);
  });
  const id = fc.stringMatching(/^ ?[A-Za-z]{0,3}[0-9]{0,4}(-?[a-z0-9]{0,3})? ?$/);
  propertyTest.prop([fc.array(id, { maxLength: 40 })])(
    'sorts many the same way when each ID is cut once (sortByRiskId)',
    (ids) => {
      const sorted = [...ids];
      sortByRiskId(sorted, (id) => id);
      expect(sorted).toEqual([...ids].sort(compareRiskIds));
    },
  );
  propertyTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), id), { maxLength: 40 })])(
    'sorts by the order given first, then by ID (sortByRiskId)',
    (rows) => {
      const sorted = [...rows];
      sortByRiskId(
        sorted,
        ([, id]) => id,
        (a, b) => b[0] - a[0],
      );
      expect(sorted).toEqual([...rows].sort((a, b) => b[0] - a[0] || compareRiskIds(a[1], b[1])));
    },
  );
});

describe('shownId', () => {
  it('writes out characters nobody can see, and leaves an ordinary ID alone', () => {
    expect(shownId('CRR1\u200b')).toBe('CRR1\\u200b');
    expect(shownId('\ufeffCRR 2\u00a0')).toBe('\\ufeffCRR 2\\u00a0');
    expect(shownId('CRR10')).toBe('CRR10');
  });

  it('in the message for an assessment whose ID has a zero-width space', () => {
    const read = readOneRiskRegister([['CRR1\u200b', 'Q2 2022/23', 2, 2]]);
    expect(read.issues).toContainEqual({
      severity: 'error',
      sheet: 'Assessments',
      cell: 'A2',
      message: 'risk ID CRR1\\u200b is not on the Risks sheet',
    });
  });
});
