// Decodes the `_xHHHH_` escapes OOXML uses for characters XML cannot carry (ST_Xstring).

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text with every `_xHHHH_` replaced by its UTF-16 code unit (`_x000d_` is CR). A literal
 * `_xHHHH_` is stored with its underscore escaped, `_x005F_xHHHH_`: one left-to-right pass
 * turns `_x005F_` into `_` and resumes after it, so the following `xHHHH_` stays literal.
 * Surrogate pairs arrive as two escapes and join back into one character.
 * @example decodeOoxmlEscapes('a_x000D_b') // 'a\rb'
 * @example decodeOoxmlEscapes('_x005F_x000d_') // '_x000d_'
 */
export function decodeOoxmlEscapes(text: string): string {
  // Most strings hold no escape at all: skip the regex machinery for them.
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
