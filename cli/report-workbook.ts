// New workbooks the CLI writes, with one set of workbook properties.
import ExcelJS from 'exceljs';

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'risk-register';
  workbook.lastModifiedBy = 'risk-register';
  // Ask every client to recalculate on open: formulas are written without cached results.
  workbook.calcProperties.fullCalcOnLoad = true;
  return workbook;
}
