// The exceljs port builds each new sheet under a temporary name, then replaces the old one.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookGrids } from '../../cli/read-grid.ts';
import { XlsxWorkbookPort } from '../../cli/workbook-port.ts';
import { sheetPlan } from '../../core/layout/sheet-plan-defaults.ts';

describe('XlsxWorkbookPort.writeSheets', () => {
  it('never takes a user sheet for its temporary one, whatever it is called', async () => {
    const target = new ExcelJS.Workbook();
    target.addWorksheet('~Register').getCell('A1').value = 'the user’s own';
    target.addWorksheet('Register').getCell('A1').value = 'old register';
    const port = new XlsxWorkbookPort(workbookGrids(target), target);
    const plan = sheetPlan({
      name: 'Register',
      cells: [[{ value: 'new register' }]],
      columnWidths: [10],
      print: { orientation: 'portrait', fitToWidth: true, repeatRows: 0 },
    });
    await port.writeSheets([plan]);
    expect(target.worksheets.map((s) => [s.name, s.getCell('A1').value])).toEqual([
      ['~Register', 'the user’s own'],
      ['Register', 'new register'],
    ]);
  });
});
