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
  let i = 0;
  let column = 0;
  if (ref.charCodeAt(i) === 36) i++; // $
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower-cases ASCII letters
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  if (column === 0 || column > MAX_COLUMNS) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  if (i === ref.length) return { column: column - 1, row: undefined };
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) return undefined;
  return { column: column - 1, row: row - 1 };
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
