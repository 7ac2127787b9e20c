// Adding a function to the core's table is all it takes to reach Sheets: a fake entry flows
// through apps-script/globals.ts and the build's declarations to what `npm run verify` expects,
// and apps-script/functions.ts binds it, with the Scoring argument when it reads the matrix.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATRIX_SPEC,
  RISK_FUNCTIONS,
  RISK_FUNCTION_DOCS,
  scoringSheetRows,
  type RiskFunction,
  type RiskFunctionDoc,
  type RiskFunctionName,
} from '../../core/index.ts';
import { SIX_BANDS_SPEC } from '../contract/scenarios.ts';
import {
  CUSTOM_FUNCTIONS_KEY,
  GLOBAL_FUNCTIONS,
  SCORING_PARAMETER,
  globalFunctionsOf,
} from '../../apps-script/globals.ts';
import { customFunction } from '../../apps-script/functions.ts';
// @ts-expect-error: a plain .mjs build script without type declarations.
import { declaration } from '../../scripts/build-apps-script.mjs';
// @ts-expect-error: a plain .mjs script without type declarations.
import { declarationProblems, expectedGlobals } from '../../scripts/verify-apps-script.mjs';

const name = (text: string) => text as RiskFunctionName;

/** Two new functions: one that follows the matrix (how many ratings it has), one that does not. */
const EXTRA: readonly RiskFunction[] = [
  {
    name: name('RISKLEVELS'),
    excelName: 'LEVELS',
    parameters: ['times'],
    readsMatrix: true,
    implementation: (matrix) => (times) => matrix.spec.ratings.length * Number(times),
  },
  {
    name: name('RISKTWICE'),
    excelName: 'TWICE',
    parameters: ['value'],
    readsMatrix: false,
    implementation: () => (value) => 2 * Number(value),
  },
];
const EXTRA_DOCS: Record<string, RiskFunctionDoc> = {
  RISKLEVELS: {
    description: 'Ratings of the matrix, times a number.',
    parameters: [{ name: 'times', description: 'How many times the ratings.' }],
    returns: 'A number.',
  },
  RISKTWICE: {
    description: 'Twice a number.',
    parameters: [{ name: 'value', description: 'The number to double.' }],
    returns: 'A number.',
  },
};

const table = [...RISK_FUNCTIONS, ...EXTRA];
const docs = { ...RISK_FUNCTION_DOCS, ...EXTRA_DOCS } as Record<RiskFunctionName, RiskFunctionDoc>;
const declare = (fn: unknown): string => declaration(fn, CUSTOM_FUNCTIONS_KEY) as string;

describe('the globals of Code.js come from the core function table', () => {
  it('declares a custom function per entry, with the Scoring argument only where it reads the matrix', () => {
    const globals = globalFunctionsOf(table, docs);
    const custom = globals.filter((fn) => fn.customFunction);
    expect(custom.map((fn) => [fn.name, fn.parameters.map((p) => p.name)])).toEqual([
      ['RISKSCORE', ['impact', 'probability', 'scoring']],
      ['RISKRATING', ['impact', 'probability', 'scoring']],
      ['RISKTREND', ['previous', 'current']],
      ['RISKLEVELS', ['times', 'scoring']],
      ['RISKTWICE', ['value']],
    ]);
    expect(custom.find((fn) => fn.name === 'RISKLEVELS')?.parameters[1]).toBe(SCORING_PARAMETER);
    // The triggers and menu items do not depend on the table.
    expect(globals.filter((fn) => !fn.customFunction)).toEqual(
      GLOBAL_FUNCTIONS.filter((fn) => !fn.customFunction),
    );
  });

  it("writes declarations that forward to the bundle and pass verify's checks for that table", () => {
    const globals = globalFunctionsOf(table, docs);
    const code = globals.map(declare).join('\n\n');
    expect(code).toContain(
      [
        '/**',
        ' * Ratings of the matrix, times a number.',
        ' *',
        ' * @param {number|number[][]} times How many times the ratings.',
        ` * @param {string[][]} scoring ${SCORING_PARAMETER.description}`,
        ' * @return A number.',
        ' * @customfunction',
        ' */',
        'function RISKLEVELS(times, scoring) {',
        '  return RiskRegister.customFunctions.RISKLEVELS(times, scoring);',
        '}',
      ].join('\n'),
    );
    expect(declarationProblems(code, expectedGlobals(table, globals))).toEqual([]);
    // Declarations from the core's own table miss the new functions: verify names them.
    const current = GLOBAL_FUNCTIONS.map(declare).join('\n\n');
    expect(declarationProblems(current, expectedGlobals(table, globals))).toEqual([
      'no top-level "function RISKLEVELS(" with a JSDoc block right above it',
      'no top-level "function RISKTWICE(" with a JSDoc block right above it',
    ]);
  });

  it('fails the build with a clear message when a function has no docs', () => {
    expect(() => globalFunctionsOf(table, RISK_FUNCTION_DOCS)).toThrow(
      'RISKLEVELS has no entry in RISK_FUNCTION_DOCS',
    );
  });

  it('binds a new function: the Scoring argument sets the matrix of one that reads it, and only of that one', () => {
    const [levels, twice] = EXTRA.map(customFunction) as [
      ReturnType<typeof customFunction>,
      ReturnType<typeof customFunction>,
    ];
    const sixRatings = scoringSheetRows(SIX_BANDS_SPEC).map((row) => row.map((cell) => cell ?? ''));
    const fourRatings = scoringSheetRows(DEFAULT_MATRIX_SPEC).map((row) => row.map((cell) => cell ?? ''));
    expect(levels(2, sixRatings)).toBe(12);
    expect(levels(2, fourRatings)).toBe(8);
    expect(twice(21)).toBe(42);
    expect(twice(21, sixRatings)).toBe(42);
    // A function that does not read the matrix never reads an extra argument as one.
    expect(twice(21, 'not a Scoring range')).toBe(42);
    expect(() => levels(2, 'not a Scoring range')).toThrow(/Scoring/);
  });
});
