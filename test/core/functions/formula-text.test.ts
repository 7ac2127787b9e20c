import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formulaString, quotedSheetName } from '../../../core/functions/formula-text.ts';

describe('text in formulas', () => {
  test.prop([fc.string()])('a string literal reads back as the text, and no quote is left alone', (text) => {
    const literal = formulaString(text);
    expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
    const inside = literal.slice(1, -1);
    expect(inside.replace(/""/g, '')).not.toContain('"');
    expect(inside.replace(/""/g, '"')).toBe(text);
  });

  it('quotes a sheet name and doubles its quotes', () => {
    expect(quotedSheetName('Assessments')).toBe("'Assessments'");
    expect(quotedSheetName("Bob's risks")).toBe("'Bob''s risks'");
  });
});
