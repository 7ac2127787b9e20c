/// <reference types="office-js" />
// Data validations and conditional formats of a plan, as Office.js calls, one call per rule.
import {
  a1,
  formulaBody,
  formulaText,
  listSource,
  validationTexts,
  type ConditionalFormat,
  type DataValidation,
  type SheetRules,
} from '../core/index.ts';
import { CALL_BYTES, payloadBytes, rangeOf, type SheetCall, type WriteBatch } from './batch.ts';

/** Office.js takes a range as its formula (`=Lists!$A$2:$A$6`) and an inline list as its text. */
function officeListSource(values: readonly string[], where: string): string {
  const source = listSource(values, where);
  return source.kind === 'range' ? source.formula : source.text;
}

function officeRule(validation: DataValidation, where: string): Excel.DataValidationRule {
  const rule = validation.rule;
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: officeListSource(rule.values, where) } };
    case 'wholeNumber':
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'date':
      // Any real date: 1900-03-01 (the first serial every client agrees on) to 9999-12-31.
      return { date: { formula1: '1900-03-01', formula2: '9999-12-31', operator: 'Between' } };
    case 'custom':
      return { custom: { formula: formulaText(rule.formula) } };
  }
}

/** Replaces the validation of the range's cells: clear, then the rule and its messages. */
export function validationCall(validation: DataValidation): SheetCall {
  const where = a1(validation.range.top, validation.range.left);
  const rule = officeRule(validation, where);
  const texts = validationTexts(validation);
  const prompt = texts.prompt
    ? { showPrompt: true, title: texts.prompt.title, message: texts.prompt.text }
    : undefined;
  const errorAlert = {
    showAlert: true,
    style: 'Stop' as const,
    title: texts.error.title,
    message: texts.error.text,
  };
  return {
    bytes: payloadBytes({ rule, prompt, errorAlert }) + CALL_BYTES * 4,
    queue: (sheet) => {
      const target = rangeOf(sheet, validation.range).dataValidation;
      target.clear();
      target.rule = rule;
      target.ignoreBlanks = validation.allowBlank;
      if (prompt) target.prompt = prompt;
      target.errorAlert = errorAlert;
    },
  };
}

/** A custom-formula conditional format (the formula is written for the range's top-left cell). */
export function conditionalFormatCall(format: ConditionalFormat): SheetCall {
  return {
    bytes: payloadBytes(format.formula) + CALL_BYTES * 5,
    queue: (sheet) => {
      const added = rangeOf(sheet, format.range).conditionalFormats.add('Custom');
      added.custom.rule.formula = formulaText(format.formula);
      if (format.style.fill) added.custom.format.fill.color = format.style.fill;
      if (format.style.fontColour) added.custom.format.font.color = format.style.fontColour;
      if (format.style.bold) added.custom.format.font.bold = true;
    },
  };
}

function normaliseFormula(formula: string): string {
  return formulaBody(formula).trim();
}

/**
 * Queues the rules of a sheet without touching a value: one sync finds the conditional formats
 * that carry the same formulas (they are replaced), then the batch removes them, clears the
 * covered cells' validation and adds the new rules.
 */
export async function queueSheetRules(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  rules: SheetRules,
  batch: WriteBatch,
): Promise<void> {
  const formulas = new Set(rules.conditionalFormats.map((format) => normaliseFormula(format.formula)));
  // customOrNullObject, never custom: loading `custom` fails the whole request in Excel when the
  // sheet holds a format of another type (a user's colour scale or cell-value rule).
  const current = worksheet
    .getRange()
    .conditionalFormats.load('items/type, items/customOrNullObject/rule/formula');
  await context.sync();
  for (const format of current.items) {
    const custom = format.customOrNullObject;
    // Formats that are not ours (another type, or another formula) stay as they are.
    if (
      format.type !== 'Custom' ||
      custom.isNullObject ||
      !formulas.has(normaliseFormula(custom.rule.formula))
    )
      continue;
    await batch.add(payloadBytes(null), () => format.delete());
  }
  const calls = [
    ...rules.validations.map(validationCall),
    ...rules.conditionalFormats.map(conditionalFormatCall),
  ];
  for (const call of calls) await batch.add(call.bytes, () => call.queue(worksheet));
}
