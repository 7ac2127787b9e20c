/**
 * A list validation as the .xlsx format and Excel hold it: either a range that holds the choices
 * (`=Lists!$A$2:$A$6`, given as the one value of the list) or the choices inline, comma-separated,
 * which cannot contain a comma and may be at most 255 characters. One rule for the CLI's files
 * and the Excel add-in; Sheets keeps its lists as arrays and needs neither.
 */

/** Excel's limit on an inline list (`"A,B,C"`); a longer one makes Excel "repair" the file. */
export const MAX_INLINE_LIST = 255;

const LIST_RANGE = /^=(?:'[^']+'!|[A-Za-z_][\w.]*!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;

export type ListSource =
  { readonly kind: 'range'; readonly formula: string } | { readonly kind: 'inline'; readonly text: string };

/**
 * @example listSource(['Open', 'Closed'], 'Risks!G2:G600') // { kind: 'inline', text: 'Open,Closed' }
 * @example listSource(['=Lists!$A$2:$A$6'], 'Risks!G2') // { kind: 'range', formula: '=Lists!$A$2:$A$6' }
 */
export function listSource(values: readonly string[], where: string): ListSource {
  const only = values.length === 1 ? values[0]! : undefined;
  if (only !== undefined && LIST_RANGE.test(only)) return { kind: 'range', formula: only };
  const bad = values.find((value) => value.includes(','));
  if (bad !== undefined) {
    throw new RangeError(
      `Validation list for ${where}: ${JSON.stringify(bad)} contains a comma, which an inline list cannot hold.`,
    );
  }
  const text = values.join(',');
  if (text.length > MAX_INLINE_LIST) {
    throw new RangeError(
      `Validation list for ${where} is ${text.length} characters; an inline list holds at most ${MAX_INLINE_LIST}. Use a range.`,
    );
  }
  return { kind: 'inline', text };
}
