/** The fake is only worth what its strictness is: these are the Office.js rules the add-in is held to. */
import { describe, expect, it } from 'vitest';
import { createOfficeFake, type FakeRequestContext } from '../support/office-fake/index.ts';
import { cellFromOffice } from '../../excel-addin/read-grid.ts';

type Run = <T>(batch: (context: FakeRequestContext) => Promise<T>) => Promise<T>;

function open(limits?: { request: number; response: number }) {
  const fake = createOfficeFake(limits ? { limits } : {});
  fake.loadSheets([{ name: 'Sheet1', rows: [['a', 1]] }]);
  return { fake, run: (fake.globals.Excel as { run: Run }).run };
}

describe('the Office.js fake', () => {
  it('throws PropertyNotLoaded for a property read before load() and sync()', async () => {
    const { run } = open();
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
    });
  });

  it('applies queued writes at sync, counting syncs', async () => {
    const { fake, run } = open();
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [['b']];
      expect(fake.state.sheet('Sheet1')!.cell(1, 0)).toBeUndefined();
      await context.sync();
    });
    expect(fake.state.sheet('Sheet1')!.cell(1, 0)!.value).toBe('b');
    expect(fake.state.syncCount).toBe(1);
  });

  it('turns =, + and - text into formulas unless the cell is formatted as text first', async () => {
    const { fake, run } = open();
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A3:C3').values = [['=SUM(1)', '-abc', '2022-01-31']];
      const text = sheet.getRange('A4:C4');
      text.numberFormat = [['@', '@', '@']];
      text.values = [['=SUM(1)', '-abc', '2022-01-31']];
      await context.sync();
    });
    const sheet = fake.state.sheet('Sheet1')!;
    expect(sheet.cell(2, 0)!.formula).toBe('=SUM(1)');
    expect(sheet.cell(2, 1)!.formula).toBe('=-abc');
    expect(typeof sheet.cell(2, 2)!.value).toBe('number');
    expect([0, 1, 2].map((c) => sheet.cell(3, c)!.value)).toEqual(['=SUM(1)', '-abc', '2022-01-31']);
    expect(sheet.cell(3, 0)!.formula).toBeUndefined();
  });

  it('refuses requests and responses over the payload limits', async () => {
    const { run } = open({ request: 10_000, response: 10_000 });
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x'.repeat(20_000)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const big = open({ request: 100_000, response: 10_000 });
    await big.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x'.repeat(20_000)]];
      await context.sync();
    });
    await expect(
      big.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('raises onChanged for a user edit, and for the add-in only while events are on', async () => {
    const { fake, run } = open();
    const seen: string[] = [];
    await run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event: { triggerSource: string; address: string }) => {
        seen.push(`${event.triggerSource} ${event.address}`);
      });
      await context.sync();
    });
    await fake.edit('Sheet1', 'B2', [[5]]);
    await run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [[1]];
      await context.sync();
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem('Sheet1').getRange('C4').values = [[1]];
      context.runtime.enableEvents = true;
      await context.sync();
    });
    await fake.settle();
    expect(seen).toEqual(['Unknown B2', 'ThisLocalAddin C3']);
  });
});

describe('read-grid', () => {
  it('reads serials in date formats as calendar dates, and nothing else', () => {
    expect(cellFromOffice(44788, 'dd/mm/yyyy')).toEqual({ kind: 'date', iso: '2022-08-15' });
    expect(cellFromOffice(44788, '[$-en-GB]d mmm yyyy;@')).toEqual({ kind: 'date', iso: '2022-08-15' });
    expect(cellFromOffice(44788, 'General')).toBe(44788);
    expect(cellFromOffice(0.5, 'h:mm')).toBe(0.5);
    expect(cellFromOffice('', 'General')).toBeNull();
    expect(cellFromOffice(44788, '0.00 "days"')).toBe(44788);
    expect(cellFromOffice(44788, '#,##0')).toBe(44788);
  });
});
