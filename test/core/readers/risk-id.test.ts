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
  it('compares numbers exactly, even past the precision of a Number', () => {
    // 9007199254740992 and …993 are one Number: only an exact comparison puts …992B first.
    expect(['9007199254740993A', '9007199254740992B', '12345678901'].sort(compareRiskIds)).toEqual([
      '12345678901',
      '9007199254740992B',
      '9007199254740993A',
    ]);
  });
  it('puts a longer number after a shorter one, at nine digits and past', () => {
    expect(['R1000000000', 'R987654321', 'R99999999'].sort(compareRiskIds)).toEqual([
      'R99999999',
      'R987654321',
      'R1000000000',
    ]);
  });
  it('puts text before the same text with a NUL in it, though runs end with NULs in the sort keys', () => {
    expect(['A\u00001', 'A1'].sort(compareRiskIds)).toEqual(['A1', 'A\u00001']);
  });
  it('matches IDs ignoring case and surrounding spaces', () => {
    expect(riskIdKey('  crr20 ')).toBe('CRR20');
  });
  propertyTest.prop([fc.string(), fc.string()])('is antisymmetric', (a, b) => {
    expect(Math.sign(compareRiskIds(a, b))).toBe(-Math.sign(compareRiskIds(b, a)) || 0);
  });
  // Natural order as PRODUCT §5 states it, run by run, with numbers compared exactly: the model
  // compareRiskIds's one-string keys must agree with.
  const naturalOrder = (a: string, b: string): number => {
    const runs = (id: string) => riskIdKey(id).match(/[0-9]+|[^0-9]+/g) ?? [];
    const [left, right] = [runs(a), runs(b)];
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      const [x, y] = [left[i]!, right[i]!];
      if (/^[0-9]/.test(x) && /^[0-9]/.test(y)) {
        if (BigInt(x) !== BigInt(y)) return BigInt(x) < BigInt(y) ? -1 : 1;
      } else if (x !== y) return x < y ? -1 : 1;
    }
    return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
  };
  // IDs built from runs that tell orders apart: the same number padded or not, numbers past 9
  // digits and past Number's precision (…993 and …992 are one Number), case, text that is a
  // prefix of other text, and the NUL the keys end runs with.
  const run = fc.constantFrom(
    ...['CRR', 'crr', 'A', 'A\u0000', '\u0000', 'ß', 'SS', ' ', '-', '.', '~'],
    ...['0', '1', '01', '001', '2', '10', '123456789', '0123456789', '987654321', '1000000000'],
    ...['9007199254740992', '9007199254740993'],
  );
  const anyId = fc.oneof(
    fc.array(run, { maxLength: 5 }).map((runs) => runs.join('')),
    // As registers write them: CRR12, crr012-b, R7.
    fc.stringMatching(/^ ?[A-Za-z]{0,3}[0-9]{0,4}(-?[a-z0-9]{0,3})? ?$/),
    fc.string({ unit: fc.constantFrom(...'0129AaZz -~\u0000\u0001ß'.split('')), maxLength: 12 }),
  );
  propertyTest.prop([anyId, anyId])('orders any two IDs as natural order does, run by run', (a, b) => {
    expect(Math.sign(compareRiskIds(a, b))).toBe(Math.sign(naturalOrder(a, b)));
  });
  propertyTest.prop([fc.array(anyId, { maxLength: 60 })])(
    'sorts any IDs as natural order does (sortByRiskId)',
    (ids) => {
      const sorted = [...ids];
      sortByRiskId(sorted, (id) => id);
      expect(sorted).toEqual([...ids].sort(naturalOrder));
    },
  );
  propertyTest.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), anyId), { maxLength: 40 })])(
    'sorts by the order given first, then by ID (sortByRiskId)',
    (rows) => {
      const sorted = [...rows];
      sortByRiskId(
        sorted,
        ([, id]) => id,
        (a, b) => b[0] - a[0],
      );
      expect(sorted).toEqual([...rows].sort((a, b) => b[0] - a[0] || naturalOrder(a[1], b[1])));
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
