import { describe, expect, it } from 'vitest';
import { MAX_INLINE_LIST, listSource } from '../../../core/layout/validation-list.ts';

describe('listSource', () => {
  it('keeps a range given as the one value, and joins choices inline', () => {
    expect(listSource(['=Lists!$A$2:$A$6'], 'Risks!G2')).toEqual({
      kind: 'range',
      formula: '=Lists!$A$2:$A$6',
    });
    expect(listSource(["='My lists'!A1:A3"], 'Risks!G2')).toEqual({
      kind: 'range',
      formula: "='My lists'!A1:A3",
    });
    expect(listSource(['Open', 'Closed'], 'Risks!G2')).toEqual({ kind: 'inline', text: 'Open,Closed' });
  });

  it('refuses what an inline list cannot hold, naming the cells', () => {
    expect(() => listSource(['Open, pending', 'Closed'], 'Risks!G2:G600')).toThrow(
      'Validation list for Risks!G2:G600: "Open, pending" contains a comma',
    );
    const long = Array.from({ length: 30 }, (_, i) => `Choice ${i}`);
    expect(long.join(',').length).toBeGreaterThan(MAX_INLINE_LIST);
    expect(() => listSource(long, 'Risks!G2')).toThrow(
      'Validation list for Risks!G2 is 289 characters; an inline list holds at most 255. Use a range.',
    );
  });
});
