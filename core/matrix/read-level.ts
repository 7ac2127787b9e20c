/**
 * A cell read as a number or as a level of the matrix, with the words that say why not. The
 * spreadsheet functions and the Assessments reader read levels by this one rule.
 */
import { isErrorCell } from '../cells/cell.ts';
import { numberFromText } from '../cells/number-text.ts';
import { levelRangeText } from './matrix.ts';

/** What a cell that is not a level says about itself. */
export const LEVEL_MESSAGES = {
  notANumber: (what: string, value: string) => `${what} ${value} is not a number`,
  notWhole: (what: string, value: string) => `${what} ${value} is not a whole number`,
  outside: (what: string, value: string, range: string) => `${what} ${value} is outside ${range}`,
  errorCell: (what: string, code: string) => `${what} is the error ${code}`,
} as const;

export type NumberReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'fault'; readonly message: string };

const BLANK: NumberReading = { kind: 'blank' };

function fault(message: string): NumberReading {
  return { kind: 'fault', message };
}

/**
 * A cell read as a number (typed, or text that is only a number), a blank, or the fault naming
 * it; `quote` shows a value that is no number at all.
 */
export function readNumberCell(
  value: unknown,
  what: string,
  quote: (value: unknown) => string,
): NumberReading {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { kind: 'number', value }
      : fault(LEVEL_MESSAGES.notANumber(what, String(value)));
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return BLANK;
    const number = numberFromText(value);
    return number === undefined
      ? fault(LEVEL_MESSAGES.notANumber(what, quote(value)))
      : { kind: 'number', value: number };
  }
  if (isErrorCell(value)) return fault(LEVEL_MESSAGES.errorCell(what, value.code));
  return fault(LEVEL_MESSAGES.notANumber(what, quote(value)));
}

/**
 * A cell read as a level of an axis with `levels` levels: a whole number within 1..levels.
 * @example readLevel(6, 'impact', 5, String) // { kind: 'fault', message: 'impact 6 is outside 1-5' }
 */
export function readLevel(
  value: unknown,
  what: string,
  levels: number,
  quote: (value: unknown) => string,
): NumberReading {
  const reading = readNumberCell(value, what, quote);
  if (reading.kind !== 'number') return reading;
  // The number's text only for a message: this runs for every level of every row.
  if (!Number.isInteger(reading.value)) return fault(LEVEL_MESSAGES.notWhole(what, String(reading.value)));
  if (reading.value < 1 || reading.value > levels) {
    return fault(LEVEL_MESSAGES.outside(what, String(reading.value), levelRangeText(levels)));
  }
  return reading;
}
