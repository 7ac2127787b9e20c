// Bytes as printable ASCII for a string literal in Code.js, denser than base64: each 13 bits are
// two digits of base 91 (91² ≥ 2¹³), 1.23 characters a byte against base64's 1.33. The digits
// are '!'..'~' without '"', '\' and '`': a double-quoted literal holds them without escapes,
// and none can close a template literal (where `${` could appear, so the build keeps the
// double quotes; a test checks). The build encodes (Node); lazy.ts decodes in Apps Script.

const BASE = 91;

/** The digit a character stands for: its code from '!' (33), skipping '"' (34), '\' (92) and '`' (96). */
function digit(code: number): number {
  return code - 33 - +(code > 34) - +(code > 92) - +(code > 96);
}

/** The character of a digit (the inverse of `digit`). */
function character(value: number): string {
  let code = value + 33;
  for (const skipped of [34, 92, 96]) if (code >= skipped) code++;
  return String.fromCharCode(code);
}

/**
 * Bytes (0..255) as base-91 text: 13 bits, least significant first, to two digits; the last
 * bits (fewer than 13) to one digit when they are 6 or fewer, else two.
 * @example decodePacked(encodePacked([1, 2, 255])) // [1, 2, 255]
 */
export function encodePacked(bytes: Uint8Array | readonly number[]): string {
  let text = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value |= (byte & 255) << bits;
    bits += 8;
    if (bits >= 13) {
      const group = value & 8191;
      text += character(group % BASE) + character(Math.floor(group / BASE));
      value >>= 13;
      bits -= 13;
    }
  }
  if (bits > 0) text += character(value % BASE) + (bits > 6 ? character(Math.floor(value / BASE)) : '');
  return text;
}

/** The bytes (0..255) of base-91 text. */
export function decodePacked(text: string): number[] {
  const bytes: number[] = [];
  let value = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i += 2) {
    // A digit alone at the end holds the last 6 bits or fewer: counted as 7, the rest is padding.
    const pair = i + 1 < text.length;
    value |= (digit(text.charCodeAt(i)) + (pair ? digit(text.charCodeAt(i + 1)) * BASE : 0)) << bits;
    for (bits += pair ? 13 : 7; bits >= 8; bits -= 8, value >>= 8) bytes.push(value & 255);
  }
  return bytes;
}
