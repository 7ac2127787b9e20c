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

/** An ID as natural order sees it: its key cut into runs of digits and of anything else, each digit run also as its number. */
interface Chunks {
  readonly texts: readonly string[];
  /** NaN where the chunk is not digits. */
  readonly numbers: readonly number[];
}

function chunksOf(id: string): Chunks {
  // A scan rather than a regex match: every ID of a 100,000-risk register is cut, once per sort.
  const key = riskIdKey(id);
  const texts: string[] = [];
  const numbers: number[] = [];
  for (let start = 0; start < key.length;) {
    const digits = isDigit(key.charCodeAt(start));
    let end = start + 1;
    while (end < key.length && isDigit(key.charCodeAt(end)) === digits) end++;
    const text = key.slice(start, end);
    texts.push(text);
    numbers.push(digits ? Number(text) : NaN);
    start = end;
  }
  return { texts, numbers };
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Chunks compared pairwise: numbers as numbers, the rest as text; ties broken by the IDs as written. */
function compareChunks(left: Chunks, right: Chunks, a: string, b: string): number {
  const length = Math.min(left.texts.length, right.texts.length);
  for (let i = 0; i < length; i++) {
    const x = left.numbers[i]!;
    const y = right.numbers[i]!;
    // NaN on either side (text) fails the first test: compare the texts.
    if (x === x && y === y) {
      if (x !== y) return x - y;
    } else if (left.texts[i] !== right.texts[i]) {
      return left.texts[i]! < right.texts[i]! ? -1 : 1;
    }
  }
  return left.texts.length - right.texts.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Natural order: digit runs compare as numbers, the rest case-insensitively.
 * @example ['CRR10', 'CRR2', 'CRR03'].sort(compareRiskIds) // ['CRR2', 'CRR03', 'CRR10']
 */
export function compareRiskIds(a: string, b: string): number {
  return compareChunks(chunksOf(a), chunksOf(b), a, b);
}

/**
 * Sorts `items` in place by `first`, then by their risk IDs in natural order (compareRiskIds).
 * Each ID is cut into chunks once and carried beside its item, so a sort of 100,000 rows makes no
 * lookup per comparison.
 */
export function sortByRiskId<T>(items: T[], idOf: (item: T) => string, first?: (a: T, b: T) => number): void {
  const keyed = items.map((item) => {
    const id = idOf(item);
    return { item, id, chunks: chunksOf(id) };
  });
  keyed.sort((a, b) => (first ? first(a.item, b.item) : 0) || compareChunks(a.chunks, b.chunks, a.id, b.id));
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
