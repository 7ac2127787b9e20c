// The core's RISK_FUNCTIONS as Sheets custom functions: Sheets values in, a cell or a range out.
import {
  DEFAULT_MATRIX,
  SCORING_SHEET_NAME,
  brokenScoringText,
  isFunctionError,
  matrixFromWorkbook,
  sameSheetName,
  type FunctionArgument,
  type FunctionResult,
  type RiskFunction,
  type RiskMatrix,
} from '../core/index.ts';
import { cellValueOf, gridOf, zonedDateText, type DateText } from './read-grid.ts';
import { host } from './sheets-api.ts';

/** A 2-D array from Sheets, or one value. */
type SheetsArgument = unknown;

let dateTextCache: DateText | undefined;
/** Read at most once per execution (the script's globals live as long as one execution). */
let workbookMatrixCache: RiskMatrix | undefined;

function dateText(): DateText {
  const { SpreadsheetApp, Utilities } = host();
  return (dateTextCache ??= zonedDateText(
    () => SpreadsheetApp.getActive().getSpreadsheetTimeZone(),
    (date, zone, format) => Utilities.formatDate(date, zone, format),
  ));
}

function argumentOf(value: SheetsArgument): FunctionArgument {
  if (Array.isArray(value))
    return value.map((row: unknown[]) => row.map((cell) => cellValueOf(cell, dateText())));
  return value === undefined ? undefined : cellValueOf(value, dateText());
}

/** The matrix in a Scoring block; a broken one is an error naming its first fault. */
function matrixOf(values: readonly (readonly unknown[])[]): RiskMatrix {
  const { matrix, issues } = matrixFromWorkbook({
    name: SCORING_SHEET_NAME,
    rows: gridOf(values, dateText()),
  });
  const broken = brokenScoringText(issues);
  if (broken !== undefined) throw new Error(broken);
  return matrix;
}

/** The spreadsheet's Scoring sheet (read-only, once per execution), else the default matrix. */
function workbookMatrix(): RiskMatrix {
  if (workbookMatrixCache) return workbookMatrixCache;
  const sheets = host().SpreadsheetApp.getActive().getSheets();
  const scoring = sheets.find((sheet) => sameSheetName(sheet.getName(), SCORING_SHEET_NAME));
  workbookMatrixCache = scoring
    ? matrixOf(
        scoring
          .getRange(1, 1, Math.max(1, scoring.getLastRow()), Math.max(1, scoring.getLastColumn()))
          .getValues(),
      )
    : DEFAULT_MATRIX;
  return workbookMatrixCache;
}

/**
 * A result as Sheets shows it. A bad single value throws, so the cell shows `#ERROR!` with the
 * message; inside a range a bad cell gets its message as text, because a throw would turn the
 * whole spilled range into one error.
 */
function sheetsResult(result: FunctionResult): number | string | (number | string)[][] {
  if (!Array.isArray(result)) {
    if (isFunctionError(result)) throw new Error(result.message);
    return result;
  }
  const rows = result.map((row) => row.map((cell) => (isFunctionError(cell) ? cell.message : cell)));
  // Trailing blank rows are left out: over an open-ended column (Set up's C2:C) they would reach
  // the bottom of the sheet, and Sheets counts a spilled '' as content (getLastRow, every read).
  let last = rows.length;
  while (last > 1 && rows[last - 1]!.every((cell) => cell === '')) last--;
  rows.length = last;
  return rows;
}

/** A custom function as Sheets calls it. */
export type CustomFunction = (...args: SheetsArgument[]) => number | string | (number | string)[][];

/**
 * The global a function of the core's table is bound to. A function that reads the matrix takes
 * the Scoring range as one argument after its own (globals.ts documents it): Sheets
 * recalculates a custom function only when its arguments change, so that is how its results
 * follow edits of the matrix. Without it the Scoring sheet is read.
 */
export function customFunction(fn: RiskFunction): CustomFunction {
  const arity = fn.parameters.length;
  return (...args) => {
    const scoring = args[arity];
    let matrix = DEFAULT_MATRIX;
    if (fn.readsMatrix) {
      if (scoring === undefined || scoring === '') matrix = workbookMatrix();
      else matrix = matrixOf(Array.isArray(scoring) ? scoring : [[scoring]]);
    }
    return sheetsResult(fn.implementation(matrix)(...args.slice(0, arity).map(argumentOf)));
  };
}
