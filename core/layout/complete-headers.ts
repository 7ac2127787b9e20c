/**
 * The header row of an existing data sheet, completed: the columns it lacks are appended after
 * its last header, never moving or renaming a column the user has.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { isBlank } from '../cells/cell.ts';
import { HEADER, cell } from './styles.ts';
import type { CellBlock } from '../ports/workbook-port.ts';
import type { ColumnLocation, ColumnSpec } from '../readers/headers.ts';
import { locateColumns } from '../readers/headers.ts';

export interface CompletedHeaders<K extends string> {
  /** Where every column is once the block is written. */
  readonly located: ColumnLocation<K>;
  /** Header cells in the header row after its last one; absent when nothing is missing. */
  readonly block?: CellBlock;
  readonly added: readonly string[];
  /** Columns in the completed header row. */
  readonly width: number;
}

export function completeHeaders<K extends string>(
  grid: SheetGrid,
  specs: readonly ColumnSpec<K>[],
): CompletedHeaders<K> {
  const found = locateColumns(grid, specs);
  const headerCells: readonly CellValue[] = grid.rows[found.headerRow] ?? [];
  let lastHeader = -1;
  for (let c = 0; c < headerCells.length; c++) if (!isBlank(headerCells[c])) lastHeader = c;

  const missing = specs.filter((spec) => !found.columns.has(spec.key));
  const columns = new Map(found.columns);
  missing.forEach((spec, i) => columns.set(spec.key, lastHeader + 1 + i));
  const located: ColumnLocation<K> = { headerRow: found.headerRow, columns, issues: found.issues };
  const width = lastHeader + 1 + missing.length;
  if (missing.length === 0) return { located, added: [], width };
  return {
    located,
    block: {
      top: found.headerRow,
      left: lastHeader + 1,
      cells: [missing.map((spec) => cell(spec.header, HEADER))],
    },
    added: missing.map((spec) => spec.header),
    width,
  };
}
