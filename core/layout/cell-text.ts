/** Text as it may go into a cell: Excel stores at most 32,767 characters per cell. */
import { a1 } from '../cells/cell.ts';

export const CELL_TEXT_MAX = 32_767;
const TRUNCATION_MARK = ' … [truncated]';

/** The text, cut to fit one cell with a visible mark when it is too long. */
export function fitCellText(text: string): string {
  if (text.length <= CELL_TEXT_MAX) return text;
  return text.slice(0, CELL_TEXT_MAX - TRUNCATION_MARK.length) + TRUNCATION_MARK;
}

/** For renderers: text over the limit is a bug in the plan (layouts fit their text), said at its cell. */
export function checkCellText(text: string, row: number, column: number): void {
  if (text.length > CELL_TEXT_MAX) {
    throw new RangeError(
      `${a1(row, column)}: text of ${text.length} characters exceeds Excel's ${CELL_TEXT_MAX}.`,
    );
  }
}
