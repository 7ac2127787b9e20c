/**
 * The spreadsheet functions RISKSCORE, RISKRATING and RISKTREND, declared once. Apps Script
 * globals, Excel custom functions (`RISK.SCORE`, …) and the LAMBDA names all derive from
 * `RISK_FUNCTIONS`, so a host never re-states a name, a parameter or a rule.
 */
import { isErrorCell, type CellValue } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { scoreOf, type RiskMatrix } from '../matrix/matrix.ts';
import { ratingOf } from '../matrix/matrix-lookup.ts';
import { trendBetween, type Trend } from '../register/trend.ts';
import {
  LEVEL_MESSAGES,
  readLevel as readLevelCell,
  readNumberCell,
  type NumberReading,
} from '../matrix/read-level.ts';

/** An error result: a value in the output, never a throw, so one bad cell spoils only its own result. */
export interface FunctionError {
  readonly kind: 'error';
  readonly code: '#VALUE!';
  readonly message: string;
}

/** One cell of an argument as a host hands it over; `undefined` is a missing argument. */
export type FunctionScalar = CellValue | undefined;

/** A single cell or a range (`rows[r][c]`). */
export type FunctionArgument = FunctionScalar | readonly (readonly FunctionScalar[])[];

/** `''` is a blank result. */
export type FunctionScalarResult = number | string | FunctionError;

export type FunctionResult = FunctionScalarResult | FunctionScalarResult[][];

export type RiskFunctionName = 'RISKSCORE' | 'RISKRATING' | 'RISKTREND';

/** A function as it runs; what a user reads about it is in function-docs.ts, which only builds and help text need. */
export interface RiskFunction {
  /** The workbook name (Apps Script global, LAMBDA name): `RISKSCORE`. */
  readonly name: RiskFunctionName;
  /** The Excel custom function id within `RISK_FUNCTION_NAMESPACE`: `SCORE` gives `=RISK.SCORE`. */
  readonly excelName: string;
  readonly parameters: readonly string[];
  /**
   * Whether the result depends on the workbook's matrix (its levels or ratings), as
   * hyperformula's FunctionMetadata flags what a function depends on. A host whose
   * recalculation follows arguments only (Sheets) hands such a function the Scoring range as
   * one more argument; the others get nothing extra.
   */
  readonly readsMatrix: boolean;
  /** The function on one matrix, over scalars or equal-shaped ranges. */
  readonly implementation: (matrix: RiskMatrix) => (...args: readonly FunctionArgument[]) => FunctionResult;
}

/** Excel custom functions live in this namespace: `=RISK.SCORE(…)`. */
export const RISK_FUNCTION_NAMESPACE = 'RISK';

/** Every error message the functions give, in one place. */
const FUNCTION_MESSAGES = {
  ...LEVEL_MESSAGES,
  shapes: (shapes: string) => `ranges must be the same size: ${shapes}`,
} as const;

/**
 * An error value.
 * @example functionError('impact 6 is outside 1-5') // { kind: 'error', code: '#VALUE!', message: 'impact 6 is outside 1-5' }
 */
export function functionError(message: string): FunctionError {
  return { kind: 'error', code: '#VALUE!', message };
}

/** True for a result cell that is an error value. */
export function isFunctionError(value: unknown): value is FunctionError {
  return isErrorCell(value) && typeof (value as FunctionError).message === 'string';
}

type Reading =
  { readonly kind: 'blank' } | { readonly kind: 'number'; readonly value: number } | FunctionError;

/** A value as a function's message shows it: text as written in quotes (untrimmed), the rest as cellText. */
function shownAs(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : cellText(value);
}

/** A fault read from a cell becomes the function's error value. */
function asFunctionReading(reading: NumberReading): Reading {
  return reading.kind === 'fault' ? functionError(reading.message) : reading;
}

/** A cell read as a number (numbers typed as text count, as in spreadsheet arithmetic), a blank, or the error that names it. */
function readNumber(value: FunctionScalar, what: string): Reading {
  return asFunctionReading(readNumberCell(value, what, shownAs));
}

/** A cell read as a level of the matrix: a whole number within 1..levels. */
function readLevel(value: FunctionScalar, what: string, levels: number): Reading {
  return asFunctionReading(readLevelCell(value, what, levels, shownAs));
}

/** The first error, else blank when any is blank, else the numbers. */
function combine(readings: readonly Reading[]): FunctionError | '' | number[] {
  const error = readings.find((reading): reading is FunctionError => reading.kind === 'error');
  if (error) return error;
  if (readings.some((reading) => reading.kind === 'blank')) return '';
  return readings.map((reading) => (reading as { value: number }).value);
}

type ScalarFunction = (...args: readonly FunctionScalar[]) => FunctionScalarResult;

function isRange(argument: FunctionArgument): argument is readonly (readonly FunctionScalar[])[] {
  return Array.isArray(argument);
}

