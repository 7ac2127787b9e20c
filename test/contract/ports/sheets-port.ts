/**
 * The Google Sheets port under the contract: the sheets go into the SpreadsheetApp fake, the
 * adapter's SheetsWorkbookPort works on it, and the snapshot reads back what the fake holds —
 * values, formulas, styles, merges, validations and conditional formats. Round trips are the
 * SpreadsheetApp calls the fake counted (each is a round trip in Apps Script), not port calls.
 */
import type { CellValue, SheetGrid, ValidationRule } from '../../../core/index.ts';
import { RISK_FUNCTIONS, a1, a1Range, dateCell, errorCell, formulaBody } from '../../../core/index.ts';
import { customFunction } from '../../../apps-script/functions.ts';
import { SheetsWorkbookPort } from '../../../apps-script/workbook-port.ts';
import type { SpreadsheetApi, SpreadsheetAppApi } from '../../../apps-script/sheets-api.ts';
import {
  createSheetsFake,
  isoInZone,
  type FakeDataValidation,
  type FakeSheet,
} from '../../support/sheets-fake/index.ts';
import type {
  OpenedPort,
  PortUnderTest,
  SheetSnapshot,
  SnapshotValue,
  WorkbookSnapshot,
} from '../port-under-test.ts';
import { validationSummary } from '../port-under-test.ts';

/** A user's date cells carry a date format, as the other ports' fixtures give them. */
const USER_DATE_FORMAT = 'dd/mm/yyyy';

export const SHEETS_PORT: PortUnderTest = {
  name: 'Google Sheets (SpreadsheetApp fake)',
  roundTripPerPortCall: false,
  async open(sheets: readonly SheetGrid[]): Promise<OpenedPort> {
    // The fake calculates the custom functions as the script binds them (Set up's column
    // formulas spill their scores); any other formula reads as #N/A, not blank, as a calculated
    // cell is not blank in Sheets (and Set up must not see its own formulas as empty cells).
    const fake = createSheetsFake({ sheets, formulaValue: () => '#N/A' });
    // The binding reaches SpreadsheetApp through the global scope, as in Apps Script.
    Object.assign(globalThis, fake.globals);
    fake.defineCustomFunctions(Object.fromEntries(RISK_FUNCTIONS.map((fn) => [fn.name, customFunction(fn)])));
    for (const sheet of fake.spreadsheet.sheets) {
      for (const row of sheet.cells)
        for (const cell of row ?? [])
          if (cell?.content?.kind === 'date') cell.numberFormat = USER_DATE_FORMAT;
    }
    const port = new SheetsWorkbookPort(
      fake.spreadsheet as unknown as SpreadsheetApi,
      fake.SpreadsheetApp as unknown as SpreadsheetAppApi,
      fake.Utilities,
    );
    // From here: building the workbook above is not the port's cost.
    const before = fake.calls.count;
    return {
      port,
      roundTrips: () => fake.calls.count - before,
      snapshot: async (): Promise<WorkbookSnapshot> => ({
        sheets: fake.spreadsheet.sheets.map((sheet) => snapshotOf(sheet, fake.spreadsheet.env.timeZone)),
        names: [],
      }),
    };
  },
};

function valueOf(sheet: FakeSheet, r: number, c: number, zone: string): SnapshotValue {
  const content = sheet.peek(r, c)?.content;
  if (!content) return null;
  switch (content.kind) {
    case 'text':
      return content.text === '' ? null : content.text;
    case 'number':
    case 'boolean':
      return content.value;
    case 'date':
      return dateCell(isoInZone(content.ms, zone));
    case 'formula':
      return { formula: formulaBody(content.formula) };
    case 'error':
      return errorCell(content.code) as CellValue;
  }
}

function ruleOf(validation: FakeDataValidation): ValidationRule {
  const values = validation.getCriteriaValues();
  switch (validation.getCriteriaType()) {
    case 'VALUE_IN_LIST':
      return { kind: 'list', values: values[0] as string[] };
    case 'NUMBER_BETWEEN':
      return { kind: 'wholeNumber', min: values[0] as number, max: values[1] as number };
    case 'DATE_IS_VALID_DATE':
      return { kind: 'date' };
    case 'CUSTOM_FORMULA':
      return { kind: 'custom', formula: formulaBody(String(values[0])) };
  }
}

/** What a sheet of the fake holds, as the contract compares it. */
export function snapshotOf(sheet: FakeSheet, zone: string): SheetSnapshot {
  const values: SnapshotValue[][] = [];
  const styles: SheetSnapshot['styles'] = {};
  const validations: Record<string, string> = {};
  sheet.cells.forEach((row, r) => {
    const line: SnapshotValue[] = [];
    row?.forEach((cell, c) => {
      line[c] = valueOf(sheet, r, c, zone);
      if (!cell) return;
      const style: {
        -readonly [K in keyof SheetSnapshot['styles'][string]]: SheetSnapshot['styles'][string][K];
      } = {};
      if (cell.fontWeight === 'bold') style.bold = true;
      if (cell.background) style.fill = cell.background.toUpperCase();
      if (cell.fontColor) style.fontColour = cell.fontColor.toUpperCase();
      if (cell.numberFormat && cell.numberFormat !== 'General') style.numberFormat = cell.numberFormat;
      if (cell.wrap) style.wrap = true;
      if (Object.keys(style).length > 0) styles[a1(r, c)] = style;
      // Sheets never checks a blank cell: blanks always pass.
      if (cell.validation)
        validations[a1(r, c)] = validationSummary({ rule: ruleOf(cell.validation), allowBlank: true });
    });
    values[r] = Array.from(line, (v) => (v === undefined ? null : v));
  });
  for (let r = 0; r < values.length; r++) {
    const row = (values[r] ??= []);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
  }
  while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
  return {
    name: sheet.name,
    values,
    styles,
    merges: sheet.merges
      .map((m) => a1Range(m.row - 1, m.column - 1, m.row + m.numRows - 2, m.column + m.numColumns - 2))
      .sort(),
    validations: Object.fromEntries(Object.entries(validations).sort(([a], [b]) => a.localeCompare(b))),
    conditionalFormats: sheet.conditionalFormatRules
      .flatMap((rule) =>
        rule.ranges.map((range) => {
          const condition = rule.getBooleanCondition();
          return {
            range: a1Range(
              range.row - 1,
              range.column - 1,
              range.row + range.numRows - 2,
              range.column + range.numColumns - 2,
            ),
            formula: formulaBody(condition.formula),
            ...(condition.background ? { fill: condition.background.toUpperCase() } : {}),
            ...(condition.fontColor ? { fontColour: condition.fontColor.toUpperCase() } : {}),
          };
        }),
      )
      .sort((a, b) => a.range.localeCompare(b.range) || a.formula.localeCompare(b.formula)),
    frozenRows: sheet.frozenRows,
  };
}
