import { describe, expect, it } from 'vitest';
import { namedIds, plural } from '../../../core/issues/messages.ts';

describe('summary words', () => {
  it('names at most ten IDs, then counts the rest', () => {
    const ids = Array.from({ length: 13 }, (_, i) => `CRR${i + 1}`);
    expect(namedIds(ids)).toBe(' (CRR1, CRR2, CRR3, CRR4, CRR5, CRR6, CRR7, CRR8, CRR9, CRR10 and 3 more)');
    expect(namedIds(ids.slice(0, 10))).toBe(' (CRR1, CRR2, CRR3, CRR4, CRR5, CRR6, CRR7, CRR8, CRR9, CRR10)');
    expect(namedIds([])).toBe('');
  });

  it('says 1 open risk, 2 open risks', () => {
    expect(plural(1, 'open risk')).toBe('1 open risk');
    expect(plural(2, 'open risk')).toBe('2 open risks');
  });
});
