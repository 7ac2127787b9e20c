/// <reference types="custom-functions-runtime" />
// Binds the core's RISK_FUNCTIONS to Excel custom functions (=RISK.SCORE …): ranges in, spilled arrays out.
import {
  RISK_FUNCTIONS,
  errorText,
  isFunctionError,
  type FunctionArgument,
  type FunctionResult,
  type FunctionScalarResult,
  type RiskMatrix,
} from '../core/index.ts';

/** What Excel hands a `any[][]` parameter: a 2-D array even for one cell; '' or null for empty cells. */
export type ExcelMatrixArgument = readonly (readonly unknown[])[];
export type ExcelCell = number | string | CustomFunctions.Error;
export type CustomFunctionImplementation = (...args: ExcelMatrixArgument[]) => Promise<ExcelCell[][]>;

/** The custom function ids, as functions.json declares them (the core's `excelName`). */
export const CUSTOM_FUNCTION_IDS: readonly string[] = RISK_FUNCTIONS.map((fn) => fn.excelName);

function toExcelCell(value: FunctionScalarResult): ExcelCell {
  // One bad cell gives #VALUE! with the core's message in that cell; the others keep their values.
  return isFunctionError(value)
    ? new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, value.message)
    : value;
}

function toExcelResult(result: FunctionResult): ExcelCell[][] {
  if (Array.isArray(result)) return result.map((row) => row.map(toExcelCell));
  // A scalar result is an error for the whole call (ranges of different shapes): throwing it makes
  // Excel show #VALUE! with the message, as the custom-functions runtime documents.
  if (isFunctionError(result)) throw toExcelCell(result);
  return [[result]];
}

/** Excel gives cell values only as numbers, strings and booleans; anything else reads as empty. */
function toArgument(argument: ExcelMatrixArgument): FunctionArgument {
  return argument.map((row) =>
    row.map((cell) =>
      typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean' ? cell : null,
    ),
  );
}

/**
 * One implementation per function id, reading the matrix when called so edits to the Scoring
 * sheet apply to the next calculation.
 */
export function customFunctionImplementations(
  matrix: () => Promise<RiskMatrix>,
): Map<string, CustomFunctionImplementation> {
  return new Map(
    RISK_FUNCTIONS.map((fn) => [
      fn.excelName,
      async (...args: ExcelMatrixArgument[]) => {
        let current: RiskMatrix;
        try {
          current = await matrix();
        } catch (error) {
          // A broken Scoring sheet: every cell says so, rather than scoring with another matrix.
          throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, errorText(error));
        }
        return toExcelResult(fn.implementation(current)(...args.map(toArgument)));
      },
    ]),
  );
}

/** Tells the shared runtime which code runs each id of functions.json. */
export function associateCustomFunctions(matrix: () => Promise<RiskMatrix>): void {
  for (const [id, implementation] of customFunctionImplementations(matrix)) {
    CustomFunctions.associate(id, implementation);
  }
}
