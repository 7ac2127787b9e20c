// A plan's data validations and conditional formats as exceljs rules, added to a worksheet.
import type ExcelJS from 'exceljs';
import { formulaBody, listSource, validationTexts } from '../core/index.ts';
import type { ConditionalFormat, DataValidation, SheetRules } from '../core/index.ts';
import { THIN_BOX, rangeRef, solidFill, storableText, toFont } from './render-plan.ts';

/** exceljs keeps conditional formats in a public array its typings leave out. */
interface WorksheetWithFormats {
  conditionalFormattings: { ref: string; rules: { formulae?: unknown[] }[] }[];
}

/** exceljs keeps data validations in a public model its typings leave out. */
interface WorksheetWithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/**
 * Adds validations and conditional formats to a worksheet. A conditional format replaces one
 * with the same formula (so applying the same rules twice changes nothing); a validation
 * replaces what the cells it covers had.
 */
export function applySheetRules(worksheet: ExcelJS.Worksheet, rules: SheetRules): void {
  const formats = worksheet as unknown as WorksheetWithFormats;
  const ours = new Set(rules.conditionalFormats.map((format) => formulaBody(format.formula)));
  formats.conditionalFormattings = (formats.conditionalFormattings ?? []).filter(
    (existing) => !existing.rules.some((rule) => rule.formulae?.some((formula) => ours.has(String(formula)))),
  );
  const base = formats.conditionalFormattings.length;
  rules.conditionalFormats.forEach((format, index) =>
    worksheet.addConditionalFormatting(conditionalFormatting(format, base + index + 1)),
  );
  const validations = (worksheet as unknown as WorksheetWithValidations).dataValidations;
  for (const validation of rules.validations) {
    validations.add(rangeRef(validation.range), toValidation(validation));
  }
}

/** A plan's conditional format as exceljs's model, at `priority`. */
export function conditionalFormatting(
  format: ConditionalFormat,
  priority: number,
): ExcelJS.ConditionalFormattingOptions {
  const style: Partial<ExcelJS.Style> = {};
  const font = toFont(format.style);
  if (font) style.font = font;
  if (format.style.fill) style.fill = solidFill(format.style.fill);
  if (format.style.border) style.border = THIN_BOX;
  // Always an expression rule: exceljs writes containsText rules that LibreOffice cannot show.
  return {
    ref: rangeRef(format.range),
    rules: [{ type: 'expression', priority, formulae: [formulaBody(format.formula)], style }],
  };
}

// Validation dates: 1900-03-01 (the first serial exceljs and Excel agree on) to 9999-12-31.
const FIRST_DATE = new Date(Date.UTC(1900, 2, 1));
const LAST_DATE = new Date(Date.UTC(9999, 11, 31));

export function toValidation(validation: DataValidation): ExcelJS.DataValidation {
  const where = rangeRef(validation.range);
  const rule = validation.rule;
  const texts = validationTexts(validation, storableText);
  const messages = {
    allowBlank: validation.allowBlank,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: texts.error.title,
    error: texts.error.text,
    ...(texts.prompt
      ? { showInputMessage: true, promptTitle: texts.prompt.title, prompt: texts.prompt.text }
      : {}),
  };
  switch (rule.kind) {
    case 'list':
      return { type: 'list', formulae: [listFormula(rule.values, where)], ...messages };
    case 'wholeNumber':
      return { type: 'whole', operator: 'between', formulae: [rule.min, rule.max], ...messages };
    case 'date':
      return { type: 'date', operator: 'between', formulae: [FIRST_DATE, LAST_DATE], ...messages };
    case 'custom':
      return { type: 'custom', formulae: [formulaBody(rule.formula)], ...messages };
  }
}

/** The list as the file's `<formula1>` holds it: a range without its `=`, or the choices quoted. */
function listFormula(values: readonly string[], where: string): string {
  const source = listSource(values, where);
  return source.kind === 'range' ? source.formula.slice(1) : `"${source.text.replace(/"/g, '""')}"`;
}
