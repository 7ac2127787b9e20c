// R1C1 formulas as Sheets stores them in a cell: in A1 form, relative to that cell. Written
// apart from the adapter's A1 → R1C1 conversion, so a test of one checks the other.
import { columnLetter } from '../../../core/index.ts';

const REFERENCE = /R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?/g;

function coordinate(part: string | undefined, here: number): { index: number; absolute: boolean } {
  if (part === undefined) return { index: here, absolute: false };
  if (part.startsWith('[')) return { index: here + Number(part.slice(1, -1)), absolute: false };
  return { index: Number(part), absolute: true };
}

/** `=RISKSCORE(RC[-2],RC[-1])` in the cell at 1-based (row, column) as its A1 formula. */
export function a1FormulaOf(r1c1: string, row: number, column: number): string {
  if (!r1c1.startsWith('='))
    throw new Error(`fake: setFormulaR1C1 takes a formula, not ${JSON.stringify(r1c1)}`);
  // Quoted parts (string literals, sheet names) are kept as they are.
  return r1c1
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(REFERENCE, (_m, rowPart?: string, columnPart?: string) => {
            const r = coordinate(rowPart, row);
            const c = coordinate(columnPart, column);
            if (r.index < 1 || c.index < 1) throw new Error(`fake: ${r1c1} points outside the sheet`);
            return `${c.absolute ? '$' : ''}${columnLetter(c.index - 1)}${r.absolute ? '$' : ''}${r.index}`;
          }),
    )
    .join('');
}
