// A column's formulas as one R1C1 formula: the adapter's A1 → R1C1, checked against the fake's
// own R1C1 → A1 (test/support/sheets-fake/r1c1.ts), which Sheets' setFormulaR1C1 stands for.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { columnFormulas, r1c1Of } from '../../apps-script/column-formulas.ts';
import { columnLetter } from '../../core/index.ts';
import { a1FormulaOf } from '../support/sheets-fake/r1c1.ts';

const reference = fc
  .record({
    column: fc.integer({ min: 0, max: 200 }),
    row: fc.integer({ min: 0, max: 5000 }),
    absColumn: fc.boolean(),
    absRow: fc.boolean(),
  })
  .map(
    ({ column, row, absColumn, absRow }) =>
      `${absColumn ? '$' : ''}${columnLetter(column)}${absRow ? '$' : ''}${row + 1}`,
  );
const sheet = fc.constantFrom('Scoring', "'Bob''s A1 risks'", "'Q2 2022-23'");

describe('r1c1Of', () => {
  it('writes the Set up formula of a row relative to its cell', () => {
    expect(r1c1Of('RISKSCORE(D2,C2,Scoring!$A$1:$K$31)', 1, 5)).toBe(
      '=RISKSCORE(RC[-2],RC[-3],Scoring!R1C1:R31C11)',
    );
    expect(r1c1Of('RISKRATING(C9,D9)', 8, 5)).toBe('=RISKRATING(RC[-3],RC[-2])');
  });

  it('leaves string literals, quoted sheet names and function names alone', () => {
    expect(r1c1Of(`IF(A1="B2",LOG10(C3),'D4 sheet'!E5)`, 0, 0)).toBe(
      `=IF(RC="B2",LOG10(R[2]C[2]),'D4 sheet'!R[4]C[4])`,
    );
  });

  test.prop([
    fc.array(reference, { minLength: 1, maxLength: 4 }),
    sheet,
    fc.integer({ min: 0, max: 3000 }),
    fc.integer({ min: 0, max: 50 }),
  ])('reads back as the same A1 formula in its cell', (refs, sheetName, row, column) => {
    const formula = `RISKSCORE(${refs.join(',')},${sheetName}!$A$1:$K$31,"C3 text")`;
    const a1 = a1FormulaOf(r1c1Of(formula, row, column), row + 1, column + 1);
    expect(a1).toBe(`=${formula}`);
  });
});

describe('columnFormulas', () => {
  const formulaCell = (formula: string) => [{ value: { formula } }];
  it('puts the runs of a column with one relative formula into one list, and leaves the rest', () => {
    const { lists, rest } = columnFormulas([
      { top: 1, left: 4, cells: [formulaCell('RISKSCORE(C2,D2)'), formulaCell('RISKSCORE(C3,D3)')] },
      { top: 5, left: 4, cells: [formulaCell('RISKSCORE(C6,D6)')] },
      { top: 1, left: 5, cells: [formulaCell('RISKRATING(C2,D2)')] },
      { top: 8, left: 4, cells: [[{ value: { formula: 'RISKSCORE(C9,D9)' }, style: { bold: true } }]] },
      { top: 0, left: 0, cells: [[{ value: 'ID' }, { value: 'Risk name' }]] },
    ]);
    expect(lists).toEqual([
      { a1s: ['E2:E3', 'E6:E6'], r1c1: '=RISKSCORE(RC[-2],RC[-1])' },
      { a1s: ['F2:F2'], r1c1: '=RISKRATING(RC[-3],RC[-2])' },
    ]);
    expect(rest.map((block) => [block.top, block.left])).toEqual([
      [8, 4],
      [0, 0],
    ]);
  });
});
