/** The Scoring sheet of a register workbook: the matrix in spreadsheet form, editable and read back by the core. */
import { sheetPlan } from './sheet-plan-defaults.ts';
import type { CellValue } from '../cells/cell.ts';
import type { MatrixSpec } from '../matrix/matrix.ts';
import { SCORING_SHEET_NAME } from '../matrix/scoring-sheet.ts';
import { scoringSheetRows } from '../matrix/scoring-sheet-rows.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import { BODY, SECTION, cell } from './styles.ts';

export function scoringSheetPlan(spec: MatrixSpec): SheetPlan {
  const rows = scoringSheetRows(spec);
  const cells: PlanCell[][] = rows.map((row) => row.map((value) => cell(plain(value), BODY)));
  // Section titles (a lone text cell in column A) read as headings.
  rows.forEach((row, r) => {
    const filled = row.filter((value) => value !== null && value !== '');
    if (filled.length === 1 && typeof row[0] === 'string') cells[r] = [cell(row[0], SECTION)];
  });
  return sheetPlan({
    name: SCORING_SHEET_NAME,
    cells,
    columnWidths: [14, 18, 40, ...Array.from({ length: 8 }, () => 30)],
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: 0 },
  });
}

function plain(value: CellValue): string | number | boolean | null {
  if (value === null || typeof value !== 'object') return value;
  return value.kind === 'date' ? value.iso : value.code;
}
