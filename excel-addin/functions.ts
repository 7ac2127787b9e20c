/// <reference types="custom-functions-runtime" />
// Binds the core's RISK_FUNCTIONS to Excel custom functions (=RISK.SCORE …): ranges in, spilled arrays out.
import {
  RISK_FUNCTIONS,
  errorCell,
  errorText,
  isFunctionError,
  type FunctionArgument,
  type FunctionScalar,
  type FunctionResult,
  type FunctionScalarResult,
  type RiskMatrix,
} from '../core/index.ts';

/** What Excel hands a `any[][]` parameter: a 2-D array even for one cell; '' or null for empty cells; null when omitted. */
export type ExcelMatrixArgument = readonly (readonly unknown[])[];
export type ExcelCell = number | string | CustomFunctions.Error;
export type CustomFunctionImplementation = (
  ...args: (ExcelMatrixArgument | null)[]
) => Promise<ExcelCell[][]>;

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

/**
 * An error cell of an input range. functions.json sets `allowErrorForDataTypeAny`, so Excel hands
 * it over as a CustomFunctions.Error (code `#DIV/0!` …) instead of failing the whole call, and the
 * core gives that row alone an error naming it.
 */
function isExcelError(cell: unknown): cell is { code: string } {
  return typeof cell === 'object' && cell !== null && typeof (cell as { code?: unknown }).code === 'string';
}

function toScalar(cell: unknown): FunctionScalar {
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') return cell;
  // Anything else Excel may send (rich values, say) is not a level: an error in its own cell.
  if (typeof cell === 'object' && cell !== null) return errorCell(isExcelError(cell) ? cell.code : '#VALUE!');
  return null;
}

/**
 * Excel's arguments as the core takes them. An omitted argument (`=RISK.TREND(,12)`) arrives as
 * `null`, not as a 2-D array: it is a blank cell.
 */
function toArgument(argument: ExcelMatrixArgument | null | undefined): FunctionArgument {
  if (argument === null || argument === undefined) return null;
  if (!Array.isArray(argument)) return toScalar(argument);
  return argument.map((row) => (Array.isArray(row) ? row.map(toScalar) : [toScalar(row)]));
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
      async (...args: (ExcelMatrixArgument | null)[]) => {
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
