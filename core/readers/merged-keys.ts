/**
 * Merged key cells (PRODUCT §2, issue #18): a register may merge a risk's ID down over the rows
 * of its assessments, as the user sees one ID for them all. Only the top-left cell of a merge
 * holds the value, so without this every row below would read "missing risk ID". For the key
 * columns the value fills the merged area, with a note at each filled cell.
 */
import type { CellValue, MergedArea, SheetGrid } from '../cells/cell.ts';
import { a1, isBlank } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import type { ColumnSpec } from './headers.ts';
import { locateColumns } from './headers.ts';
import type { IssueList } from './issue-list.ts';

/**
 * The grid with each merged area's value filled into the area's cells of the key columns
 * (`keys`), each filled cell noted in `issues` as a warning; the grid itself when there is
 * nothing to fill (no merges, or none over a key column).
 * @example fillMergedKeys(assessments, ASSESSMENT_COLUMNS, ['riskId', 'quarter'], issues)
 */
export function fillMergedKeys<K extends string>(
  grid: SheetGrid,
  specs: readonly ColumnSpec<K>[],
  keys: readonly K[],
  issues: IssueList,
): SheetGrid {
  const merges = Array.isArray(grid.merges) ? (grid.merges as readonly MergedArea[]) : [];
  if (merges.length === 0 || !Array.isArray(grid.rows)) return grid;
  const { columns, headerRow } = locateColumns(grid, specs);
  const keyColumns = new Set(keys.map((key) => columns.get(key)).filter((c): c is number => c !== undefined));
  const rows = [...grid.rows];
  let filled = false;
  for (const area of merges) {
    if (area.bottom <= headerRow || area.top === area.bottom) continue;
    const value = rows[area.top]?.[area.left];
    if (value === undefined || isBlank(value)) continue;
    for (let column = area.left; column <= area.right; column++) {
      if (!keyColumns.has(column)) continue;
      for (let row = Math.max(area.top, headerRow + 1); row <= area.bottom && row < rows.length + 1; row++) {
        if (row === area.top && column === area.left) continue;
        const cells: CellValue[] = [...(rows[row] ?? [])];
        while (cells.length < column) cells.push(null);
        cells[column] = value;
        rows[row] = cells;
        filled = true;
        issues.warning(
          row,
          column,
          `this cell is merged with ${a1(area.top, area.left)}; read as ${cellText(value)}`,
        );
      }
    }
  }
  return filled ? { ...grid, rows } : grid;
}
