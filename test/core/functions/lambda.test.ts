import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_MATRIX } from '../../../core/matrix/default-matrix.ts';
import {
  evaluateRiskFunction,
  isFunctionError,
  type FunctionScalar,
} from '../../../core/functions/functions.ts';
import {
  lambdaDefinitions,
  substituteParameters,
  type LambdaDefinition,
} from '../../../core/functions/lambda.ts';
import { matrixFromSpec } from '../../../core/matrix/check-matrix.ts';
import type { RiskMatrix } from '../../../core/matrix/matrix.ts';
import {
  BLANK_CELL,
  evaluateFormula,
  functionsCalled,
  isFormulaArray,
  isFormulaError,
  SUPPORTED_FUNCTIONS,
  type Scalar,
  type Value,
} from '../../support/formula-eval.ts';
import {
  FIVE_BY_FIVE_GRID,
  FOUR_BY_FOUR_BANDS_SPEC,
  FOUR_BY_SIX_BANDS,
  SIX_BY_SIX_GRID,
  withRatingsRenamed,
} from '../../support/matrices.ts';

function definition(matrix: RiskMatrix, name: string): LambdaDefinition {
  return lambdaDefinitions(matrix).find((d) => d.name === name)!;
}

/** A cell value as the LAMBDA sees it: a truly empty cell is BLANK_CELL. */
function asFormulaValue(value: FunctionScalar): Scalar {
  if (value === null || value === undefined) return BLANK_CELL;
  if (typeof value === 'object') throw new Error('not used here');
  return value;
}

/** The LAMBDA's result for one call, and the function table's, in comparable form. */
function both(matrix: RiskMatrix, name: string, args: readonly FunctionScalar[]) {
  const def = definition(matrix, name);
  const env: Record<string, Value> = Object.fromEntries(
    def.parameters.map((parameter, i): [string, Value] => [parameter, asFormulaValue(args[i])]),
  );
  const lambda = evaluateFormula(def.body, env);
  const fn = evaluateRiskFunction(name, matrix, args);
  return {
    lambda: isFormulaError(lambda) ? 'error' : lambda,
    fn: isFunctionError(fn) ? 'error' : fn,
  };
}

const MATRICES: [string, RiskMatrix][] = [
  ['default', DEFAULT_MATRIX],
  ['5x5 grid', FIVE_BY_FIVE_GRID],
  ['6x6 grid', SIX_BY_SIX_GRID],
  ['4x6 bands', FOUR_BY_SIX_BANDS],
];

describe('lambdaDefinitions', () => {
  it('defines RISKSCORE, RISKRATING and RISKTREND with the table parameters', () => {
    const defs = lambdaDefinitions(DEFAULT_MATRIX);
    expect(defs.map((d) => [d.name, d.parameters])).toEqual([
      ['RISKSCORE', ['impact', 'probability']],
      ['RISKRATING', ['impact', 'probability']],
      ['RISKTREND', ['previous', 'current']],
    ]);
  });

  it('writes the display form as Excel shows it and the file form as workbook.xml stores it', () => {
    for (const def of lambdaDefinitions(FIVE_BY_FIVE_GRID)) {
      const params = def.parameters.join(',');
      expect(def.displayFormula).toBe(`=LAMBDA(${params},${def.body})`);
      expect(
        def.fileFormula.startsWith(`_xlfn.LAMBDA(${def.parameters.map((p) => `_xlpm.${p}`).join(',')},`),
      ).toBe(true);
      expect(def.fileFormula.startsWith('=')).toBe(false);
      // Identical but for the prefixes.
      expect(def.fileFormula.replace(/_xlfn\.|_xlpm\./g, '')).toBe(def.displayFormula.slice(1));
      // No bare parameter is left in the file form.
      const fileBody = def.fileFormula.slice(def.fileFormula.indexOf(',' + 'IF(') + 1, -1);
      const bare = fileBody
        .replace(/"(?:[^"]|"")*"/g, '')
        .match(/(?<![\w.])(impact|probability|previous|current)\b/g);
      expect(bare).toBeNull();
    }
  });

  it.each(MATRICES)('uses only functions that evaluate element-wise everywhere (%s)', (_, matrix) => {
    for (const def of lambdaDefinitions(matrix)) {
      const called = functionsCalled(def.body);
      for (const name of called) expect(SUPPORTED_FUNCTIONS as readonly string[]).toContain(name);
      expect(def.body).not.toMatch(/\b(AND|OR|LET|XLOOKUP|SWITCH|IFS|IFERROR)\(/);
    }
  });

  it('evaluates the file form too, with the prefixed parameter names', () => {
    const def = definition(DEFAULT_MATRIX, 'RISKRATING');
    const body = def.fileFormula.slice('_xlfn.LAMBDA(_xlpm.impact,_xlpm.probability,'.length, -1);
    expect(evaluateFormula(body, { '_xlpm.impact': 4, '_xlpm.probability': 3 })).toBe('High');
  });
});

