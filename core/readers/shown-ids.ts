/**
 * IDs read as shown (issue #18): an ID typed 1 in a cell formatted `000` shows 001, and the user
 * types 001 on the other sheet. Hosts read values, which lose the format, so each host says what
 * a cell shows (the CLI from the number format, Sheets getDisplayValues, Excel its number
 * format) and the core decides which columns are IDs: only there does the shown text win, since
 * an impact formatted `00` is still the number 3.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { sameSheetName } from '../layout/sheet-name.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENTS_SHEET_NAME,
  RISK_COLUMNS,
  RISKS_SHEET_NAME,
  locateColumns,
} from './headers.ts';

/** The columns of `grid` that hold risk IDs (Risks: ID; Assessments: Risk ID), and its header row. */
export function idColumnsOf(grid: SheetGrid): { readonly columns: number[]; readonly headerRow: number } {
  const name = typeof grid.name === 'string' ? grid.name : '';
  if (sameSheetName(name, RISKS_SHEET_NAME)) {
    const { columns, headerRow } = locateColumns(grid, RISK_COLUMNS);
    const id = columns.get('id');
    return { columns: id === undefined ? [] : [id], headerRow };
  }
  if (sameSheetName(name, ASSESSMENTS_SHEET_NAME)) {
    const { columns, headerRow } = locateColumns(grid, ASSESSMENT_COLUMNS);
    const id = columns.get('riskId');
    return { columns: id === undefined ? [] : [id], headerRow };
  }
  return { columns: [], headerRow: 0 };
}

/** True when an ID column of `grid` holds a number below its header (only then is the shown text worth asking for). */
export function hasNumericIds(grid: SheetGrid): boolean {
  const { columns, headerRow } = idColumnsOf(grid);
  const rows = Array.isArray(grid.rows) ? grid.rows : [];
  for (const column of columns)
    for (let r = headerRow + 1; r < rows.length; r++) if (typeof rows[r]?.[column] === 'number') return true;
  return false;
}

/**
 * The grid with each number in an ID column replaced by the text `shown` gives for its cell
 * (0-based row and column), when that differs from the plain number; the grid itself when
 * nothing changes.
 * @example withShownIds({ name: 'Risks', rows: [['ID', 'Risk name'], [1, 'x']] }, () => '001').rows[1] // ['001', 'x']
 */
export function withShownIds(
  grid: SheetGrid,
  shown: (row: number, column: number) => string | undefined,
): SheetGrid {
  const { columns, headerRow } = idColumnsOf(grid);
  if (columns.length === 0 || !Array.isArray(grid.rows)) return grid;
  let rows: (readonly CellValue[])[] | undefined;
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    for (const column of columns) {
      const value = grid.rows[r]?.[column];
      if (typeof value !== 'number') continue;
      const text = shown(r, column);
      if (text === undefined || text === '' || text === String(value)) continue;
      rows ??= [...grid.rows];
      const cells = [...rows[r]!];
      cells[column] = text;
      rows[r] = cells;
    }
  }
  return rows ? { ...grid, rows } : grid;
}
