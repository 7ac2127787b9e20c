// What a host says about a failure it did not expect, whatever was thrown.

/**
 * The message of a thrown value. Not `instanceof Error`: in Apps Script and Office an error may
 * come from another realm, whose Error is another class.
 * @example errorText(new Error('no sheet')) // 'no sheet'
 * @example errorText('plain') // 'plain'
 */
export function errorText(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as Error).message === 'string'
    ? (error as Error).message
    : String(error);
}
