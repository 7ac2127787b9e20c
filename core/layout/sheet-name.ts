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
