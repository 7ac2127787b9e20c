import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_MATRIX } from '../../../core/matrix/default-matrix.ts';
import {
  evaluateRiskFunction,
  functionError,
  isFunctionError,
  RISK_FUNCTION_NAMESPACE,
  RISK_FUNCTIONS,
  riskFunction,
  type FunctionArgument,
  type FunctionResult,
} from '../../../core/functions/functions.ts';
import { ratingOf } from '../../../core/matrix/matrix-lookup.ts';
import { RISK_FUNCTION_DOCS } from '../../../core/functions/function-docs.ts';
import { FIVE_BY_FIVE_GRID, FOUR_BY_SIX_BANDS, SIX_BY_SIX_GRID } from '../../support/matrices.ts';

const score = (...args: FunctionArgument[]) => evaluateRiskFunction('RISKSCORE', DEFAULT_MATRIX, args);
const rating = (...args: FunctionArgument[]) => evaluateRiskFunction('RISKRATING', DEFAULT_MATRIX, args);
const trend = (...args: FunctionArgument[]) => evaluateRiskFunction('RISKTREND', DEFAULT_MATRIX, args);
const error = (message: string) => functionError(message);

describe('the function table', () => {
  it('declares each function once, with its Excel name and parameters', () => {
    expect(RISK_FUNCTIONS.map((fn) => [fn.name, `${RISK_FUNCTION_NAMESPACE}.${fn.excelName}`])).toEqual([
      ['RISKSCORE', 'RISK.SCORE'],
      ['RISKRATING', 'RISK.RATING'],
      ['RISKTREND', 'RISK.TREND'],
    ]);
    expect(RISK_FUNCTIONS.map((fn) => fn.parameters)).toEqual([
      ['impact', 'probability'],
      ['impact', 'probability'],
      ['previous', 'current'],
    ]);
    for (const fn of RISK_FUNCTIONS) {
      const doc = RISK_FUNCTION_DOCS[fn.name];
      expect(doc.description.length).toBeGreaterThan(10);
      expect(doc.returns.length).toBeGreaterThan(5);
      // The help text documents exactly the parameters the function takes, in its order.
      expect(doc.parameters.map((p) => p.name)).toEqual(fn.parameters);
      for (const parameter of doc.parameters) expect(parameter.description.length).toBeGreaterThan(10);
    }
  });

  it('flags the functions whose result follows the matrix, and only those', () => {
    expect(RISK_FUNCTIONS.map((fn) => [fn.name, fn.readsMatrix])).toEqual([
      ['RISKSCORE', true],
      ['RISKRATING', true],
      ['RISKTREND', false],
    ]);
    // The flag is what the function does: on another matrix a flagged function gives another
    // answer for some levels, an unflagged one the same answer for every input tried.
    const inputs: FunctionArgument[][] = [
      [6, 6],
      [5, 3],
      [12, 9],
      [null, 4],
    ];
    for (const fn of RISK_FUNCTIONS) {
      const results = (matrix: typeof DEFAULT_MATRIX) =>
        inputs.map((args) => fn.implementation(matrix)(...args));
      expect({
        name: fn.name,
        differs: JSON.stringify(results(DEFAULT_MATRIX)) !== JSON.stringify(results(SIX_BY_SIX_GRID)),
      }).toEqual({
        name: fn.name,
        differs: fn.readsMatrix,
      });
    }
  });

  it('finds a function by its name, in any case', () => {
    expect(riskFunction('RISKSCORE')?.name).toBe('RISKSCORE');
    expect(riskFunction(' riskrating ')?.name).toBe('RISKRATING');
    expect(riskFunction('RISK.TREND')).toBeUndefined();
    expect(riskFunction('RISKFOO')).toBeUndefined();
    expect(() => evaluateRiskFunction('RISKFOO', DEFAULT_MATRIX, [])).toThrow('RISKFOO');
  });

  it('binds to a matrix once and is then a plain function', () => {
    const scoreOn6x6 = riskFunction('RISKSCORE')!.implementation(SIX_BY_SIX_GRID);
    expect(scoreOn6x6(6, 6)).toBe(36);
    expect(riskFunction('RISKRATING')!.implementation(SIX_BY_SIX_GRID)(5, 3)).toBe('High/Medium');
  });
});

