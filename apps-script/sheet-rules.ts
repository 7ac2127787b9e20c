// Data validations and conditional formats of a plan, as Sheets rules, one call per rule.
import {
  formulaText,
  type ConditionalFormat,
  type DataValidation,
  type ValidationRule,
} from '../core/index.ts';
import type {
  ConditionalFormatRuleApi,
  DataValidationApi,
  SheetApi,
  SpreadsheetAppApi,
} from './sheets-api.ts';

/** Sheets has no whole-number rule: numbers between min and max, and onEdit catches 2.5. */
function criteria(app: SpreadsheetAppApi, rule: ValidationRule) {
  const builder = app.newDataValidation();
  switch (rule.kind) {
    case 'list':
      return builder.requireValueInList([...rule.values], true);
    case 'wholeNumber':
      return builder.requireNumberBetween(rule.min, rule.max);
    case 'date':
      return builder.requireDate();
    case 'custom':
      return builder.requireFormulaSatisfied(formulaText(rule.formula));
  }
}

/**
 * Rejects bad input (Sheets never checks a blank cell, so `allowBlank` holds by itself) and
 * shows the prompt, or the error text, as the help text.
 */
function toRule(app: SpreadsheetAppApi, validation: DataValidation): DataValidationApi {
  const help = validation.prompt
    ? `${validation.prompt.text} ${validation.error.text}`
    : validation.error.text;
  return criteria(app, validation.rule).setAllowInvalid(false).setHelpText(help).build();
}

/**
 * Each validation replaces the validation of the cells it covers and nothing else: one
 * setDataValidations per plan validation, the 2-D array filled with its one rule.
 */
export function applyValidations(
  sheet: SheetApi,
  app: SpreadsheetAppApi,
  validations: readonly DataValidation[],
): void {
  for (const validation of validations) {
    const { top, left, bottom, right } = validation.range;
    const rule = toRule(app, validation);
    const rows = bottom - top + 1;
    const columns = right - left + 1;
    const grid = Array.from({ length: rows }, () => new Array<DataValidationApi | null>(columns).fill(rule));
    sheet.getRange(top + 1, left + 1, rows, columns).setDataValidations(grid);
  }
}

function ruleFormula(rule: ConditionalFormatRuleApi): string | undefined {
  const value = rule.getBooleanCondition()?.getCriteriaValues()[0];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Adds the plan's conditional formats to the sheet's rules in one write; a rule with the same
 * formula as one of them is replaced, so applying the same rules twice changes nothing.
 */
export function applyConditionalFormats(
  sheet: SheetApi,
  app: SpreadsheetAppApi,
  formats: readonly ConditionalFormat[],
): void {
  const built = formats.map((format) => {
    const { top, left, bottom, right } = format.range;
    let builder = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(formulaText(format.formula))
      .setRanges([sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1)]);
    if (format.style.fill) builder = builder.setBackground(format.style.fill);
    if (format.style.fontColour) builder = builder.setFontColor(format.style.fontColour);
    if (format.style.bold) builder = builder.setBold(true);
    if (format.style.italic) builder = builder.setItalic(true);
    return builder.build();
  });
  const replaced = new Set(formats.map((format) => formulaText(format.formula)));
  const kept = sheet.getConditionalFormatRules().filter((rule) => !replaced.has(ruleFormula(rule) ?? ''));
  sheet.setConditionalFormatRules([...kept, ...built]);
}
