// The marker for a formula cell saved without a calculated value (openpyxl, SheetJS, hand-made files).
import { UNCALCULATED, errorCell, type CellValue, type ErrorCell } from '../../core/index.ts';

/**
 * Error code of a formula cell whose file holds no cached result (no `<v>`, or an empty one on a
 * non-text formula). Not an Excel error, so it cannot collide with a real one; an ErrorCell so
 * that every core reader already treats it as "not a usable value" rather than as blank. The core
 * can turn it into: "the formula has no calculated value; open and save the file in Excel or
 * LibreOffice".
 */
export const UNCALCULATED_CODE = UNCALCULATED;

/** The one (frozen) cell value every uncalculated formula reads as. */
export const UNCALCULATED_FORMULA: ErrorCell = Object.freeze(errorCell(UNCALCULATED_CODE));

export function isUncalculatedFormula(value: CellValue | undefined): boolean {
  return (
    typeof value === 'object' && value !== null && value.kind === 'error' && value.code === UNCALCULATED_CODE
  );
}
