/** Text as it may go into a cell: Excel stores at most 32,767 characters per cell. */

export const CELL_TEXT_MAX = 32_767;
const TRUNCATION_MARK = ' … [truncated]';

/** The text, cut to fit one cell with a visible mark when it is too long. */
export function fitCellText(text: string): string {
  if (text.length <= CELL_TEXT_MAX) return text;
  return text.slice(0, CELL_TEXT_MAX - TRUNCATION_MARK.length) + TRUNCATION_MARK;
}
