// Rendering a plan keeps user text as text, writes formulas as formulas and dates on their day.
import { describe, expect, it } from 'vitest';
import type { SheetPlan } from '../../core/index.ts';
import { renderPlan } from '../../apps-script/render-plan.ts';
import type { SheetApi, SpreadsheetAppApi } from '../../apps-script/sheets-api.ts';
import { sheetsMayParse } from '../../apps-script/write-block.ts';
import { zonedDates } from '../../apps-script/zoned-date.ts';
import { createSheetsFake } from '../support/sheets-fake/index.ts';
import { testPlan } from '../support/test-plan.ts';

const TEXTS = [
  '=1+1',
  '+44 20 7946 0000',
  '-x',
  '@name',
  "'quoted'",
  '2022-07-01',
  '1/2/2022',
  'TRUE',
  'Mar 2022',
  '50%',
  'Plain text',
];

function render(plan: Partial<SheetPlan>) {
  const fake = createSheetsFake();
  const sheet = fake.spreadsheet.insertSheet('Plan', 0);
  const full = testPlan(plan);
  renderPlan(sheet as unknown as SheetApi, full, fake.SpreadsheetApp as unknown as SpreadsheetAppApi, {
    dateOf: zonedDates('Europe/London', fake.Utilities),
  });
  return { fake, sheet };
}

describe('renderPlan', () => {
  it('writes every string as the text it is, with one protection at most', () => {
    const { sheet } = render({
      cells: [
        TEXTS.map((value) => ({ value })),
        TEXTS.map((value) => ({ value, style: { numberFormat: '@' } })),
      ],
    });
    const range = sheet.getRange(1, 1, 2, TEXTS.length);
    expect(range.getValues()).toEqual([TEXTS, TEXTS]);
    expect(
      range
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });

  it('writes formulas as formulas and dates as local midnight of their day, also in summer', () => {
    const { sheet, fake } = render({
      cells: [
        [
          { value: { formula: 'HYPERLINK("#gid=0","A1")' } },
          { value: { kind: 'date', iso: '2022-07-01' } },
          { value: { kind: 'date', iso: '2022-12-25' } },
        ],
      ],
    });
    const range = sheet.getRange(1, 1, 1, 3);
    expect(range.getFormulas()[0]![0]).toBe('=HYPERLINK("#gid=0","A1")');
    const [, summer, winter] = range.getValues()[0] as [unknown, Date, Date];
    expect(summer.toISOString()).toBe('2022-06-30T23:00:00.000Z');
    expect(winter.toISOString()).toBe('2022-12-25T00:00:00.000Z');
    expect(fake.Utilities.formatDate(summer, 'Europe/London', 'yyyy-MM-dd')).toBe('2022-07-01');
  });

  it('sizes the sheet to the plan and sets merges, widths and freezes', () => {
    const { sheet } = render({
      cells: [[{ value: 'Title' }], [{ value: 'a' }, { value: 'b' }]],
      columnWidths: [10, 10],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      frozenRows: 1,
    });
    expect([sheet.maxRows, sheet.maxColumns, sheet.frozenRows]).toEqual([2, 2, 1]);
    expect(sheet.merges.map((m) => m.a1())).toEqual(['A1:B1']);
    expect(sheet.columnWidths.get(1)).toBe(75);
  });

  it('protects exactly the text Sheets could read as something else', () => {
    expect(TEXTS.filter(sheetsMayParse)).toEqual(TEXTS.filter((t) => t !== 'Plain text'));
    expect(sheetsMayParse('Trueman')).toBe(false);
    expect(sheetsMayParse('May review')).toBe(false);
  });
});
