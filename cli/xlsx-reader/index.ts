// The .xlsx reader's public surface: open a workbook's bytes, list its worksheets, read one as a grid.
/*
 * Usage: `const book = openXlsx(bytes); const grid = book.readSheet('Risks');` or, from a path with
 * the CLI's FileError, `await readXlsxFile(path)` (read-file.ts: the file system and the CLI's
 * errors stay out of the reader, which reads bytes).
 *
 * What a grid holds (see layOutGrid in sparse-grid.ts for the shape: rows are ragged and may be
 * holes, so that a stray value at XFD1048576 costs one cell):
 * - text, numbers, booleans, ErrorCells as stored; a formula gives its cached result;
 * - DateCells for `t="d"` cells and for numbers whose style has a date format (time dropped);
 * - for numbers whose format is literal text plus digit placeholders (`"CRR"000`), the text
 *   shown (`CRR001`), see number-format-text.ts; any other format leaves the number;
 * - UNCALCULATED_FORMULA (ErrorCell `#UNCALCULATED`) for a formula saved without a result.
 */
export { openXlsx, type XlsxWorkbook } from './open-xlsx.ts';
export { XlsxFormatError } from './xlsx-format-error.ts';
export { UNCALCULATED_CODE, UNCALCULATED_FORMULA, isUncalculatedFormula } from './uncalculated-formula.ts';
export { MAX_FILLED_GAP } from './sparse-grid.ts';
