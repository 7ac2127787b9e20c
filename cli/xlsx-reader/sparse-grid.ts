// Lays a sheet's cells out as the core's SheetGrid as they stream in, without allocating the empty space.
import type { CellValue, MergedArea } from '../../core/index.ts';

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
 * Builds the grid of a sheet cell by cell, in the one pass over its part. It keeps readSheetGrid's
 * contract (rows[0] is row 1, rows[r][0] column A; empty text is null; formulas give their cached
 * value; a merged range's value is in its top-left cell only; trailing empty rows and columns
 * are dropped) except that it is NOT padded to a rectangle, because a rectangle costs width ×
 * height whatever the sheet holds:
 * - each row ends at its last value, so rows differ in length;
 * - an empty row is EMPTY_ROW (short gaps) or a hole in `rows` (long gaps);
 * - an empty cell is null (short gaps) or a hole inside the row (long gaps).
 * Readers must therefore treat `rows[r]` as possibly undefined and `rows[r][c]` (undefined) beyond
 * a row's end or in a hole as empty, as the core's readers do with `rows[r] ?? []`.
 * Cells arrive in file order, which is row by row, left to right, in every writer seen; a cell
 * out of that order still lands in its place (a later cell at the same place wins).
 */
export class GridBuilder {
  readonly rows: (readonly CellValue[])[] = [];
  /** Cells stored so far (what memory grows with). */
  cellsKept = 0;
  private current: CellValue[] | undefined;
  private currentIndex = -1;

  /** Stores a non-null value at 0-based (row, column). */
  put(row: number, column: number, value: CellValue): void {
    if (row !== this.currentIndex) {
      this.current = this.rowAt(row);
      this.currentIndex = row;
    }
    const cells = this.current!;
    if (column >= cells.length && column - cells.length <= MAX_FILLED_GAP) {
      while (cells.length < column) cells.push(null);
    }
    if (cells[column] === undefined || cells[column] === null) this.cellsKept++;
    cells[column] = value;
  }

  private rowAt(row: number): CellValue[] {
    const rows = this.rows;
    if (row >= rows.length) {
      if (row - rows.length <= MAX_FILLED_GAP) while (rows.length < row) rows.push(EMPTY_ROW);
    } else {
      const existing = rows[row];
      if (existing !== undefined && existing !== EMPTY_ROW) return existing as CellValue[];
    }
    const cells: CellValue[] = [];
    rows[row] = cells;
    return cells;
  }

  /**
   * Empties every cell of each merged area but its top-left, as Excel shows a merge (LibreOffice
   * can keep the covered cells' old values in the file). Costs the cells stored in the area, not
   * its area, so `A1:XFD1048576` is cheap. Rows left empty are tidied as if never stored.
   */
  clearMerged(merges: readonly MergedArea[]): void {
    const rows = this.rows;
    const touched = new Set<number>();
    for (const area of merges) {
      const last = Math.min(area.bottom, rows.length - 1);
      for (let r = area.top; r <= last; r++) {
        const cells = rows[r] as CellValue[] | undefined;
        if (cells === undefined || cells === EMPTY_ROW) continue;
        const right = Math.min(area.right, cells.length - 1);
        for (let c = area.left; c <= right; c++) {
          if ((r !== area.top || c !== area.left) && cells[c] !== undefined && cells[c] !== null) {
            cells[c] = null;
            this.cellsKept--;
            touched.add(r);
          }
        }
      }
    }
    for (const r of touched) {
      const cells = rows[r] as CellValue[];
      while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === undefined))
        cells.length--;
      if (cells.length === 0) rows[r] = EMPTY_ROW;
    }
    while (rows.length > 0 && (rows[rows.length - 1] === undefined || rows[rows.length - 1] === EMPTY_ROW))
      rows.length--;
  }
}