describe('the LAMBDA bodies agree with the function table', () => {
  it.each(MATRICES)('RISKSCORE and RISKRATING on every cell of the %s matrix', (_, matrix) => {
    for (let impact = 1; impact <= matrix.impactLevels; impact++) {
      for (let probability = 1; probability <= matrix.probabilityLevels; probability++) {
        for (const name of ['RISKSCORE', 'RISKRATING']) {
          const { lambda, fn } = both(matrix, name, [impact, probability]);
          expect(lambda, `${name}(${impact}, ${probability})`).toBe(fn);
          expect(lambda).not.toBe('error');
        }
      }
    }
  });

  it('follow the grid where it departs from the score', () => {
    const rating = definition(FIVE_BY_FIVE_GRID, 'RISKRATING');
    expect(evaluateFormula(rating.body, { impact: 4, probability: 3 })).toBe('High');
    expect(evaluateFormula(rating.body, { impact: 3, probability: 4 })).toBe('Medium');
  });

  const oddValues: FunctionScalar[] = [0, 6, 7, -1, 2.5, '2.5', 'abc', '3', ' 4 ', '', null, 1e9];
  it.each(MATRICES)('RISKSCORE and RISKRATING on blanks and bad values (%s)', (_, matrix) => {
    const values: FunctionScalar[] = [1, matrix.impactLevels, ...oddValues];
    for (const impact of values) {
      for (const probability of values) {
        for (const name of ['RISKSCORE', 'RISKRATING']) {
          const { lambda, fn } = both(matrix, name, [impact, probability]);
          expect(lambda, `${name}(${JSON.stringify(impact)}, ${JSON.stringify(probability)})`).toEqual(fn);
        }
      }
    }
  });

  it('RISKTREND on scores, blanks and bad values', () => {
    const values: FunctionScalar[] = [1, 4, 12, '12', 25, 0, 2.5, 'abc', '', null];
    for (const previous of values) {
      for (const current of values) {
        const { lambda, fn } = both(DEFAULT_MATRIX, 'RISKTREND', [previous, current]);
        expect(lambda, `RISKTREND(${JSON.stringify(previous)}, ${JSON.stringify(current)})`).toEqual(fn);
      }
    }
    const trend = definition(DEFAULT_MATRIX, 'RISKTREND');
    expect(evaluateFormula(trend.body, { previous: BLANK_CELL, current: 9 })).toBe('New');
    expect(evaluateFormula(trend.body, { previous: 9, current: 12 })).toBe('↑');
    expect(evaluateFormula(trend.body, { previous: 12, current: 9 })).toBe('↓');
    expect(evaluateFormula(trend.body, { previous: 9, current: 9 })).toBe('↔');
  });

  test.prop([fc.integer({ min: -3, max: 12 }), fc.integer({ min: -3, max: 12 })])(
    'any whole numbers on the 6x6 grid',
    (impact, probability) => {
      for (const name of ['RISKSCORE', 'RISKRATING']) {
        const { lambda, fn } = both(SIX_BY_SIX_GRID, name, [impact, probability]);
        expect(lambda).toEqual(fn);
      }
    },
  );
});

