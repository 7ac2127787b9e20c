/** Risk IDs: how they are matched (case and surrounding space ignored) and ordered (CRR2 before CRR10). */
import type { CellValue } from '../cells/cell.ts';
import { quotedCellText } from '../cells/cell-text.ts';
import { perText } from './per-text.ts';

/**
 * Why a filled cell cannot hold a risk ID (a date, a boolean, a fraction), or undefined when it can: an ID is text or a whole number.
 * @example idFault(true, 'risk ID') // 'risk ID TRUE is not text or a whole number'
 */
export function idFault(value: CellValue, label: string): string | undefined {
  return typeof value === 'string' || Number.isInteger(value)
    ? undefined
    : `${label} ${quotedCellText(value)} is not text or a whole number`;
}

/** The key two IDs share when they name the same risk. @example riskIdKey(' crr05 ') // 'CRR05' */
export function riskIdKey(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * riskIdKey for one pass over many rows: registers name each risk in a dozen assessments, so
 * each spelling is keyed once.
 */
export function riskIdKeyer(): (id: string) => string {
  return perText(riskIdKey);
}

/**
 * An ID's natural order as one string that plain `<` orders (CRR2 before CRR10): its key cut into
 * runs of digits and of anything else, each run ended by `\0\0` so a shorter run sorts first.
 * A digit run is written by its value (leading zeros dropped) behind its length, so longer numbers
 * sort later and equal numbers (`03`, `3`) write the same; the length is itself a digit, so a
 * number still sorts against text as its first digit would. Sorting by these keys compares each
 * pair with one native string comparison instead of run by run.
 * @example naturalKey('crr10') // 'CRR\0\0' + '210\0\0'
 */
function naturalKey(id: string): string {
  // A scan rather than a regex match: every ID of a 100,000-risk register is keyed once per sort.
  const key = riskIdKey(id);
  let natural = '';
  for (let start = 0; start < key.length;) {
    const digits = isDigit(key.charCodeAt(start));
    let end = start + 1;
    while (end < key.length && isDigit(key.charCodeAt(end)) === digits) end++;
    natural += (digits ? numberKey(key, start, end) : textKey(key.slice(start, end))) + RUN_END;
    start = end;
  }
  return natural;
}

/** Ends a run; lower than anything a run writes, as a run's own `\0` is written `\0\x01`. */
const RUN_END = '\0\0';

const textKey = (text: string) => (text.includes('\0') ? text.replace(/\0/g, '\0\x01') : text);

/**
 * The digits key[start, end) by value: how many there are without leading zeros, then those digits.
 * A count under 9 is one digit; a larger one is `9`, how many digits the count has, then the count
 * (9 digits: `919`; 12: `9212`), so counts still sort as numbers.
 */
function numberKey(key: string, start: number, end: number): string {
  while (start < end && key.charCodeAt(start) === ZERO) start++;
  const length = end - start;
  const lengthKey = length < 9 ? String(length) : `9${String(length).length}${length}`;
  return lengthKey + key.slice(start, end);
}

const ZERO = 48;
const isDigit = (code: number) => code >= ZERO && code <= ZERO + 9;

/** Natural order, ties (`CRR03` and `crr3`) broken by the IDs as written. */
function compareKeyed(x: string, y: string, a: string, b: string): number {
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Natural order: digit runs compare as numbers, the rest case-insensitively.
 * @example ['CRR10', 'CRR2', 'CRR03'].sort(compareRiskIds) // ['CRR2', 'CRR03', 'CRR10']
 */
export function compareRiskIds(a: string, b: string): number {
  return compareKeyed(naturalKey(a), naturalKey(b), a, b);
}

/**
 * Sorts `items` in place by `first`, then by their risk IDs in natural order (compareRiskIds).
 * Each ID is keyed once and carried beside its item, so a sort of 100,000 rows makes no
 * lookup per comparison.
 */
export function sortByRiskId<T>(items: T[], idOf: (item: T) => string, first?: (a: T, b: T) => number): void {
  const keyed = items.map((item) => {
    const id = idOf(item);
    return { item, id, key: naturalKey(id) };
  });
  keyed.sort((a, b) => (first ? first(a.item, b.item) : 0) || compareKeyed(a.key, b.key, a.id, b.id));
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i]!.item;
}

/** Characters a reader cannot see in an ID: controls, format characters (zero-width, BOM), odd spaces. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

/**
 * An ID as a message shows it: invisible characters written out, so `CRR1` and `CRR1\u200b`
 * no longer look like the same ID.
 * @example shownId('CRR1\u200b') // 'CRR1\\u200b'
 */
export function shownId(id: string): string {
  return id.replace(INVISIBLE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
