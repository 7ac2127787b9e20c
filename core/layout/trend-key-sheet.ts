/** How to read the trend columns: the key the reference prints under its register, on its own sheet. */
import { sheetPlan } from './sheet-plan-defaults.ts';
import type { SheetPlan } from './sheet-plan.ts';
import type { Trend } from '../register/trend.ts';
import { BODY, NOTE, TITLE, TREND, cell, headerRow } from './styles.ts';

const TREND_KEY_SHEET = 'Trend key';

const MEANINGS: readonly (readonly [Trend, string, string])[] = [
  ['↑', 'Worsened', 'The score rose since the previous quarter.'],
  ['↓', 'Improved', 'The score fell since the previous quarter.'],
  ['↔', 'Unchanged', 'The score is the same as in the previous quarter.'],
  ['New', 'New', 'The risk was first assessed in this quarter.'],
  ['N/A', 'Not applicable', 'The risk had not yet been assessed in this quarter.'],
];

export function trendKeySheetPlan(): SheetPlan {
  return sheetPlan({
    name: TREND_KEY_SHEET,
    cells: [
      [cell('Risk trend key', TITLE)],
      [],
      headerRow(['Trend', 'Meaning', 'When it shows']),
      ...MEANINGS.map(([symbol, meaning, when]) => [
        cell(symbol, TREND),
        cell(meaning, BODY),
        cell(when, BODY),
      ]),
      [],
      [
        cell(
          'A score stands until the risk is re-assessed: a quarter without a new assessment carries the last score forward.',
          NOTE,
        ),
      ],
      [cell('Score = impact × probability; the residual risk rating comes from the scoring guidance.', NOTE)],
    ],
    columnWidths: [10, 18, 55],
    print: { orientation: 'portrait', fitToWidth: true, repeatRows: 0 },
  });
}
