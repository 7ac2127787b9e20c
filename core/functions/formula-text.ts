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
