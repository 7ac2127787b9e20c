/** Numbers typed as text ("4", "2.5", "1e3"), read as spreadsheets read them in arithmetic. */

// Plain decimal text only: `Number()` would also take '0x10', 'Infinity' and '', which no
// spreadsheet reads as numbers.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number that text is, surrounding spaces ignored; undefined when it is anything else.
 * @example numberFromText(' 4 ') // 4
 * @example numberFromText('0x10') // undefined
 */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined;
}
