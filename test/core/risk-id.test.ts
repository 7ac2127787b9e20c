import { describe, expect, it } from 'vitest';
import { test as propertyTest, fc } from '@fast-check/vitest';
import { compareRiskIds, riskIdKey } from '../../core/readers/risk-id.ts';

describe('risk IDs', () => {
  it('sorts naturally: CRR2 before CRR10, CRR03 between them', () => {
    expect(['CRR10', 'CRR2', 'CRR03', 'ABC1', 'crr1'].sort(compareRiskIds)).toEqual(['ABC1', 'crr1', 'CRR2', 'CRR03', 'CRR10']);
  });
  it('matches IDs ignoring case and surrounding spaces', () => {
    expect(riskIdKey('  crr20 ')).toBe('CRR20');
  });
  propertyTest.prop([fc.string(), fc.string()])('is antisymmetric', (a, b) => {
    expect(Math.sign(compareRiskIds(a, b))).toBe(-Math.sign(compareRiskIds(b, a)) || 0);
  });
});
