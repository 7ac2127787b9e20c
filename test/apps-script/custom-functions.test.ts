// RISKSCORE, RISKRATING and RISKTREND called by their global names in the built Code.js.
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../core/index.ts';
import { DEFAULT_MATRIX_SPEC, scoringSheetRows } from '../../core/index.ts';
import { SIX_BANDS_SPEC } from '../contract/scenarios.ts';
import { loadScript } from './load-code.ts';

/** A block as Sheets hands it to a custom function: rectangular, '' for an empty cell. */
function sheetsValues(rows: readonly (readonly CellValue[])[]): unknown[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const value = row[c];
      return value === null || value === undefined ? '' : value;
    }),
  );
}

const sixBandsScoring = (): SheetGrid => ({ name: 'Scoring', rows: scoringSheetRows(SIX_BANDS_SPEC) });

describe('custom functions in Code.js', () => {
  it('take single values and give single values, blank for blanks', async () => {
    const { script } = await loadScript();
    expect(script.RISKSCORE!(4, 3)).toBe(12);
    expect(script.RISKRATING!(4, 3)).toBe('High');
    expect(script.RISKRATING!(5, 5)).toBe('Critical');
    expect(script.RISKTREND!('', 12)).toBe('New');
    expect(script.RISKTREND!(12, 16)).toBe('↑');
    expect(script.RISKSCORE!('', 3)).toBe('');
    expect(script.RISKSCORE!(4, undefined)).toBe('');
    expect(script.RISKSCORE!('4', ' 3 ')).toBe(12);
  });

  it("over an open-ended column (Set up's C2:C) leave out the trailing blank rows, so the spill stops at the data", async () => {
    const { script } = await loadScript();
    const impact = [[4], [''], [2], ...Array.from({ length: 996 }, () => [''])];
    const probability = [[3], [''], [5], ...Array.from({ length: 996 }, () => [''])];
    expect(script.RISKSCORE!(impact, probability)).toEqual([[12], [''], [10]]);
    expect(script.RISKSCORE!([[''], ['']], [[''], ['']])).toEqual([['']]);
  });

  it('throw on a bad single value, so Sheets shows the message on the cell', async () => {
    const { script } = await loadScript();
    expect(() => script.RISKSCORE!(6, 1)).toThrow('impact 6 is outside 1-5');
    expect(() => script.RISKRATING!(2.5, 1)).toThrow('impact 2.5 is not a whole number');
    expect(() => script.RISKTREND!('abc', 3)).toThrow(
      'previous "abc" is neither a score nor one of the ratings',
    );
  });

  it('map ranges to same-shaped ranges; a bad cell gets its message as text, not a throw', async () => {
    const { script } = await loadScript();
    expect(script.RISKSCORE!([[1], [6], [''], [4]], [[5], [5], [5], [4]])).toEqual([
      [5],
      ['impact 6 is outside 1-5'],
      [''],
      [16],
    ]);
    expect(
      script.RISKRATING!(
        [
          [1, 2],
          [3, 'x'],
        ],
        5,
      ),
    ).toEqual([
      ['Medium', 'Medium'],
      ['High', 'impact "x" is not a number'],
    ]);
    expect(script.RISKTREND!([[''], [4], [9]], [[4], [4], [6]])).toEqual([['New'], ['↔'], ['↓']]);
    expect(() => script.RISKSCORE!([[1], [2]], [[1], [2], [3]])).toThrow(
      'ranges must be the same size: 2×1, 3×1',
    );
  });

  it('read a date argument in the spreadsheet zone (local midnight in London is 23:00 UTC in summer)', async () => {
    const { script, run } = await loadScript();
    const summer = run<Date>('new Date(Date.UTC(2022, 5, 30, 23))');
    expect(() => script.RISKSCORE!(summer, 3)).toThrow('impact 2022-07-01 is not a number');
  });

  it('follow a Scoring range given as the last argument', async () => {
    const { script, fake } = await loadScript();
    const scoring = sheetsValues(scoringSheetRows(SIX_BANDS_SPEC));
    const before = fake.calls.count;
    expect(script.RISKRATING!(3, 3, scoring)).toBe('High/Medium');
    expect(script.RISKRATING!([[1], [5]], [[2], [5]], scoring)).toEqual([['Very low'], ['Severe']]);
    expect(script.RISKSCORE!(3, 3, scoring)).toBe(9);
    // The range is the argument: the spreadsheet is not read.
    expect(fake.calls.count).toBe(before);
  });

  it("without the range, read the spreadsheet's Scoring sheet once per execution", async () => {
    const { script, fake } = await loadScript([sixBandsScoring()]);
    expect(script.RISKRATING!(3, 3)).toBe('High/Medium');
    const afterFirst = fake.calls.count;
    expect(afterFirst).toBeGreaterThan(0);
    expect(script.RISKRATING!(5, 5)).toBe('Severe');
    expect(fake.calls.count).toBe(afterFirst);
  });

  it('find the Scoring sheet ignoring case and spaces, and use the default matrix when there is none', async () => {
    const renamed = await loadScript([{ ...sixBandsScoring(), name: ' scoring ' }]);
    expect(renamed.script.RISKRATING!(3, 3)).toBe('High/Medium');
    const none = await loadScript([{ name: 'Risks', rows: [['ID']] }]);
    expect(none.script.RISKRATING!(3, 3)).toBe('Medium');
  });

  it('name the first fault of a broken Scoring range', async () => {
    const rows = scoringSheetRows(DEFAULT_MATRIX_SPEC).map((row) =>
      row.map((value) => (value === '#C00000' ? 'red' : value)),
    );
    const { script } = await loadScript();
    expect(() => script.RISKRATING!(1, 1, sheetsValues(rows))).toThrow(
      /^Scoring![A-Z]+\d+: rating "Critical" colour "red" is not a colour/,
    );
  });

  it('onOpen adds the Risk register menu', async () => {
    const { script, fake } = await loadScript();
    script.onOpen!({});
    expect(fake.ui.menus).toEqual([
      {
        caption: 'Risk register',
        items: [
          { caption: 'Generate quarterly register…', functionName: 'generateQuarterlyRegister' },
          { caption: 'Validate register', functionName: 'validateRegister' },
          { caption: 'Set up sheets', functionName: 'setUpSheets' },
        ],
      },
    ]);
  });
});
