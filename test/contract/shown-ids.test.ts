/**
 * IDs read as shown in the Sheets and Excel ports (issue #18): an ID typed 7 in a cell formatted
 * `000` shows 007, so the port hands the core '007' for the ID column only (an impact formatted
 * `00` stays a number). Sheets asks getDisplayValues for the ID column, and only when it holds
 * numbers; Excel reads the number format it loads with the values anyway (no extra sync).
 */
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../core/index.ts';
import { SheetsWorkbookPort } from '../../apps-script/workbook-port.ts';
import type { SpreadsheetApi, SpreadsheetAppApi } from '../../apps-script/sheets-api.ts';
import { createSheetsFake } from '../support/sheets-fake/index.ts';
import { openOfficePort } from './ports/office-port.ts';

const risks: SheetGrid = {
  name: 'Risks',
  rows: [
    ['ID', 'Risk name', 'Impact'],
    [7, 'Seven', 3],
    [10, 'Ten', 4],
  ],
};
const textIds: SheetGrid = {
  name: 'Risks',
  rows: [
    ['ID', 'Risk name'],
    ['CRR1', 'One'],
  ],
};

describe('Sheets: getDisplayValues for the ID column only', () => {
  function open(grid: SheetGrid) {
    const fake = createSheetsFake({ sheets: [grid] });
    const sheet = fake.spreadsheet.sheets[0]!;
    for (const r of [1, 2]) {
      const id = sheet.peek(r, 0);
      if (id) id.numberFormat = '000';
      const impact = sheet.peek(r, 2);
      if (impact) impact.numberFormat = '00';
    }
    const port = new SheetsWorkbookPort(
      fake.spreadsheet as unknown as SpreadsheetApi,
      fake.SpreadsheetApp as unknown as SpreadsheetAppApi,
      fake.Utilities,
    );
    return { fake, port };
  }

  it('numbers in a 000 ID column read as 007 and 010, with one extra call', async () => {
    const { fake, port } = open(risks);
    const [block] = await port.read([{ sheet: 'Risks' }]);
    expect(block!.rows).toEqual([
      ['ID', 'Risk name', 'Impact'],
      ['007', 'Seven', 3],
      ['010', 'Ten', 4],
    ]);
    expect(fake.calls.byMethod.get('Range.getDisplayValues')).toBe(1);
  });

  it('text IDs cost no extra call', async () => {
    const { fake, port } = open(textIds);
    await port.read([{ sheet: 'Risks' }]);
    expect(fake.calls.byMethod.get('Range.getDisplayValues') ?? 0).toBe(0);
  });
});

describe('Excel: the number format loaded with the values', () => {
  it('numbers in a 000 ID column read as 007 and 010 in the same syncs', async () => {
    const opened = await openOfficePort([risks]);
    const sheet = opened.fake.state.sheets.find((s) => s.name === 'Risks')!;
    for (const r of [1, 2]) {
      sheet.cellForWrite(r, 0).numberFormat = '000';
      sheet.cellForWrite(r, 2).numberFormat = '00';
    }
    const [block] = await opened.port.read([{ sheet: 'Risks' }]);
    expect(block!.rows).toEqual([
      ['ID', 'Risk name', 'Impact'],
      ['007', 'Seven', 3],
      ['010', 'Ten', 4],
    ]);
    expect(opened.roundTrips()).toBe(1);
  });
});
