// Which number formats show a date: the one answer the xlsx reader and the Office.js read give.
import { describe, expect, it } from 'vitest';
import { isBuiltinDateFormat, isDateFormat } from '../../../core/cells/number-formats.ts';

describe('which number formats are dates', () => {
  it('knows the built-in date ids 14-22, 27-36, 45-47, 50-58 and nothing else', () => {
    const ids = Array.from({ length: 164 }, (_, id) => id).filter(isBuiltinDateFormat);
    expect(ids).toEqual([
      14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53,
      54, 55, 56, 57, 58,
    ]);
  });

  it.each([
    'dd/mm/yyyy',
    'd mmm yyyy',
    'yyyy-mm-dd;@',
    '[$-409]mmmm d, yyyy',
    '[Red]dd/mm/yy',
    'h:mm AM/PM',
    'hh:mm:ss',
    '[h]:mm',
    '[mm]:ss',
    '[h]',
    '[ss]',
    'DD.MM.YYYY',
    '"Due "dd/mm/yyyy',
  ])('%s is a date format', (code) => expect(isDateFormat(code)).toBe(true));

  it.each([
    'General',
    '0',
    '0.00',
    '#,##0',
    '"CRR"000',
    '"Days: "0',
    '0\\d',
    '[Red]0.00',
    '[$$-409]#,##0.00',
    '0.00E+00',
    '@',
    '# ?/?',
    '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)',
    '0" hours"',
    '0.00 "days"',
  ])('%s is not a date format', (code) => expect(isDateFormat(code)).toBe(false));
});