describe('RISKSCORE', () => {
  it('multiplies impact by probability', () => {
    expect(score(4, 3)).toBe(12);
    expect(score(5, 5)).toBe(25);
    expect(score(1, 1)).toBe(1);
  });

  it('reads numbers typed as text', () => {
    expect(score('4', ' 3 ')).toBe(12);
    expect(score('5.0', 2)).toBe(10);
  });

  it('gives a blank for a blank argument', () => {
    expect(score(null, 3)).toBe('');
    expect(score(4, '')).toBe('');
    expect(score('  ', undefined)).toBe('');
  });

  it.each<[FunctionArgument, FunctionArgument, string]>([
    [6, 3, 'impact 6 is outside 1-5'],
    [0, 3, 'impact 0 is outside 1-5'],
    [3, 2.5, 'probability 2.5 is not a whole number'],
    ['abc', 3, 'impact "abc" is not a number'],
    [3, 'x', 'probability "x" is not a number'],
    [true, 3, 'impact TRUE is not a number'],
    [{ kind: 'date', iso: '2022-07-01' }, 3, 'impact 2022-07-01 is not a number'],
    [{ kind: 'error', code: '#N/A' }, 3, 'impact is the error #N/A'],
    [3, Number.NaN, 'probability NaN is not a number'],
    ['0x10', 3, 'impact "0x10" is not a number'],
    // An error wins over a blank: the bad value is what the analyst must fix.
    [null, 7, 'probability 7 is outside 1-5'],
  ])('RISKSCORE(%j, %j) is the error "%s"', (impact, probability, message) => {
    expect(score(impact, probability)).toEqual(error(message));
  });

  it('checks against the matrix in use', () => {
    expect(evaluateRiskFunction('RISKSCORE', FOUR_BY_SIX_BANDS, [4, 6])).toBe(24);
    expect(evaluateRiskFunction('RISKSCORE', FOUR_BY_SIX_BANDS, [5, 6])).toEqual(
      error('impact 5 is outside 1-4'),
    );
    expect(evaluateRiskFunction('RISKSCORE', FOUR_BY_SIX_BANDS, [4, 7])).toEqual(
      error('probability 7 is outside 1-6'),
    );
  });

  test.prop([fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })])(
    'is impact × probability within 1..36 on a 6x6 matrix',
    (impact, probability) => {
      const result = evaluateRiskFunction('RISKSCORE', SIX_BY_SIX_GRID, [impact, probability]);
      expect(result).toBe(impact * probability);
      expect(result).toBeGreaterThanOrEqual(1);
      expect(result).toBeLessThanOrEqual(36);
    },
  );
});

describe('ranges', () => {
  it('combine element-wise when of one shape', () => {
    expect(score([[1], [2], [3]], [[5], [4], [3]])).toEqual([[5], [8], [9]]);
    expect(score([[1, 2]], [[3, 4]])).toEqual([[3, 8]]);
  });

  it('broadcast a single value', () => {
    expect(score([[1], [2], [3]], 5)).toEqual([[5], [10], [15]]);
    expect(rating(5, [[1, 4, 5]])).toEqual([['Medium', 'Critical', 'Critical']]);
  });

  it('treat a 1×1 range as one value, still returning a range', () => {
    expect(score([[4]], 3)).toEqual([[12]]);
    expect(score([[4]], [[1], [2]])).toEqual([[4], [8]]);
  });

  it('give a blank or an error per cell, not for the whole range', () => {
    expect(score([[1], [null], [9]], 2)).toEqual([[2], [''], [error('impact 9 is outside 1-5')]]);
  });

  it('of different shapes are an error value naming the sizes', () => {
    expect(score([[1], [2]], [[1], [2], [3]])).toEqual(error('ranges must be the same size: 2×1, 3×1'));
    expect(score([[1, 2]], [[1], [2]])).toEqual(error('ranges must be the same size: 1×2, 2×1'));
    expect(isFunctionError(score([], 1))).toBe(true);
  });

  it('with ragged rows read missing cells as blank', () => {
    expect(score([[1, 2], [3]], 2)).toEqual([
      [2, 4],
      [6, ''],
    ]);
  });
});

