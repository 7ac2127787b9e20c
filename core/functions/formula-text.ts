// Text inside formulas: string literals and sheet names, quoted as every spreadsheet reads them.

/**
 * A text as a formula's string literal: in double quotes, a quote doubled.
 * @example formulaString('say "hi"') // '"say ""hi"""'
 */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A sheet name in single quotes, a quote doubled: valid in a reference whatever the name holds.
 * @example quotedSheetName("Bob's risks") // "'Bob''s risks'"
 */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A formula's text without its leading `=`: how plans may write it and how exceljs and
 * defined names take it.
 * @example formulaBody('=A1+1') // 'A1+1'
 */
export function formulaBody(formula: string): string {
  return formula.replace(/^=/, '');
}

/**
 * A formula as a cell or a rule takes it in Office.js and Sheets: one leading `=`.
 * @example formulaText('A1+1') // '=A1+1'
 */
export function formulaText(formula: string): string {
  return `=${formulaBody(formula)}`;
}
