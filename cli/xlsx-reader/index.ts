// The .xlsx reader's public surface: open a workbook's bytes, list its worksheets, read one as a grid.
export { openXlsx, type XlsxWorkbook } from './open-xlsx.ts';
export { XlsxFormatError } from './xlsx-format-error.ts';
export { UNCALCULATED_CODE, UNCALCULATED_FORMULA, isUncalculatedFormula } from './uncalculated-formula.ts';
export { MAX_FILLED_GAP } from './sparse-grid.ts';
