// Lays a sheet's sparse cells out as the core's SheetGrid without allocating the empty space.
import type { CellValue, SheetGrid } from '../../core/index.ts';
import type { CellRange } from './cell-refs.ts';
import type { SheetCells, SparseRow } from './sheet-cells.ts';

/**
 * Gaps up to this many rows or columns are filled (shared empty rows, nulls); longer ones are
 * left as holes. Filling keeps ordinary sheets plain dense arrays, exactly like readSheetGrid's
 * (no holes at all), while the cost of a gap stays bounded by a constant per stored cell: a
 * lone value at XFD1048576 gives a `rows` of length 1,048,576 with one element set, and a row
 * whose only value is at column 2000 one element long in memory.
 */
export const MAX_FILLED_GAP = 256;

/** The row every short gap between used rows shares; frozen, so no reader can write into the sheet. */
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * The grid of a sheet. It keeps readSheetGrid's contract (rows[0] is row 1, rows[r][0] column A;
 * empty text is null; formulas give their cached value; a merged range's value is in its top-left
 * cell only; trailing empty rows and columns are dropped) except that it is NOT padded to a
 * rectangle, because a rectangle costs width × height whatever the sheet holds:
 * - each row ends at its last value, so rows differ in length;
 * - an empty row is EMPTY_ROW (short gaps) or a hole in `rows` (long gaps);
 * - an empty cell is null (short gaps) or a hole inside the row (long gaps).
 * Readers must therefore treat `rows[r]` as possibly undefined and `rows[r][c]` (undefined) beyond
 * a row's end or in a hole as empty, as the core's readers do with `rows[r] ?? []`. A sparse
 * representation alongside `rows` was considered and rejected: every core reader would need a
 * second code path, whereas holes cost the core nothing.
 */
export function layOutGrid(name: string, cells: SheetCells): SheetGrid {
  const sparse = normaliseRows(cells.rows);
  const indexes = sparse.map((row) => row.index);
  for (const range of cells.merges) clearMergedCells(sparse, indexes, range);
  const rows: (readonly CellValue[])[] = [];
  for (const row of sparse) {
    const laidOut = layOutRow(row);
    if (laidOut === undefined) continue;
    if (row.index - rows.length <= MAX_FILLED_GAP) while (rows.length < row.index) rows.push(EMPTY_ROW);
    rows[row.index] = laidOut;
  }
  return { name, rows };
}

function layOutRow(row: SparseRow): CellValue[] | undefined {
  let cells: CellValue[] | undefined;
  for (let k = 0; k < row.columns.length; k++) {
    const value = row.values[k]!;
    if (value === null) continue;
    const column = row.columns[k]!;
    cells ??= [];
    if (column - cells.length <= MAX_FILLED_GAP) while (cells.length < column) cells.push(null);
    cells[column] = value;
  }
  return cells;
}

/** Rows by ascending index, one per index, each with ascending columns (later cells win). */
function normaliseRows(rows: SparseRow[]): SparseRow[] {
  let ordered = true;
  for (let i = 0; i < rows.length && ordered; i++) {
    if (i > 0 && rows[i]!.index <= rows[i - 1]!.index) ordered = false;
    if (!ascending(rows[i]!.columns)) ordered = false;
  }
  if (ordered) return rows;
  const byIndex = new Map<number, Map<number, CellValue>>();
  for (const row of rows) {
    const cells = byIndex.get(row.index) ?? new Map<number, CellValue>();
    byIndex.set(row.index, cells);
    row.columns.forEach((column, k) => cells.set(column, row.values[k]!));
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, cells]) => {
      const sorted = [...cells.entries()].sort(([a], [b]) => a - b);
      return { index, columns: sorted.map(([c]) => c), values: sorted.map(([, v]) => v) };
    });
}

function ascending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! <= values[i - 1]!) return false;
  return true;
}

/** First position in the ascending `values` holding at least `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Empties every cell of the range but its top-left, as Excel shows a merge (LibreOffice can keep
 * the covered cells' old values in the file). Costs the cells actually stored in the range, not
 * its area, so `A1:XFD1048576` is cheap.
 */
function clearMergedCells(rows: SparseRow[], indexes: readonly number[], range: CellRange): void {
  for (let r = lowerBound(indexes, range.top); r < rows.length && rows[r]!.index <= range.bottom; r++) {
    const row = rows[r]!;
    for (let k = lowerBound(row.columns, range.left); k < row.columns.length; k++) {
      const column = row.columns[k]!;
      if (column > range.right) break;
      if (row.index !== range.top || column !== range.left) row.values[k] = null;
    }
  }
}
