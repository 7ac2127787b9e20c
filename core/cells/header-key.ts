// How headers and titles are compared: what a person would call the same heading.

/**
 * A header or title reduced to what identifies it: lower case, notes in brackets dropped, `&`
 * read as "and", no spaces or punctuation. The data sheets' headers and the Scoring sheet's
 * titles and headers are all matched by it.
 * @example normaliseHeader('Closure reported @ JAC') // 'closurereportedjac'
 * @example normaliseHeader('Key Controls & Activities') // 'keycontrolsandactivities'
 * @example normaliseHeader('Impact (1-5)') // 'impact'
 */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
