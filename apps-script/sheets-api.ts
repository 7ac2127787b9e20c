// The slice of SpreadsheetApp, Utilities and the Ui the adapter calls: nothing else exists for it.
/**
 * The real `GoogleAppsScript.*` types are assignable to these (checked by
 * test/apps-script/types-assignable.ts), so the adapter compiles against what Apps Script
 * offers while tests hand it the in-memory fake. Keeping the surface small keeps the fake honest.
 */

export interface SpreadsheetAppApi {
  getActive(): SpreadsheetApi;
  getUi(): UiApi;
  newDataValidation(): DataValidationBuilderApi;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderApi;
}

export interface UtilitiesApi {
  formatDate(date: Date, timeZone: string, format: string): string;
}

export interface SpreadsheetApi {
  getSheets(): SheetApi[];
  insertSheet(sheetName: string, sheetIndex: number): SheetApi;
  deleteSheet(sheet: SheetApi): void;
  getSpreadsheetTimeZone(): string;
  toast(msg: string, title: string, timeoutSeconds: number | null): void;
}

export interface SheetApi {
  getName(): string;
  setName(name: string): SheetApi;
  getIndex(): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeApi;
  getRangeList(a1Notations: string[]): RangeListApi;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): SheetApi;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetApi;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteColumns(columnPosition: number, howMany: number): void;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetApi;
  setRowHeights(startRow: number, numRows: number, height: number): SheetApi;
  setTabColor(color: string | null): SheetApi;
  getConditionalFormatRules(): ConditionalFormatRuleApi[];
  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void;
}

export interface RangeApi {
  getValues(): unknown[][];
  /** The text each cell shows (read for ID columns only: 007 where the value is 7). */
  getDisplayValues(): string[][];
  setValues(values: unknown[][]): RangeApi;
  setFormulas(formulas: string[][]): RangeApi;
  setNumberFormats(numberFormats: string[][]): RangeApi;
  setBackgrounds(color: (string | null)[][]): RangeApi;
  setFontWeights(fontWeights: (string | null)[][]): RangeApi;
  setFontStyles(fontStyles: (string | null)[][]): RangeApi;
  setFontColors(colors: (string | null)[][]): RangeApi;
  setFontSizes(sizes: number[][]): RangeApi;
  setWraps(isWrapEnabled: boolean[][]): RangeApi;
  setHorizontalAlignments(alignments: (string | null)[][]): RangeApi;
  setVerticalAlignments(alignments: (string | null)[][]): RangeApi;
  setDataValidations(rules: (DataValidationApi | null)[][]): RangeApi;
  merge(): RangeApi;
}

export interface RangeListApi {
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): RangeListApi;
}

/** Built rules are opaque to the adapter: it only hands them back to a range. */
export type DataValidationApi = object;

export interface DataValidationBuilderApi {
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderApi;
  requireFormulaSatisfied(formula: string): DataValidationBuilderApi;
  requireDate(): DataValidationBuilderApi;
  requireNumberBetween(start: number, end: number): DataValidationBuilderApi;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderApi;
  setHelpText(helpText: string): DataValidationBuilderApi;
  build(): DataValidationApi;
}

export interface BooleanConditionApi {
  getCriteriaValues(): unknown[];
}

export interface ConditionalFormatRuleApi {
  getBooleanCondition(): BooleanConditionApi | null;
}

export interface ConditionalFormatRuleBuilderApi {
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderApi;
  setBackground(color: string | null): ConditionalFormatRuleBuilderApi;
  setFontColor(color: string | null): ConditionalFormatRuleBuilderApi;
  setBold(bold: boolean | null): ConditionalFormatRuleBuilderApi;
  setItalic(italic: boolean | null): ConditionalFormatRuleBuilderApi;
  setRanges(ranges: RangeApi[]): ConditionalFormatRuleBuilderApi;
  build(): ConditionalFormatRuleApi;
}

export interface UiApi {
  readonly Button: { readonly OK: unknown; readonly CANCEL: unknown; readonly CLOSE: unknown };
  readonly ButtonSet: { readonly OK: unknown; readonly OK_CANCEL: unknown };
  createMenu(caption: string): MenuApi;
  createAddonMenu(): MenuApi;
  alert(title: string, prompt: string, buttons: unknown): unknown;
  prompt(title: string, prompt: string, buttons: unknown): PromptResponseApi;
}

export interface MenuApi {
  addItem(caption: string, functionName: string): MenuApi;
  addSeparator(): MenuApi;
  addToUi(): void;
}

export interface PromptResponseApi {
  getResponseText(): string;
  getSelectedButton(): unknown;
}

/** The event a simple `onEdit` trigger receives: only the edited range is used. */
export interface EditEventApi {
  readonly range: EditedRangeApi;
}

export interface EditedRangeApi {
  getSheet(): SheetApi;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
}

/** What the script's global scope holds in Apps Script (and what tests put into a vm context). */
export interface AppsScriptGlobals {
  readonly SpreadsheetApp: SpreadsheetAppApi;
  readonly Utilities: UtilitiesApi;
}

/** The host services, looked up when first used so that loading the bundle touches nothing. */
export function host(): AppsScriptGlobals {
  return globalThis as unknown as AppsScriptGlobals;
}
