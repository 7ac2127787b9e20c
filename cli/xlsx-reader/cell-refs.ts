// Parses A1 cell references and ranges (`B12`, `A1:C3`) into 0-based rows and columns.

/** Excel's limits; a reference beyond them cannot come from a workbook Excel opens. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellRef {
  readonly row: number | undefined;
  readonly column: number;
}

/**
 * 0-based column and (when present) row of a reference like `B12`, `$B$12` or `B`; undefined when
 * it is not one. Hand-written so the hot path (one call per cell) makes no regex match object.
 * @example parseCellRef('AB3') // { column: 27, row: 2 }
 */
export function parseCellRef(ref: string): CellRef | undefined {
  const parts = { column: 0, row: undefined as number | undefined };
  return readCellRef(ref, parts) ? { column: parts.column, row: parts.row } : undefined;
}

/**
 * parseCellRef into `out` (true when `ref` is a reference), making no object or string: the
 * sheet reader calls it once per cell with one reused `out`.
 */
export function readCellRef(ref: string, out: { column: number; row: number | undefined }): boolean {
  let i = 0;
  let column = 0;
  if (ref.charCodeAt(i) === 36) i++; // $
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower-cases ASCII letters
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  if (column === 0 || column > MAX_COLUMNS) return false;
  if (ref.charCodeAt(i) === 36) i++;
  out.column = column - 1;
  if (i === ref.length) {
    out.row = undefined;
    return true;
  }
  // Plain digits here; anything else Number() would still read as a whole number (`1.0`, ` 1`)
  // goes the slow way, so the rule stays Number()'s.
  let row = 0;
  for (; i < ref.length; i++) {
    const digit = ref.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return slowRow(ref, out);
    row = row * 10 + digit;
    if (row > MAX_ROWS) return false;
  }
  if (row < 1) return false;
  out.row = row - 1;
  return true;
}

/** The rare row part that is not plain digits, read as Number() reads it. */
function slowRow(ref: string, out: { column: number; row: number | undefined }): boolean {
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++;
  while (i < ref.length && /[A-Za-z]/.test(ref[i]!)) i++;
  if (ref.charCodeAt(i) === 36) i++;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) return false;
  out.row = row - 1;
  return true;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A range `A1:C3` (either corner order); a single cell `A1` is a range of one. */
export function parseRange(ref: string): CellRange | undefined {
  const [first, second = first] = ref.split(':');
  const a = parseCellRef(first ?? '');
  const b = parseCellRef(second ?? '');
  if (a?.row === undefined || b?.row === undefined) return undefined;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}
