// Compile-time only: the real Apps Script types fit the small interfaces apps-script/ uses.
/// <reference types="google-apps-script" />
import type {
  ConditionalFormatRuleApi,
  ConditionalFormatRuleBuilderApi,
  DataValidationBuilderApi,
  EditEventApi,
  RangeApi,
  SheetApi,
  SpreadsheetApi,
  SpreadsheetAppApi,
  UiApi,
  UtilitiesApi,
} from '../../apps-script/sheets-api.ts';

type Assignable<From extends To, To> = [From, To];

export type Checks = [
  Assignable<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppApi>,
  Assignable<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetApi>,
  Assignable<GoogleAppsScript.Spreadsheet.Sheet, SheetApi>,
  Assignable<GoogleAppsScript.Spreadsheet.Range, RangeApi>,
  Assignable<GoogleAppsScript.Spreadsheet.DataValidationBuilder, DataValidationBuilderApi>,
  Assignable<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, ConditionalFormatRuleBuilderApi>,
  Assignable<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, ConditionalFormatRuleApi>,
  Assignable<GoogleAppsScript.Base.Ui, UiApi>,
  Assignable<GoogleAppsScript.Utilities.Utilities, UtilitiesApi>,
  Assignable<GoogleAppsScript.Events.SheetsOnEdit, EditEventApi>,
];
