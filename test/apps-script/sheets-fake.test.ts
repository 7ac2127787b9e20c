// The SpreadsheetApp fake is strict where the adapter relies on Sheets' behaviour.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createSheetsFake } from '../support/sheets-fake/index.ts';

function sheetOf() {
  const fake = createSheetsFake();
  const sheet = fake.spreadsheet.insertSheet('Data', 0);
  return { fake, sheet };
}

describe('SpreadsheetApp fake', () => {
  it('parses strings as Sheets does: = is a formula, an apostrophe marks text, number text becomes a number', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange(1, 1, 1, 5);
    range.setValues([['=1+1', "'=1+1", '+1', '-2.5', "'-x"]]);
    expect(range.getFormulas()).toEqual([['=1+1', '', '', '', '']]);
    expect(range.getValues()).toEqual([['', '=1+1', 1, -2.5, '-x']]);
  });

  it('keeps strings as typed in cells formatted @, and refuses an apostrophe there too', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:B1');
    range.setNumberFormats([['@', '@']]);
    range.setValues([['=SUM(A1)', '+1']]);
    expect(range.getValues()).toEqual([['=SUM(A1)', '+1']]);
    expect(range.getFormulas()).toEqual([['', '']]);
    expect(() => range.setValues([["'x", '']])).toThrow(/not both/);
  });

  it('refuses what Sheets does not document: +/-/@ text that is no number', () => {
    const { sheet } = sheetOf();
    for (const text of ['-x', '+ y', '@name'])
      expect(() => sheet.getRange(1, 1).setValues([[text]])).toThrow(/write it as text/);
  });

  it('is strict about shapes and sizes', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(/number of rows in the data/);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1]])).toThrow(/number of columns in the data/);
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1, 27)).toThrow(/outside the dimensions/);
    expect(() => sheet.getRange(1, 1).setValues([[undefined]])).toThrow(/undefined/);
  });

  it('gives dates as local midnight in Europe/London and takes only Dates of its own realm', () => {
    const context = vm.createContext({});
    const ContextDate = vm.runInContext('Date', context) as DateConstructor;
    const fake = createSheetsFake({
      Date: ContextDate,
      sheets: [
        {
          name: 'D',
          rows: [
            [
              { kind: 'date', iso: '2022-07-01' },
              { kind: 'date', iso: '2022-01-01' },
            ],
          ],
        },
      ],
    });
    const range = fake.spreadsheet.getSheets()[0]!.getRange(1, 1, 1, 2);
    const [summer, winter] = range.getValues()[0] as Date[];
    expect(summer).toBeInstanceOf(ContextDate);
    expect(summer!.toISOString()).toBe('2022-06-30T23:00:00.000Z');
    expect(winter!.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(fake.Utilities.formatDate(summer!, 'Europe/London', 'yyyy-MM-dd')).toBe('2022-07-01');
    expect(() => range.setValues([[new Date(), '']])).toThrow(/another realm/);
    range.setValues([[new ContextDate(Date.UTC(2023, 5, 30, 23)), '']]);
    expect(fake.Utilities.formatDate(range.getValues()[0]![0] as Date, 'Europe/London', 'yyyy-MM-dd')).toBe(
      '2023-07-01',
    );
  });

  it('counts every call on spreadsheets, sheets and ranges, and none on builders', () => {
    const { fake, sheet } = sheetOf();
    const before = fake.calls.count;
    const range = sheet.getRange(1, 1, 2, 2);
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    fake.SpreadsheetApp.newDataValidation().requireDate().build();
    expect(fake.calls.count - before).toBe(3);
  });

  it('keeps sheet names unique ignoring case and will not delete the last sheet', () => {
    const fake = createSheetsFake();
    fake.spreadsheet.insertSheet('Risks', 0);
    expect(() => fake.spreadsheet.insertSheet('risks', 0)).toThrow(/already exists/);
    const only = createSheetsFake();
    expect(() => only.spreadsheet.deleteSheet(only.spreadsheet.getSheets()[0]!)).toThrow(/all the sheets/);
  });

  it('answers prompts only from the script a test sets', () => {
    const fake = createSheetsFake();
    const ui = fake.SpreadsheetApp.getUi();
    expect(() => ui.prompt('T', 'Which?', ui.ButtonSet.OK_CANCEL)).toThrow(/no scripted answer/);
    fake.ui.answers.push({ text: 'Q1 2022/23', button: 'OK' });
    const answer = ui.prompt('T', 'Which?', ui.ButtonSet.OK_CANCEL);
    expect([answer.getResponseText(), answer.getSelectedButton()]).toEqual(['Q1 2022/23', ui.Button.OK]);
  });

  it('calculates custom functions: an array in a header cell spills down, counts in getLastRow, and shows #REF! when a value is in the way', () => {
    const { fake, sheet } = sheetOf();
    const calls: unknown[][] = [];
    fake.defineCustomFunctions({
      DOUBLE: (column: unknown) => {
        calls.push([column]);
        return (column as unknown[][]).filter((row) => row[0] !== '').map((row) => [Number(row[0]) * 2]);
      },
    });
    sheet.getRange('A1:A4').setValues([['n'], [1], [2], [3]]);
    sheet.getRange('B1').setFormulas([['={"Double";DOUBLE(A2:A)}']]);
    sheet.getRange('C2').setFormulas([['=DOUBLE(A2:A3)']]);
    expect(sheet.getRange('B1:C4').getValues()).toEqual([
      ['Double', ''],
      [2, 2],
      [4, 4],
      [6, ''],
    ]);
    // The open-ended range runs to the bottom of the sheet (1,000 rows).
    expect((calls[0]![0] as unknown[][]).length).toBe(999);
    expect(fake.customFunctionCells()).toBe(2);
    expect(sheet.getLastRow()).toBe(4);
    sheet.getRange('B3').setValues([[99]]);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([['#REF!'], [''], [99], ['']]);
    expect(sheet.getRange('C2:C3').getValues()).toEqual([[2], [4]]);
    sheet.getRange('C3').setValues([[1]]);
    expect(sheet.getRange('C2:C3').getValues()).toEqual([['#REF!'], [1]]);
  });
});
