// Shows a number through a simple ID-style format (`"CRR"000`) as the text the user sees.
import { formatTokens, type FormatToken } from '../../core/index.ts';

/** Characters Excel shows as themselves without quotes; `/`, `:`, `,`, `.` and `%` are format characters. */
const PLAIN_LITERALS = new Set([
  '$',
  '-',
  '+',
  '(',
  ')',
  ' ',
  '!',
  '^',
  '&',
  "'",
  '~',
  '{',
  '}',
  '<',
  '>',
  '=',
]);

type Piece = { readonly text: string } | { readonly digit: '0' | '#' };

function pieceOf(token: FormatToken): Piece | undefined {
  if (token.kind === 'literal') return { text: token.text };
  if (token.kind !== 'char') return undefined;
  if (token.char === '0' || token.char === '#') return { digit: token.char };
  return PLAIN_LITERALS.has(token.char) ? { text: token.char } : undefined;
}

/**
 * For a format made only of literal text (quoted `"CRR"`, escaped `\R`, or plain `-`, space,
 * brackets) and `0`/`#` digit placeholders, with at least one quoted or escaped literal: a
 * function giving the text Excel displays for a number, e.g. 1 → `CRR001`. Registers keep IDs
 * this way so a user typing 1 sees CRR001; the core must match what the user sees.
 * Anything else (decimals, thousands, sections `;`, colours, dates, fractions) gives undefined
 * and the cell stays a number: those formats change how a number looks, not what it identifies.
 * @example literalNumberFormat('"CRR"000')?.(1) // 'CRR001'
 * @example literalNumberFormat('0.00') // undefined
 */
export function literalNumberFormat(code: string): ((value: number) => string | undefined) | undefined {
  const tokens = formatTokens(code);
  const pieces: Piece[] = [];
  for (const token of tokens) {
    const piece = pieceOf(token);
    if (!piece) return undefined;
    pieces.push(piece);
  }
  const placeholders = pieces.filter((piece) => 'digit' in piece).length;
  const hasLiteral = tokens.some((token) => token.kind === 'literal' && token.text !== '');
  if (placeholders === 0 || !hasLiteral) return undefined;
  return (value) => formatInteger(pieces, placeholders, value);
}

/**
 * Digits fill the placeholders from the right; the leftmost placeholder takes any extra digits
 * (`"R"00` shows 123 as R123). `0` shows a zero where there is no digit, `#` shows nothing.
 * Excel rounds halves away from zero and puts a minus sign in front of everything.
 */
function formatInteger(pieces: readonly Piece[], placeholders: number, value: number): string | undefined {
  const rounded = Math.round(Math.abs(value));
  if (!Number.isFinite(value) || rounded >= 1e21) return undefined;
  const digits = rounded === 0 ? '' : String(rounded);
  let out = value < 0 && rounded !== 0 ? '-' : '';
  let seen = 0;
  for (const piece of pieces) {
    if ('text' in piece) {
      out += piece.text;
      continue;
    }
    seen++;
    // Placeholder number `seen` of `placeholders` takes digit (length - (placeholders - seen) - 1).
    const fromRight = placeholders - seen;
    const at = digits.length - fromRight - 1;
    if (seen === 1 && at > 0) out += digits.slice(0, at + 1);
    else if (at >= 0) out += digits[at];
    else if (piece.digit === '0') out += '0';
  }
  return out;
}