/**
 * Applies a scalar function element-wise: ranges of one shape pair cell by cell and a single
 * cell broadcasts. A 1×1 range broadcasts too, but keeps the result a range.
 */
function elementWise(fn: ScalarFunction): (...args: readonly FunctionArgument[]) => FunctionResult {
  return (...args) => {
    const ranges = args.filter(isRange);
    if (ranges.length === 0) return fn(...(args as readonly FunctionScalar[]));
    const shapes = ranges.map((range) => ({
      rows: range.length,
      columns: Math.max(0, ...range.map((row) => row.length)),
    }));
    const big = shapes.filter((shape) => shape.rows * shape.columns !== 1);
    const target = big[0] ?? { rows: 1, columns: 1 };
    if (
      big.some((shape) => shape.rows !== target.rows || shape.columns !== target.columns) ||
      target.rows * target.columns === 0
    ) {
      const described = shapes.map((shape) => `${shape.rows}×${shape.columns}`).join(', ');
      return functionError(FUNCTION_MESSAGES.shapes(described));
    }
    const cellOf = (argument: FunctionArgument, r: number, c: number): FunctionScalar => {
      if (!isRange(argument)) return argument;
      if (argument.length === 1 && argument[0]!.length === 1) return argument[0]![0];
      return argument[r]?.[c];
    };
    return Array.from({ length: target.rows }, (_, r) =>
      Array.from({ length: target.columns }, (_, c) => fn(...args.map((argument) => cellOf(argument, r, c)))),
    );
  };
}

function riskScore(matrix: RiskMatrix): ScalarFunction {
  return (impact, probability) => {
    const levels = combine([
      readLevel(impact, 'impact', matrix.impactLevels),
      readLevel(probability, 'probability', matrix.probabilityLevels),
    ]);
    return Array.isArray(levels) ? scoreOf(levels[0]!, levels[1]!) : levels;
  };
}

function riskRating(matrix: RiskMatrix): ScalarFunction {
  return (impact, probability) => {
    const levels = combine([
      readLevel(impact, 'impact', matrix.impactLevels),
      readLevel(probability, 'probability', matrix.probabilityLevels),
    ]);
    return Array.isArray(levels) ? ratingOf(matrix, levels[0]!, levels[1]!).name : levels;
  };
}

/** The trends RISKTREND gives, for the LAMBDA text that computes them in the workbook (lambda.ts). */
export const TREND_ARROWS = { up: '↑', down: '↓', same: '↔', new: 'New' } as const satisfies Record<
  string,
  Trend
>;

/** The register's rule (trendBetween) on two cells; a blank current score gives a blank. */
const riskTrend: ScalarFunction = (previous, current) => {
  const now = readNumber(current, 'current');
  if (now.kind !== 'number') return now.kind === 'blank' ? '' : now;
  const before = readNumber(previous, 'previous');
  if (before.kind === 'error') return before;
  return trendBetween(before.kind === 'number' ? before.value : undefined, now.value);
};

/** RISKSCORE and RISKRATING take the same two levels. */
const LEVEL_PARAMETERS = ['impact', 'probability'] as const;

/** The table every host binds from. */
export const RISK_FUNCTIONS: readonly RiskFunction[] = [
  {
    name: 'RISKSCORE',
    excelName: 'SCORE',
    parameters: LEVEL_PARAMETERS,
    readsMatrix: true,
    implementation: (matrix) => elementWise(riskScore(matrix)),
  },
  {
    name: 'RISKRATING',
    excelName: 'RATING',
    parameters: LEVEL_PARAMETERS,
    readsMatrix: true,
    implementation: (matrix) => elementWise(riskRating(matrix)),
  },
  {
    name: 'RISKTREND',
    excelName: 'TREND',
    parameters: ['previous', 'current'],
    readsMatrix: false,
    implementation: () => elementWise(riskTrend),
  },
];

/**
 * The table entry for a name, any case. (The Excel add-in binds `RISK.SCORE` & co. from
 * `excelName` itself.)
 * @example riskFunction('riskscore')?.name // 'RISKSCORE'
 */
export function riskFunction(name: string): RiskFunction | undefined {
  const key = name.trim().toUpperCase();
  return RISK_FUNCTIONS.find((fn) => fn.name === key);
}

/**
 * Calls a function by name on a matrix.
 * @example evaluateRiskFunction('RISKSCORE', DEFAULT_MATRIX, [4, 3]) // 12
 * @example evaluateRiskFunction('RISKRATING', DEFAULT_MATRIX, [[[1], [5]], 5]) // [['Medium'], ['Critical']]
 * @example evaluateRiskFunction('RISKTREND', DEFAULT_MATRIX, [null, 12]) // 'New'
 */
export function evaluateRiskFunction(
  name: string,
  matrix: RiskMatrix,
  args: readonly FunctionArgument[],
): FunctionResult {
  const fn = riskFunction(name);
  if (!fn) throw new Error(`no risk function is called ${name}`);
  return fn.implementation(matrix)(...args);
}
