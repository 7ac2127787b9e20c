// Decides which number formats show a date, so a serial number in such a cell reads as a date.
import { formatTokens } from './format-code-tokens.ts';

/**
 * Built-in formats (no `<numFmt>` in styles.xml) that show dates or times: 14-22 in every locale,
 * 27-36 and 50-58 in East Asian locales, 45-47 the mm:ss family.
 */
const BUILTIN_DATE_IDS: ReadonlySet<number> = new Set([
  ...range(14, 22),
  ...range(27, 36),
  ...range(45, 47),
  ...range(50, 58),
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function isBuiltinDateFormat(numFmtId: number): boolean {
  return BUILTIN_DATE_IDS.has(numFmtId);
}

/** `[h]`, `[mm]`, `[ss]`: elapsed time, which Excel also stores as a day serial. */
const ELAPSED = /^(h+|m+|s+)$/i;
const DATE_CHARS = /[dmyhs]/i;

/**
 * True when the code holds a date or time token (d, m, y, h, s, or an elapsed `[h]`) outside
 * quoted text, escapes and other bracket sections. `"Days: "0` and `0\d` are numbers; `[Red]0`
 * is a number, `[$-409]d mmm yyyy` a date. AM/PM contains an `m` and only appears with times.
 * @example isDateFormatCode('dd/mm/yyyy') // true
 * @example isDateFormatCode('"CRR"000') // false
 */
export function isDateFormatCode(code: string): boolean {
  for (const token of formatTokens(code)) {
    if (token.kind === 'bracket' && ELAPSED.test(token.text)) return true;
    if (token.kind === 'char' && DATE_CHARS.test(token.char)) return true;
  }
  return false;
}