describe('RISKRATING', () => {
  it('rates every cell of the default matrix as ratingOf does', () => {
    for (let i = 1; i <= 5; i++) {
      for (let p = 1; p <= 5; p++) expect(rating(i, p)).toBe(ratingOf(DEFAULT_MATRIX, i, p).name);
    }
  });

  it('follows a grid cell by cell', () => {
    expect(evaluateRiskFunction('RISKRATING', FIVE_BY_FIVE_GRID, [4, 3])).toBe('High');
    expect(evaluateRiskFunction('RISKRATING', FIVE_BY_FIVE_GRID, [3, 4])).toBe('Medium');
    expect(evaluateRiskFunction('RISKRATING', SIX_BY_SIX_GRID, [6, 6])).toBe('Severe');
  });

  it('gives blanks and errors as RISKSCORE does', () => {
    expect(rating('', 3)).toBe('');
    expect(rating(6, 1)).toEqual(error('impact 6 is outside 1-5'));
    expect(rating('4', '5')).toBe('Critical');
  });
});

describe('RISKTREND', () => {
  it.each<[FunctionArgument, FunctionArgument, FunctionResult]>([
    [8, 12, '↑'],
    [12, 8, '↓'],
    [12, 12, '↔'],
    ['12', 12, '↔'],
    [null, 12, 'New'],
    ['', '6', 'New'],
    [12, null, ''],
    [null, null, ''],
    ['abc', null, ''],
    [12, 'abc', error('current "abc" is not a number')],
    ['abc', 12, error('previous "abc" is not a number')],
  ])('RISKTREND(%j, %j) is %j', (previous, current, expected) => {
    expect(trend(previous, current)).toEqual(expected);
  });

  it('works over ranges', () => {
    expect(trend([[null], [4], [9]], [[4], [9], [9]])).toEqual([['New'], ['↑'], ['↔']]);
  });

  test.prop([fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 })])(
    'RISKTREND(a, b) and RISKTREND(b, a) are mirror arrows',
    (a, b) => {
      const mirror: Record<string, string> = { '↑': '↓', '↓': '↑', '↔': '↔' };
      const forward = trend(a, b) as string;
      expect(trend(b, a)).toBe(mirror[forward]);
      expect(forward).toBe(b > a ? '↑' : b < a ? '↓' : '↔');
    },
  );
});

describe('never throws', () => {
  const cellValue = fc.oneof(
    fc.integer({ min: -10, max: 40 }),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant({ kind: 'error' as const, code: '#REF!' }),
    fc.constant({ kind: 'date' as const, iso: '2022-01-01' }),
  );
  const argument = fc.oneof(cellValue, fc.array(fc.array(cellValue, { maxLength: 3 }), { maxLength: 3 }));

  test.prop([fc.constantFrom('RISKSCORE', 'RISKRATING', 'RISKTREND'), argument, argument])(
    'whatever the arguments, the result is a value or an error value',
    (name, a, b) => {
      const result = evaluateRiskFunction(name, DEFAULT_MATRIX, [a, b]);
      const cells = Array.isArray(result) ? result.flat() : [result];
      for (const cell of cells) {
        expect(typeof cell === 'number' || typeof cell === 'string' || isFunctionError(cell)).toBe(true);
      }
    },
  );
});

it('functionError builds the error value', () => {
  expect(functionError('x')).toEqual({ kind: 'error', code: '#VALUE!', message: 'x' });
  expect(isFunctionError(functionError('x'))).toBe(true);
  expect(isFunctionError({ kind: 'error', code: '#N/A' })).toBe(false);
  expect(isFunctionError('#VALUE!')).toBe(false);
});