describe('element-wise over ranges', () => {
  const column = (values: Scalar[]): Value => ({ rows: values.map((value) => [value]) });

  it('returns one result per cell, as the functions do', () => {
    const impact: Scalar[] = [1, 3, 5, BLANK_CELL, 6];
    const probability: Scalar[] = [5, 4, 5, 2, 1];
    const toArg = (values: Scalar[]) =>
      values.map((value) => [value === BLANK_CELL ? null : (value as number)]);
    for (const name of ['RISKSCORE', 'RISKRATING']) {
      const def = definition(DEFAULT_MATRIX, name);
      const result = evaluateFormula(def.body, { impact: column(impact), probability: column(probability) });
      expect(isFormulaArray(result)).toBe(true);
      const expected = evaluateRiskFunction(name, DEFAULT_MATRIX, [
        toArg(impact),
        toArg(probability),
      ]) as unknown[][];
      const got = isFormulaArray(result)
        ? result.rows.map((row) => row.map((v) => (isFormulaError(v) ? 'error' : v)))
        : [];
      expect(got).toEqual(expected.map((row) => row.map((v) => (isFunctionError(v) ? 'error' : v))));
    }
  });

  it('RISKTREND over two columns', () => {
    const def = definition(DEFAULT_MATRIX, 'RISKTREND');
    const result = evaluateFormula(def.body, {
      previous: column([BLANK_CELL, 4, 9, 9]),
      current: column([4, 9, 9, 6]),
    });
    expect(result).toEqual({ rows: [['New'], ['↑'], ['↔'], ['↓']] });
  });
});

describe('substituteParameters', () => {
  it('puts formula text in place of each parameter, bracketed', () => {
    const def = definition(DEFAULT_MATRIX, 'RISKSCORE');
    const body = substituteParameters(def, { impact: 'C2', probability: 'D2' });
    expect(body).toContain('(C2)*(D2)');
    expect(body).not.toMatch(/\bimpact\b|\bprobability\b/);
    expect(evaluateFormula(substituteParameters(def, { impact: '4', probability: '"3"' }))).toBe(12);
    expect(evaluateFormula(substituteParameters(def, { impact: '2+2', probability: '3' }))).toBe(12);
    expect(
      isFormulaError(evaluateFormula(substituteParameters(def, { impact: '6', probability: '1' }))),
    ).toBe(true);
    expect(evaluateFormula(substituteParameters(def, { impact: '""', probability: '1' }))).toBe('');
  });

  it('substitutes array constants for ranges', () => {
    const def = definition(FIVE_BY_FIVE_GRID, 'RISKRATING');
    expect(evaluateFormula(substituteParameters(def, { impact: '{4;3}', probability: '{3;4}' }))).toEqual({
      rows: [['High'], ['Medium']],
    });
  });

  it('leaves rating names alone even when they spell a parameter', () => {
    const matrix = matrixFromSpec(
      withRatingsRenamed(FOUR_BY_FOUR_BANDS_SPEC, { Green: 'impact', Yellow: 'Say "probability"' }),
    );
    const def = definition(matrix, 'RISKRATING');
    expect(evaluateFormula(substituteParameters(def, { impact: '1', probability: '1' }))).toBe('impact');
    expect(evaluateFormula(substituteParameters(def, { impact: '2', probability: '2' }))).toBe(
      'Say "probability"',
    );
    expect(def.fileFormula).toContain('"Say ""probability"""');
  });

  it('refuses a missing parameter', () => {
    expect(() => substituteParameters(definition(DEFAULT_MATRIX, 'RISKTREND'), { current: 'A1' })).toThrow(
      'previous',
    );
  });
});
