// Splits an Excel number-format code into literal text, bracket sections and format characters.

export type FormatToken =
  /** `"text"` or `\c`: shown as written, never a format character. */
  | { readonly kind: 'literal'; readonly text: string }
  /** `[Red]`, `[$-409]`, `[>100]`, `[h]`: the text between the brackets. */
  | { readonly kind: 'bracket'; readonly text: string }
  /** `_c` (a space the width of c) and `*c` (repeat c to fill the cell). */
  | { readonly kind: 'spacing'; readonly char: string }
  /** Any other character, which may be a format character (`0`, `#`, `d`, `;`, `.`). */
  | { readonly kind: 'char'; readonly char: string };

/**
 * The tokens of a format code, so callers look at format characters only where Excel would:
 * `"Days"0` has a `d` only inside quotes, `\d` is an escaped literal, `[$-F800]` is a locale.
 * @example formatTokens('"CRR"000').map((t) => t.kind) // ['literal', 'char', 'char', 'char']
 */
export function formatTokens(code: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      tokens.push({ kind: 'literal', text: code.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: code[i + 1] ?? '' });
      i++;
    } else if (ch === '_' || ch === '*') {
      tokens.push({ kind: 'spacing', char: code[i + 1] ?? '' });
      i++;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end;
      tokens.push({ kind: 'bracket', text: code.slice(i + 1, stop) });
      i = stop;
    } else {
      tokens.push({ kind: 'char', char: ch });
    }
  }
  return tokens;
}
