/** Sheet names every host accepts: Excel's rules are the strictest (31 characters, no []:*?/\). */

export const SHEET_NAME_MAX = 31;

/**
 * A name Excel, Sheets and LibreOffice all accept, keeping as much of `wanted` as it can.
 * @example safeSheetName('Register Q2 2022/23') // 'Register Q2 2022-23'
 */
export function safeSheetName(wanted: string): string {
  let name = wanted
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  name = name.replace(/^'+|'+$/g, '');
  if (name.length > SHEET_NAME_MAX) name = name.slice(0, SHEET_NAME_MAX).trimEnd();
  if (name === '' || name.toLowerCase() === 'history') name = `${name || 'Sheet'} 1`;
  return name;
}

/** Sheet names as users see them: `risks ` is the Risks sheet. One rule for every port. */
export function sameSheetName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * A name none of `taken` has, within the length limit, for a sheet built before it replaces
 * `name`: every host builds a new sheet in full first, so a failure leaves the old one.
 * @example temporarySheetName('Register', ['Register', 'Register (new)']) // 'Register (new 2)'
 */
export function temporarySheetName(name: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (new)' : ` (new ${n})`;
    const candidate = `${name.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.some((other) => sameSheetName(other, candidate))) return candidate;
  }
}
