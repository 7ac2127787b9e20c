/** The Grid section of the Scoring sheet, read by the labels along its edges. */
import { a1, isBlank, type CellValue } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { levelRangeText } from './matrix.ts';
import { GRID_CORNER, numberOf, pathKey, type Section } from './scoring-sheet-layout.ts';

/**
 * The Grid section: impact levels across its header row, probability levels down its first
 * column, in any order. The labels decide where each cell goes, so they are checked here.
 */
export function readGridSection(
  section: Section,
  rows: readonly (readonly CellValue[])[],
  impactLevels: number | undefined,
  probabilityLevels: number | undefined,
): { grid?: string[][]; cells: Map<string, string>; problems: { cell: string; message: string }[] } {
  const problems: { cell: string; message: string }[] = [];
  const cells = new Map<string, string>();
  const title = a1(section.row, section.column);
  if (section.header === undefined) {
    return {
      cells,
      problems: [
        {
          cell: title,
          message: `the Grid section has no header row (${GRID_CORNER}, then the impact levels)`,
        },
      ],
    };
  }
  const header = section.header;
  const labelColumn = section.column;

  const levelsAlong = (
    what: 'impact' | 'probability',
    count: number | undefined,
    entries: readonly { row: number; column: number }[],
  ): Map<number, { row: number; column: number }> => {
    const found = new Map<number, { row: number; column: number }>();
    for (const entry of entries) {
      const value = rows[entry.row]?.[entry.column];
      const number = numberOf(value);
      const where = a1(entry.row, entry.column);
      if (typeof number !== 'number' || !Number.isInteger(number)) {
        problems.push({
          cell: where,
          message: `grid ${what} heading "${cellText(value)}" is not a whole number`,
        });
      } else if (count !== undefined && (number < 1 || number > count)) {
        problems.push({
          cell: where,
          message: `grid ${what} heading ${number} is outside ${levelRangeText(count)}`,
        });
      } else if (found.has(number)) {
        problems.push({ cell: where, message: `grid ${what} heading ${number} appears twice` });
      } else found.set(number, entry);
    }
    const expected = count ?? found.size;
    for (let level = 1; level <= expected; level++) {
      if (!found.has(level))
        problems.push({
          cell: title,
          message: `the Grid section has no ${what === 'impact' ? 'column' : 'row'} for ${what} ${level}`,
        });
    }
    return found;
  };

  const headerCells = (rows[header] ?? [])
    .map((value, column) => ({ row: header, column, value }))
    .filter((entry) => entry.column > labelColumn && !isBlank(entry.value));
  const impactColumns = levelsAlong('impact', impactLevels, headerCells);
  const probabilityRows = levelsAlong(
    'probability',
    probabilityLevels,
    section.body.map((row) => ({ row, column: labelColumn })),
  );
  if (problems.length > 0) return { cells, problems };

  const grid: string[][] = [];
  for (let p = 1; p <= probabilityRows.size; p++) {
    const row = probabilityRows.get(p)!.row;
    cells.set(pathKey(['grid', p - 1]), a1(row, labelColumn));
    const names: string[] = [];
    for (let i = 1; i <= impactColumns.size; i++) {
      const column = impactColumns.get(i)!.column;
      cells.set(pathKey(['grid', p - 1, i - 1]), a1(row, column));
      names.push(cellText(rows[row]?.[column]));
    }
    grid.push(names);
  }
  return { grid, cells, problems };
}
