// Number formats and dates: which formats show a date (so a serial in such a cell reads as a date), and the one a date gets by default.
import { formatTokens } from './format-code-tokens.ts';

/** The number format every host gives a date cell whose plan names none. */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';

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

const dateFormats = new Map<string, boolean>();

/**
 * True when the code holds a date or time token (d, m, y, h, s, or an elapsed `[h]`) outside
 * quoted text, escapes and other bracket sections. `"Days: "0` and `0\d` are numbers; `[Red]0`
 * is a number, `[$-409]d mmm yyyy` a date. AM/PM contains an `m` and only appears with times.
 * Cached: a workbook has few formats and a reader asks once per cell.
 * @example isDateFormat('dd/mm/yyyy') // true
 * @example isDateFormat('[$-en-GB]d mmm yyyy;@') // true
 * @example isDateFormat('"CRR"000') // false
 */
export function isDateFormat(code: string): boolean {
  let known = dateFormats.get(code);
  if (known === undefined) {
    known = formatTokens(code).some(
      (token) =>
        (token.kind === 'bracket' && ELAPSED.test(token.text)) ||
        (token.kind === 'char' && DATE_CHARS.test(token.char)),
    );
    dateFormats.set(code, known);
  }
  return known;
}
